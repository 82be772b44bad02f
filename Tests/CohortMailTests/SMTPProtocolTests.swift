#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import CohortMail
import Foundation
import NIOCore
import Testing

/// The pieces of the SMTP conversation that need no SMTP server, and connections that fail.
struct SMTPProtocolTests {
    @Test func repliesAreCutFromChunksAsTheyArrive() throws {
        var parser = SMTPReplyParser()
        parser.append(ByteBuffer(string: "220 smtp.test ESMTP\r\n250-smtp.test\r\n250-SIZE 1000"))
        #expect(try parser.next() == SMTPReply(code: 220, lines: ["smtp.test ESMTP"]))
        #expect(try parser.next() == nil)
        parser.append(ByteBuffer(string: "\r\n250-AUTH PLAIN LOGIN\r\n250 STARTTLS\r\n354\n"))
        let ehlo = try #require(try parser.next())
        #expect(ehlo == SMTPReply(code: 250, lines: ["smtp.test", "SIZE 1000", "AUTH PLAIN LOGIN", "STARTTLS"]))
        #expect(try parser.next() == SMTPReply(code: 354, lines: [""]))
        #expect(parser.bufferedBytes == 0)

        let capabilities = SMTPCapabilities(ehloReply: ehlo)
        #expect(capabilities.startTLS)
        #expect(capabilities.authenticationMechanisms == ["PLAIN", "LOGIN"])
        #expect(capabilities.sizeLimit == 1000)
    }

    @Test(arguments: ["HTTP/1.1 400 Bad Request\r\n", "25 short\r\n", "250x\r\n", "250-a\r\n251 b\r\n", "199 low\r\n"])
    func somethingElseIsAProtocolViolation(_ input: String) {
        var parser = SMTPReplyParser()
        parser.append(ByteBuffer(string: input))
        #expect(throws: SMTPProtocolViolation.self) { while try parser.next() != nil {} }
    }

    @Test func dotStuffingDoublesLeadingDotsAndEndsWithTheDot() {
        func payload(_ text: String) -> String {
            var buffer = DotStuffing.payload(Data(text.utf8))
            return buffer.readString(length: buffer.readableBytes)!
        }
        #expect(payload("a\r\n.\r\n..b\r\n") == "a\r\n..\r\n...b\r\n.\r\n")
        #expect(payload(".start") == "..start\r\n.\r\n")
        #expect(payload("bare\nlf\rcr\r") == "bare\r\nlf\r\ncr\r\n.\r\n")
        #expect(payload("x\r\r\n.y") == "x\r\n\r\n..y\r\n.\r\n")
        #expect(payload("") == ".\r\n")
        #expect(payload("a.b\r\n") == "a.b\r\n.\r\n")
    }

    @Test func loopbackNames() {
        for name in ["localhost", "LOCALHOST", "mail.localhost", "127.0.0.1", "127.1.2.3", "::1"] {
            #expect(SMTPClient.isLoopbackName(name), "\(name)")
        }
        for name in ["127.example", "mail.example", "10.0.0.1", "localhost.example", "::2"] {
            #expect(!SMTPClient.isLoopbackName(name), "\(name)")
        }
    }

    @Test func credentialsDoNotPrintThePassword() {
        #expect("\(SMTPCredentials(user: "reports", password: "s3cret"))" == "reports:••••")
    }

    @Test func passwordIsNeverSentInPlainTextToAnotherHost() throws {
        var settings = SMTPSettings(host: "mail.acme.example", port: 25)
        settings.credentials = SMTPCredentials(user: "reports", password: "s3cret")
        // Fails before connecting (mail.acme.example does not exist).
        #expect(throws: MailError.passwordWithoutTLS(host: "mail.acme.example")) {
            try SMTPClient(settings: settings).send(try SampleMessages.report())
        }
    }

    @Test func aMessageNeedsARecipient() throws {
        let message = try SampleMessages.report(to: [])
        #expect(throws: MailError.noRecipients) {
            try SMTPClient(settings: SMTPSettings(host: "127.0.0.1", port: 25)).send(message)
        }
    }

    @Test func nothingListeningIsCannotConnect() throws {
        let port = try UnusedPort.find()
        let settings = SMTPSettings(host: "127.0.0.1", port: port, timeout: .seconds(5))
        #expect(throws: MailError.cannotConnect(host: "127.0.0.1", port: port, reason: .refused)) {
            try SMTPClient(settings: settings).send(try SampleMessages.report())
        }
    }

    @Test func silentServerTimesOutWaitingForTheGreeting() throws {
        let listener = try UnusedPort.SilentListener() // accepts connections (in the kernel) and never speaks
        defer { listener.close() }
        let settings = SMTPSettings(host: "127.0.0.1", port: listener.port, timeout: .milliseconds(300))
        let started = ContinuousClock.now
        #expect(throws: MailError.timedOut(host: "127.0.0.1", step: .greeting)) {
            try SMTPClient(settings: settings).send(try SampleMessages.report())
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }
}
