/// Text made safe for one line of a terminal or a log: control characters shown escaped.
///
///     OneLineText.escaped("a\nb\u{1B}[31m")   // "a\\nb\\u{1B}[31m"
///
/// Line breaks, tabs, escape sequences, DEL and the C1 controls (U+0080…U+009F) would
/// break a one-line message or recolor the terminal; they become `\n`, `\r`, `\t` and
/// `\u{XX}`. A backslash stays as it is, and everything else (accents, €, CJK) too.
public enum OneLineText {
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where isControl(scalar):
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// C0 controls, DEL, C1 controls, and the line and paragraph separators.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F ... 0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
