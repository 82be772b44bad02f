import CohortVocabulary

/// How the tool writes CSV: as scripts read it (RFC 4180), or as German Excel opens it on a
/// double-click.
///
/// | | `rfc4180` | `excel-de` |
/// |---|---|---|
/// | delimiter | `,` | `;` |
/// | decimal mark | `.` | `,` |
/// | line end | LF | CRLF |
/// | byte order mark | none | UTF-8 BOM (so that Excel reads UTF-8, not Windows-1252) |
///
/// Everything else is the same in both: the header keeps its column keys (`cohort`, `age`,
/// `retention`, ...), numbers keep their digits (no grouping; ratios as fractions), dates stay
/// ISO, and text from the data is neutralized for spreadsheets (`CSVField.data`). `rfc4180` is
/// the files as they have always been (LF line ends, as before).
///
///     CSVExportDialect.default(for: .german)                              // .excelGerman
///     CSVExportDialect.excelGerman.line([.text("2026-03"), .number("0.4567")])   // "2026-03;0,4567\r\n"
public enum CSVExportDialect: String, Sendable, CaseIterable {
    case rfc4180
    case excelGerman = "excel-de"

    /// The dialect of a report folder in `language` when none is chosen: `excel-de` for German.
    public static func `default`(for language: Language) -> CSVExportDialect {
        language == .german ? .excelGerman : .rfc4180
    }

    /// The field delimiter: `,` or `;`.
    var delimiter: Character { self == .rfc4180 ? "," : ";" }
    var delimiterByte: UInt8 { self == .rfc4180 ? UInt8(ascii: ",") : UInt8(ascii: ";") }
    /// The decimal mark of numbers: `.` or `,`.
    var decimalMarkByte: UInt8 { self == .rfc4180 ? UInt8(ascii: ".") : UInt8(ascii: ",") }
    /// True when lines end in CR LF.
    var endsLinesWithCRLF: Bool { self == .excelGerman }
    var lineEnd: String { endsLinesWithCRLF ? "\r\n" : "\n" }
    /// What a file starts with: nothing, or the UTF-8 byte order mark.
    var fileStart: String { self == .excelGerman ? "\u{FEFF}" : "" }

    /// The start of a file: the byte order mark (`excel-de`) and the header line of column keys.
    func header(_ keys: [String]) -> String {
        fileStart + line(keys.map(CSVValue.text))
    }

    /// One line of fields, delimited and ended as this dialect writes them.
    func line(_ values: [CSVValue]) -> String {
        var text = ""
        for (index, value) in values.enumerated() {
            if index > 0 { text.append(delimiter) }
            switch value {
            case .text(let field): text += CSVField.plain(field, delimiter: delimiter)
            case .data(let field): text += CSVField.data(field, delimiter: delimiter)
            case .number(let field): text += self == .rfc4180 ? field : String(field.map { $0 == "." ? "," : $0 })
            }
        }
        return text + lineEnd
    }
}

/// One field of a CSV line before a dialect writes it.
enum CSVValue {
    /// Text we wrote ourselves (a key, a label, `true`): quoted only when it must be.
    case text(String)
    /// Text from the data (ids, file names, raw rows): also neutralized for spreadsheets.
    case data(String)
    /// A number as `Ratio.formatted` or `Money.description` write it (`-1234.50`): its `.`
    /// becomes the dialect's decimal mark; an empty string stays empty.
    case number(String)

    static func integer(_ value: Int) -> CSVValue { .number(String(value)) }
}
