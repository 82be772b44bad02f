import Foundation

/// Where and how to send: server, port, TLS, login and patience.
///
///     var settings = try SMTPSettings(endpoint: "mail.acme.example:587")
///     settings.startTLS = true
///     settings.credentials = SMTPCredentials(user: "reports", password: environmentPassword)
public struct SMTPSettings: Sendable {
    /// Host name or IP address of the server.
    public var host: String
    public var port: Int
    /// Upgrade the connection with STARTTLS after the first EHLO; `MailError.startTLSNotOffered`
    /// when the server does not offer it. The certificate is checked against `trustedCertificates`
    /// and the host name (or the IP address the connection went to).
    public var startTLS: Bool
    /// Log in with AUTH PLAIN (or LOGIN) after EHLO. Sent only over TLS or to a loopback
    /// address; otherwise the send fails with `MailError.passwordWithoutTLS` before connecting.
    public var credentials: SMTPCredentials?
    /// A PEM file with the certificates to trust for STARTTLS; nil for the system's.
    public var trustedCertificates: String?
    /// The name given in EHLO / HELO; by default this machine's host name when it is one
    /// (some servers refuse `localhost`), else `localhost`.
    public var heloName: String
    /// How long each step may take: connecting, the TLS handshake, and each reply after its
    /// command was sent; for the message itself, sending it and the server's reply.
    public var timeout: Duration

    public init(
        host: String, port: Int, startTLS: Bool = false, credentials: SMTPCredentials? = nil,
        trustedCertificates: String? = nil, heloName: String = SMTPSettings.defaultHeloName, timeout: Duration = .seconds(30)
    ) {
        self.host = host
        self.port = port
        self.startTLS = startTLS
        self.credentials = credentials
        self.trustedCertificates = trustedCertificates
        self.heloName = heloName
        self.timeout = timeout
    }

    /// This machine's host name when it is a valid one, else `localhost`.
    public static var defaultHeloName: String {
        let name = ProcessInfo.processInfo.hostName
        return MailAddress.isHostName(name.utf8) ? name : "localhost"
    }

    /// Settings for `host:port` or `[IPv6]:port`, as `--smtp` takes them.
    public init(endpoint: String) throws(MailError) {
        var host: Substring, port: Substring
        if endpoint.hasPrefix("["), let close = endpoint.firstIndex(of: "]") {
            host = endpoint[endpoint.index(after: endpoint.startIndex)..<close]
            let rest = endpoint[endpoint.index(after: close)...]
            guard rest.hasPrefix(":") else { throw .invalidEndpoint(endpoint) }
            port = rest.dropFirst()
        } else {
            guard let colon = endpoint.lastIndex(of: ":") else { throw .invalidEndpoint(endpoint) }
            host = endpoint[..<colon]
            port = endpoint[endpoint.index(after: colon)...]
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "/" }),
              port.allSatisfy(\.isASCII), let number = Int(port), (1...65535).contains(number)
        else { throw .invalidEndpoint(endpoint) }
        self.init(host: String(host), port: number)
    }
}

/// A user name and password for SMTP AUTH.
public struct SMTPCredentials: Sendable, CustomStringConvertible {
    public var user: String
    public var password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    /// The user only, so the password never reaches a log by accident.
    public var description: String { "\(user):••••" }
}
