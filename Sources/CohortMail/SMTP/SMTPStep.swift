/// A step of the SMTP conversation, as `MailError` names where a send stopped.
public enum SMTPStep: Equatable, Hashable, Sendable {
    /// Opening the TCP connection.
    case connect
    /// Waiting for the server's 220 greeting.
    case greeting
    /// `EHLO` (or the `HELO` fallback), also the second one after STARTTLS.
    case hello
    /// `STARTTLS`.
    case startTLS
    /// `AUTH PLAIN` or `AUTH LOGIN`, with the mechanism's name.
    case authentication(mechanism: String)
    /// `MAIL FROM:<…>`.
    case mailFrom(String)
    /// `RCPT TO:<…>`, with the recipient.
    case recipient(String)
    /// `DATA`, before the message.
    case data
    /// The message and its closing dot, until the server accepts it.
    case message
    /// `QUIT`.
    case quit
}
