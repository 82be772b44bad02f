/// Text from the data made safe to print on a terminal: control characters (escape sequences
/// included) shown as `?`, and very long values cut.
///
///     TerminalText.inert("Retail\u{1B}[2J")   // "Retail?[2J"
enum TerminalText {
    static let longest = 60

    static func inert(_ text: String) -> String {
        var result = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.value < 0x20 || (0x7F ... 0x9F).contains(scalar.value) ? "?" : scalar
        }))
        if result.count > longest { result = String(result.prefix(longest - 1)) + "…" }
        return result
    }
}
