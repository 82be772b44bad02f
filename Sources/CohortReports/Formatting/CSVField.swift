/// Escapes one CSV field (RFC 4180), neutralizing text that a spreadsheet would run as a formula.
enum CSVField {
    /// A number or fixed text we wrote ourselves: quoted only if it needs to be (it holds the
    /// delimiter, a quote or a line break).
    static func plain(_ text: String, delimiter: Character = ",") -> String {
        guard text.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text that came from the data (ids, file names, raw rows): a leading = + - @
    /// (or tab / carriage return) gets a `'` in front, so no spreadsheet evaluates it.
    static func data(_ text: String, delimiter: Character = ",") -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return plain(text, delimiter: delimiter) }
        return plain("'" + text, delimiter: delimiter)
    }

    /// Joins fields into one line ending in LF.
    static func line(_ fields: [String]) -> String {
        fields.joined(separator: ",") + "\n"
    }
}
