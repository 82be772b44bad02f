import Foundation
import NIOCore
import NIOSSL

/// Sends messages over SMTP (RFC 5321), one connection per message, blocking the calling
/// thread until the server has accepted the message or refused it.
///
///     let client = SMTPClient(settings: try SMTPSettings(endpoint: "mail.acme.example:587"))
///     try client.send(message)     // throws(MailError)
///
/// The conversation: greeting, EHLO (HELO when EHLO is refused), STARTTLS and EHLO again
/// when `settings.startTLS`, AUTH PLAIN (or LOGIN) when there are credentials, MAIL FROM,
/// RCPT TO for each recipient, DATA with the dot-stuffed message, QUIT. Every step waits at
/// most `settings.timeout`. Call it from a plain thread, not from inside a Swift concurrency
/// task or an event loop: it blocks on SwiftNIO futures.
public struct SMTPClient: Sendable {
    public var settings: SMTPSettings

    public init(settings: SMTPSettings) {
        self.settings = settings
    }

    /// Sends `message.rendered()` to every `message.to`, from `message.from`.
    /// Returns the server's reply to the message (often naming its queue id).
    @discardableResult
    public func send(_ message: MailMessage) throws(MailError) -> SMTPReply {
        try send(message.rendered(), envelope: message.envelope)
    }

    /// Sends a message already rendered (a `.eml` file's bytes) exactly as it is, apart
    /// from the dot-stuffing the transfer needs; lone CR or LF line ends go as CRLF.
    @discardableResult
    public func send(_ message: Data, envelope: SMTPEnvelope) throws(MailError) -> SMTPReply {
        guard !envelope.recipients.isEmpty else { throw .noRecipients }
        let host = settings.host
        if settings.credentials != nil && !settings.startTLS && !Self.isLoopbackName(host) {
            throw .passwordWithoutTLS(host: host)
        }
        let tls = settings.startTLS ? try tlsContext() : nil

        let connection = try SMTPConnection.open(host: host, port: settings.port, timeout: settings.timeout)
        defer { connection.close() }

        try expect(connection.exchange(bytes: nil, step: .greeting), step: .greeting)
        var capabilities = try hello(connection)
        if let tls {
            guard capabilities.startTLS else { throw .startTLSNotOffered(host: host) }
            try expect(connection.exchange("STARTTLS", step: .startTLS), step: .startTLS)
            try connection.startTLS(context: tls, serverHostname: Self.isIPAddress(host) ? nil : host)
            capabilities = try hello(connection)
        }
        if let credentials = settings.credentials {
            guard connection.isEncrypted || connection.peerIsLoopback else { throw .passwordWithoutTLS(host: host) }
            try authenticate(connection, credentials: credentials, offered: capabilities.authenticationMechanisms)
        }

        if let limit = capabilities.sizeLimit, message.count > limit {
            throw .messageTooLarge(host: host, size: message.count, limit: limit)
        }
        let from = envelope.from.address
        let size = capabilities.sizeLimit == nil ? "" : " SIZE=\(message.count)"
        try expect(connection.exchange("MAIL FROM:<\(from)>\(size)", step: .mailFrom(from)), step: .mailFrom(from))
        for recipient in envelope.recipients.map(\.address) {
            try expect(connection.exchange("RCPT TO:<\(recipient)>", step: .recipient(recipient)), step: .recipient(recipient))
        }
        try expect(connection.exchange("DATA", step: .data), step: .data, code: 354)
        let accepted = try expect(connection.exchange(bytes: DotStuffing.payload(message), step: .message), step: .message)
        // The message is delivered; a server that does not answer QUIT changes nothing.
        _ = try? connection.exchange("QUIT", step: .quit)
        return accepted
    }

    /// EHLO, or HELO when the server refuses EHLO (an RFC 821 server).
    private func hello(_ connection: SMTPConnection) throws(MailError) -> SMTPCapabilities {
        let reply = try connection.exchange("EHLO \(settings.heloName)", step: .hello)
        if reply.isPositiveCompletion { return SMTPCapabilities(ehloReply: reply) }
        guard (500...599).contains(reply.code) else { throw .rejected(host: connection.host, step: .hello, reply: reply) }
        try expect(connection.exchange("HELO \(settings.heloName)", step: .hello), step: .hello)
        return SMTPCapabilities()
    }

    /// AUTH PLAIN (RFC 4616) with an initial response, or AUTH LOGIN when only that is offered.
    private func authenticate(_ connection: SMTPConnection, credentials: SMTPCredentials, offered: [String]) throws(MailError) {
        if offered.contains("PLAIN") {
            let step = SMTPStep.authentication(mechanism: "PLAIN")
            let token = Self.base64("\0\(credentials.user)\0\(credentials.password)")
            var reply = try connection.exchange("AUTH PLAIN \(token)", step: step)
            if reply.code == 334 { reply = try connection.exchange(token, step: step) } // no initial response taken
            try expect(reply, step: step, code: 235)
        } else if offered.contains("LOGIN") {
            let step = SMTPStep.authentication(mechanism: "LOGIN")
            try expect(connection.exchange("AUTH LOGIN", step: step), step: step, code: 334)
            try expect(connection.exchange(Self.base64(credentials.user), step: step), step: step, code: 334)
            try expect(connection.exchange(Self.base64(credentials.password), step: step), step: step, code: 235)
        } else {
            throw .authenticationNotOffered(host: connection.host, offered: offered)
        }
    }

    /// `reply` when it has `code` (any 2xx when nil), otherwise `MailError.rejected`.
    @discardableResult
    private func expect(_ reply: SMTPReply, step: SMTPStep, code: Int? = nil) throws(MailError) -> SMTPReply {
        let expected = code.map { reply.code == $0 } ?? reply.isPositiveCompletion
        guard expected else { throw .rejected(host: settings.host, step: step, reply: reply) }
        return reply
    }

    private func tlsContext() throws(MailError) -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let path = settings.trustedCertificates {
            do {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(path))
            } catch {
                throw .unreadableCertificates(path: path, reason: String(describing: error))
            }
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw .tlsFailed(host: settings.host, reason: .other(String(describing: error)))
        }
    }

    private static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }

    static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }

    /// `localhost` (RFC 6761), `*.localhost`, 127.0.0.0/8 or ::1: a host whose traffic never
    /// leaves the machine. Checked again against the address actually connected to.
    static func isLoopbackName(_ host: String) -> Bool {
        let name = host.lowercased()
        return name == "localhost" || name.hasSuffix(".localhost") || name == "::1"
            || (isIPAddress(name) && name.hasPrefix("127."))
    }
}
