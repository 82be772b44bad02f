/// Text as it goes into a cell: within Excel's length limit, without characters a
/// workbook cannot hold, and with literal `_xHHHH_` sequences protected.
///
/// Cells store text in XML, where Excel reads `_x0041_` as an escaped character ("A")
/// and libxlsxwriter writes control characters that way. So text that itself contains
/// such a sequence has its `_` written as `_x005F_`, and reads back unchanged.
///
///     CellText("a\u{0}b").written            // "a\u{FFFD}b", replacedCharacters 1
///     CellText("_x0041_").written            // "_x005F_x0041_"
///     CellText(String(repeating: "x", count: 40_000)).truncatedFrom   // 40_000
///
/// Complexity: O(*n*) in the length of the text.
struct CellText {
    /// Excel's limit for one cell: 32,767 characters (UTF-16 units).
    static let limit = 32_767

    /// The string to hand to libxlsxwriter.
    let written: String
    /// The original length in UTF-16 units, when the text was cut to ``limit``.
    let truncatedFrom: Int?
    /// How many NUL, U+FFFE and U+FFFF characters became U+FFFD.
    let replacedCharacters: Int

    init(_ text: String) {
        var replaced = 0
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                scalars.append("\u{FFFD}")
                replaced += 1
            } else {
                scalars.append(scalar)
            }
        }
        let shown = String(scalars)
        replacedCharacters = replaced
        // libxlsxwriter limits the escaped text to 32,767 code points; Excel limits what it shows.
        var length = Self.limit
        var visible = SheetNaming.truncated(shown, to: length)
        var escaped = Self.escapingUnderscores(visible)
        while escaped.unicodeScalars.count > Self.limit {
            length -= escaped.unicodeScalars.count - Self.limit
            visible = SheetNaming.truncated(shown, to: length)
            escaped = Self.escapingUnderscores(visible)
        }
        written = escaped
        truncatedFrom = visible.utf16.count < shown.utf16.count ? shown.utf16.count : nil
    }

    /// `_` before `xHHHH_` becomes `_x005F_`, so that Excel does not read the sequence as an escape.
    static func escapingUnderscores(_ text: String) -> String {
        guard text.contains("_x") || text.contains("_X") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for index in scalars.indices {
            if isEscapeSequence(scalars, at: index) {
                result.append(contentsOf: "_x005F".unicodeScalars)
            }
            result.append(scalars[index])
        }
        return String(result)
    }

    /// `_xHHHH_` (hex digits in either case) starts at `index`.
    private static func isEscapeSequence(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x" || scalars[index + 1] == "X",
              scalars[index + 6] == "_" else { return false }
        return scalars[index + 2 ... index + 5].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// Text for document properties: no control characters (XML cannot hold them there).
    static func plain(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar != "\t" && scalar != "\n" && scalar != "\r" && SheetNaming.isControl(scalar) ? " " : scalar
        }))
    }
}
