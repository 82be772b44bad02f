/// Why a message could not be built or sent: facts only (the value, the host, the step,
/// the server's reply), for the command line to put into words.
///
///     do { try SMTPClient(settings: settings).send(message) }
///     catch .rejected(let host, .recipient(let address), let reply) { … reply.code == 550 … }
public enum MailError: Error, Equatable, Sendable {
    // MARK: Values

    /// Not an addr-spec this module can send to: `local@domain` with an ASCII dot-atom local
    /// part and a host name as the domain (no quoted local parts, no address literals).
    case invalidAddress(String)
    /// Not a `left@right` identifier usable as a Message-ID or Content-ID.
    case invalidIdentifier(String)
    /// Not a `type/subtype` media type.
    case invalidMediaType(String)
    /// Not `host:port` (or `[IPv6]:port`) with a port from 1 to 65535.
    case invalidEndpoint(String)
    /// The envelope has no recipient.
    case noRecipients

    // MARK: Settings

    /// The PEM file of trusted certificates could not be read; `reason` is the TLS library's.
    case unreadableCertificates(path: String, reason: String)
    /// Credentials were given for a connection that is neither TLS nor to a loopback address.
    case passwordWithoutTLS(host: String)

    // MARK: Conversation

    /// The TCP connection could not be made.
    case cannotConnect(host: String, port: Int, reason: ConnectFailure)
    /// The server did not answer within `SMTPSettings.timeout`.
    case timedOut(host: String, step: SMTPStep)
    /// The server closed (or reset) the connection before answering.
    case connectionClosed(host: String, step: SMTPStep)
    /// Reading or writing failed for another reason; `reason` is the system's.
    case transportFailed(host: String, step: SMTPStep, reason: String)
    /// The server sent something that is not an SMTP reply.
    case malformedReply(host: String, step: SMTPStep, text: String)
    /// The server answered with an error (4xx, 5xx) or an unexpected code.
    case rejected(host: String, step: SMTPStep, reply: SMTPReply)
    /// STARTTLS was asked for and the server's EHLO reply does not offer it.
    case startTLSNotOffered(host: String)
    /// The TLS handshake failed.
    case tlsFailed(host: String, reason: TLSFailure)
    /// Credentials were given and the server offers none of AUTH PLAIN and LOGIN;
    /// `offered` is what it does offer (empty: no AUTH at all).
    case authenticationNotOffered(host: String, offered: [String])
    /// The message is larger than the SIZE the server announced.
    case messageTooLarge(host: String, size: Int, limit: Int)
}

/// Why a TCP connection could not be made.
public enum ConnectFailure: Equatable, Sendable {
    /// Nothing listens on that port (ECONNREFUSED).
    case refused
    /// The host name does not resolve.
    case hostNotFound
    /// No route to the host or its network.
    case unreachable
    /// Anything else, as the system describes it.
    case other(String)
}

/// Why a TLS handshake failed.
public enum TLSFailure: Equatable, Sendable {
    /// The server's certificate does not chain to a trusted root (or has expired, or is not
    /// yet valid): `SMTPSettings.trustedCertificates` may name the right one.
    case certificateNotVerified
    /// The certificate is trusted but made out for other names than the host connected to.
    case nameMismatch
    /// Anything else (no common protocol version or cipher, a broken connection), as the
    /// TLS library describes it.
    case other(String)
}
