import CohortMail

/// Who report.eml is from and to. Without recipients it is a draft (`X-Unsent: 1`, no `To:`)
/// that a mail program opens ready to address and send; with them it is the message that
/// `cohort report --mail-to … --smtp …` sends.
///
///     var bundle = ReportBundle(…)
///     bundle.mailAddresses = ReportMailAddresses(from: try MailAddress("reports@acme.example"),
///                                                to: [try MailAddress("board@acme.example")])
public struct ReportMailAddresses: Sendable, Equatable {
    /// The sender; nil for `placeholderSender`.
    public var from: MailAddress?
    public var to: [MailAddress]

    public init(from: MailAddress? = nil, to: [MailAddress] = []) {
        self.from = from
        self.to = to
    }

    /// The sender of a draft nobody named a sender for: a `.invalid` domain (RFC 2606), which
    /// no server delivers from, so the mail program's own account has to take its place.
    public static let placeholderSender = "report@cohort.invalid"

    /// A message without recipients is saved as a draft.
    public var isDraft: Bool { to.isEmpty }

    /// `from`, or the placeholder with `name` (the company) as its display name.
    func sender(name: String?) -> MailAddress {
        // The placeholder is a valid address, checked by the tests; the name is any text.
        from ?? (try! MailAddress(Self.placeholderSender, displayName: name ?? "cohort"))
    }
}
