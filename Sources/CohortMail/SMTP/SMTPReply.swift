/// One reply of an SMTP server (RFC 5321 §4.2): a three-digit code and one or more lines of text.
///
///     250-mail.example Hello
///     250-SIZE 10240000
///     250 STARTTLS
///     // SMTPReply(code: 250, lines: ["mail.example Hello", "SIZE 10240000", "STARTTLS"])
public struct SMTPReply: Equatable, Hashable, Sendable {
    /// The reply code, 200 to 599 (2xx done, 3xx go on, 4xx try later, 5xx refused).
    public var code: Int
    /// The text after the code, one element per reply line, without the code and separator.
    public var lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// The lines joined by single spaces, as one line.
    public var text: String { lines.joined(separator: " ") }

    /// 2xx.
    public var isPositiveCompletion: Bool { (200..<300).contains(code) }
    /// 3xx: the server waits for more (after DATA, during AUTH).
    public var isPositiveIntermediate: Bool { (300..<400).contains(code) }
}
