import CohortMail
import Foundation
import Testing

/// Sends to a real SMTP server (aiosmtpd) that each test starts on 127.0.0.1 and stops again.
@Suite(.enabled(if: LocalSMTPServer.testsRun, "needs python3-aiosmtpd (apt-get install python3-aiosmtpd openssl)"))
struct SMTPDeliveryTests {
    private func settings(_ server: LocalSMTPServer, host: String = "127.0.0.1") -> SMTPSettings {
        SMTPSettings(host: host, port: server.port, heloName: "cohort.test", timeout: .seconds(10))
    }

    @Test func deliversExactlyTheRenderedMessage() throws {
        let server = try LocalSMTPServer()
        defer { server.stop() }
        let message = try SampleMessages.report()

        let reply = try SMTPClient(settings: settings(server)).send(message)

        #expect(reply.code == 250)
        #expect(reply.text.contains("queued as 1"))
        let deliveries = try server.deliveries()
        #expect(deliveries.count == 1)
        let delivery = try #require(deliveries.first)
        #expect(delivery.message == message.rendered()) // byte for byte; the lone "." line was stuffed and unstuffed
        #expect(delivery.mail_from == "reports@acme.example")
        #expect(delivery.rcpt_tos == ["controlling@acme.example", "ceo@acme.example"])
        #expect(delivery.mail_options == ["SIZE=\(message.rendered().count)"])
        #expect(delivery.helo == "cohort.test")
        #expect(delivery.tls == false && delivery.login == nil)
    }

    @Test func sendsAnEMLFileAsItIsToTheEnvelopeRecipients() throws {
        let server = try LocalSMTPServer()
        defer { server.stop() }
        let eml = Data("Subject: as written\nFrom: a@b.example\n\n.dot\nbody\n".utf8) // LF only, as an editor may save it
        let envelope = SMTPEnvelope(from: try MailAddress("bounce@acme.example"),
                                    recipients: [try MailAddress("x@acme.example")])

        try SMTPClient(settings: settings(server, host: "localhost")).send(eml, envelope: envelope)

        let delivery = try #require(try server.deliveries().first)
        #expect(String(decoding: delivery.message, as: UTF8.self) == "Subject: as written\r\nFrom: a@b.example\r\n\r\n.dot\r\nbody\r\n")
        #expect(delivery.mail_from == "bounce@acme.example")
        #expect(delivery.rcpt_tos == ["x@acme.example"])
    }

    @Test func logsInWithPlainAuthentication() throws {
        let server = try LocalSMTPServer([.authentication(user: "reports", password: "pässwörd 1")])
        defer { server.stop() }
        var settings = settings(server)
        settings.credentials = SMTPCredentials(user: "reports", password: "pässwörd 1")

        try SMTPClient(settings: settings).send(try SampleMessages.report())

        #expect(try server.deliveries().map(\.login) == ["reports"])
    }

    @Test func wrongPasswordIsRejectedWithTheServersReply() throws {
        let server = try LocalSMTPServer([.authentication(user: "reports", password: "right")])
        defer { server.stop() }
        var settings = settings(server)
        settings.credentials = SMTPCredentials(user: "reports", password: "wrong")

        let error = #expect(throws: MailError.self) { try SMTPClient(settings: settings).send(try SampleMessages.report()) }
        guard case .rejected("127.0.0.1", .authentication(mechanism: "PLAIN"), let reply) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(reply.code == 535)
        #expect(try server.deliveries().isEmpty)
    }

    @Test func serverThatWantsALoginRefusesTheSenderWithoutOne() throws {
        let server = try LocalSMTPServer([.authentication(user: "reports", password: "right")])
        defer { server.stop() }
        let error = #expect(throws: MailError.self) { try SMTPClient(settings: settings(server)).send(try SampleMessages.report()) }
        guard case .rejected(_, .mailFrom("reports@acme.example"), let reply) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(reply.code == 530)
    }

    @Test(.enabled(if: TestCertificate.opensslPath != nil, "needs openssl"), arguments: ["127.0.0.1", "localhost"])
    func upgradesWithSTARTTLSCheckingTheCertificate(host: String) throws {
        let certificate = try TestCertificate()
        defer { certificate.remove() }
        let server = try LocalSMTPServer([.tls(certificate: certificate.certificate, key: certificate.key),
                                          .authentication(user: "reports", password: "secret")])
        defer { server.stop() }
        var settings = settings(server, host: host)
        settings.startTLS = true
        settings.trustedCertificates = certificate.certificate
        settings.credentials = SMTPCredentials(user: "reports", password: "secret")
        let message = try SampleMessages.report()

        try SMTPClient(settings: settings).send(message)

        let delivery = try #require(try server.deliveries().first)
        #expect(delivery.tls)
        #expect(delivery.login == "reports")
        #expect(delivery.message == message.rendered())
    }

    @Test(.enabled(if: TestCertificate.opensslPath != nil, "needs openssl"))
    func untrustedCertificateFailsTheHandshake() throws {
        let certificate = try TestCertificate()
        defer { certificate.remove() }
        let server = try LocalSMTPServer([.tls(certificate: certificate.certificate, key: certificate.key)])
        defer { server.stop() }
        var settings = settings(server)
        settings.startTLS = true // trusting the system's roots, which do not include the test's certificate

        #expect(throws: MailError.tlsFailed(host: "127.0.0.1", reason: .certificateNotVerified)) {
            try SMTPClient(settings: settings).send(try SampleMessages.report())
        }
        #expect(try server.deliveries().isEmpty)
    }

    @Test func startTLSThatTheServerDoesNotOfferIsAnError() throws {
        let server = try LocalSMTPServer()
        defer { server.stop() }
        var settings = settings(server)
        settings.startTLS = true
        #expect(throws: MailError.startTLSNotOffered(host: "127.0.0.1")) {
            try SMTPClient(settings: settings).send(try SampleMessages.report())
        }
        #expect(try server.deliveries().isEmpty)
    }

    @Test func refusedRecipientIsRejectedAndNothingIsSent() throws {
        let server = try LocalSMTPServer([.refuse(domain: "gone.example")])
        defer { server.stop() }
        let message = try SampleMessages.report(to: [try MailAddress("ok@acme.example"), try MailAddress("nobody@gone.example")])

        let error = #expect(throws: MailError.self) { try SMTPClient(settings: settings(server)).send(message) }
        guard case .rejected("127.0.0.1", .recipient("nobody@gone.example"), let reply) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(reply.code == 550)
        #expect(reply.text.contains("User unknown"))
        #expect(try server.deliveries().isEmpty)
    }

    @Test func fallsBackToHELOWhenEHLOIsUnknown() throws {
        let server = try LocalSMTPServer([.noEHLO])
        defer { server.stop() }
        let message = try SampleMessages.report()
        try SMTPClient(settings: settings(server)).send(message)
        let delivery = try #require(try server.deliveries().first)
        #expect(delivery.message == message.rendered())
        #expect(delivery.mail_options == []) // no SIZE= without EHLO
    }

    @Test func logsInWithLoginWhenPlainIsNotOffered() throws {
        let server = try LocalSMTPServer([.authentication(user: "reports", password: "secret"), .onlyLogin])
        defer { server.stop() }
        var settings = settings(server)
        settings.credentials = SMTPCredentials(user: "reports", password: "secret")

        try SMTPClient(settings: settings).send(try SampleMessages.report())

        #expect(try server.deliveries().map(\.login) == ["reports"])
    }

    @Test func messageLargerThanTheAnnouncedSizeIsNotSent() throws {
        let server = try LocalSMTPServer([.sizeLimit(4096)])
        defer { server.stop() }
        let size = try SampleMessages.report().rendered().count
        #expect(throws: MailError.messageTooLarge(host: "127.0.0.1", size: size, limit: 4096)) {
            try SMTPClient(settings: settings(server)).send(try SampleMessages.report())
        }
        #expect(try server.deliveries().isEmpty)
    }

    @Test(.enabled(if: TestCertificate.opensslPath != nil, "needs openssl"))
    func certificateForAnotherNameFailsTheHandshake() throws {
        let certificate = try TestCertificate(subjectAlternativeNames: "DNS:mail.other.example")
        defer { certificate.remove() }
        let server = try LocalSMTPServer([.tls(certificate: certificate.certificate, key: certificate.key)])
        defer { server.stop() }
        var settings = settings(server, host: "localhost")
        settings.startTLS = true
        settings.trustedCertificates = certificate.certificate // trusted, but not for "localhost"

        #expect(throws: MailError.tlsFailed(host: "localhost", reason: .nameMismatch)) {
            try SMTPClient(settings: settings).send(try SampleMessages.report())
        }
        #expect(try server.deliveries().isEmpty)
    }

    @Test func unreadableCertificateFileIsNamed() throws {
        var settings = SMTPSettings(host: "127.0.0.1", port: 25, startTLS: true)
        settings.trustedCertificates = "/nonexistent/ca.pem"
        let error = #expect(throws: MailError.self) { try SMTPClient(settings: settings).send(try SampleMessages.report()) }
        guard case .unreadableCertificates(path: "/nonexistent/ca.pem", _) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
    }
}
