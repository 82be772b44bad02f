import CohortMail

/// report.eml as the server took it: to whom, through which server, and the server's reply
/// (often naming its queue id).
public struct SentMail: Equatable, Sendable {
    public var recipients: [MailAddress]
    /// `host:port` as given.
    public var server: String
    public var reply: SMTPReply

    public init(recipients: [MailAddress], server: String, reply: SMTPReply) {
        self.recipients = recipients
        self.server = server
        self.reply = reply
    }
}
