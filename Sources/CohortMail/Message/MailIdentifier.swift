/// A `left@right` identifier, as a Message-ID or a Content-ID (RFC 5322 msg-id, RFC 2392).
///
///     let heatMap = try MailIdentifier("heatmap@report.cohort")
///     // HTML: <img src="cid:heatmap@report.cohort">; header: Content-ID: <heatmap@report.cohort>
///
/// Both sides are dot-atom text (letters, digits, ``!#$%&'*+-/=?^_`{|}~`` and single dots);
/// angle brackets around the input are taken off.
public struct MailIdentifier: Hashable, Sendable, CustomStringConvertible {
    /// `left@right`, without angle brackets.
    public let value: String

    public init(_ text: String) throws(MailError) {
        var value = Substring(text)
        if value.hasPrefix("<") && value.hasSuffix(">") && value.count >= 2 {
            value = value.dropFirst().dropLast()
        }
        let parts = value.utf8.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2, value.utf8.count <= 250,
              MailAddress.isDotAtom(parts[0], maximumLength: 250),
              MailAddress.isDotAtom(parts[1], maximumLength: 250)
        else { throw .invalidIdentifier(text) }
        self.value = String(value)
    }

    /// `left@right`, as written after `cid:` in HTML.
    public var description: String { value }

    /// `<left@right>`, as written in a header.
    var bracketed: String { "<\(value)>" }
}
