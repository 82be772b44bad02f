import Foundation

/// A complete email, built from values and rendered into the exact bytes of an RFC 5322 /
/// MIME message (a `.eml` file) that `SMTPClient` sends as they are.
///
///     let message = MailMessage(
///         from: try MailAddress("reports@acme.example", displayName: "Cohort"),
///         to: [try MailAddress("controlling@acme.example")],
///         subject: "ACME · März 2026 · Retention 84 %",
///         date: asOf,
///         textBody: summary, htmlBody: html,
///         inlineImages: [heatMap], attachments: [pdf])
///     try message.rendered().write(to: folder.appendingPathComponent("report.eml"))
///
/// The structure, with each level left out when it would hold one part only:
///
///     multipart/mixed
///     ├─ multipart/related
///     │  ├─ multipart/alternative
///     │  │  ├─ text/plain; charset=utf-8   (quoted-printable)
///     │  │  └─ text/html; charset=utf-8    (quoted-printable)
///     │  └─ inline images                  (base64, Content-ID)
///     └─ attachments                       (base64)
///
/// Rendering is deterministic: the same values give the same bytes (the boundaries and the
/// derived Message-ID are hashes of the content).
public struct MailMessage: Hashable, Sendable {
    public var from: MailAddress
    /// One or more recipients; all of them go into `To:` and the envelope.
    public var to: [MailAddress]
    /// Any Unicode text; line breaks become spaces; non-ASCII goes into RFC 2047 encoded-words.
    public var subject: String
    /// The `Date:` header, given so that output is reproducible.
    public var date: Date
    /// The time zone whose offset `Date:` is written in.
    public var timeZone: TimeZone
    /// The `Message-ID:`; nil to derive one from the content, the date and `from`'s domain.
    public var messageID: MailIdentifier?
    /// The plain-text body (also the alternative to `htmlBody` when there is one).
    public var textBody: String
    /// The HTML body; nil for a plain-text message.
    public var htmlBody: String?
    /// Images the HTML refers to as `cid:`.
    public var inlineImages: [InlineImage]
    public var attachments: [Attachment]
    /// A draft for a mail program to open, complete and send (`X-Unsent: 1`, which Outlook and
    /// others read so): for a message saved without recipients, not for one that is sent.
    public var isDraft: Bool

    public init(
        from: MailAddress, to: [MailAddress], subject: String, date: Date,
        timeZone: TimeZone = TimeZone(identifier: "UTC")!, messageID: MailIdentifier? = nil,
        textBody: String, htmlBody: String? = nil,
        inlineImages: [InlineImage] = [], attachments: [Attachment] = [], isDraft: Bool = false
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.timeZone = timeZone
        self.messageID = messageID
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.inlineImages = inlineImages
        self.attachments = attachments
        self.isDraft = isDraft
    }

    /// The envelope `send` uses: `from` as the sender, every `to` as a recipient.
    public var envelope: SMTPEnvelope {
        SMTPEnvelope(from: from, recipients: to)
    }
}
