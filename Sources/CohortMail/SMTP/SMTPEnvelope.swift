/// Who a message is sent from and to, as SMTP's `MAIL FROM` and `RCPT TO` say it; the
/// header's From and To do not count for delivery.
public struct SMTPEnvelope: Hashable, Sendable {
    public var from: MailAddress
    public var recipients: [MailAddress]

    public init(from: MailAddress, recipients: [MailAddress]) {
        self.from = from
        self.recipients = recipients
    }
}
