import CohortCore

/// Why the input cannot be used at all. Each case renders as one line naming the
/// file, and the line where the problem is when there is one.
///
///     IngestError.unterminatedQuote(source: "orders.csv", line: 17).description
///     // orders.csv:17: a quoted field starts here and never ends (a missing closing ")
public enum IngestError: Error, Equatable, CustomStringConvertible {
    case cannotRead(source: String, reason: String)
    case noMatchingFile(pattern: String)
    case emptyFile(source: String)
    case noDataRows(source: String)
    case binaryFile(source: String)
    /// A compressed file, an archive, an old .xls, a PDF: recognized, but no text to read.
    case notText(source: String, signature: FileSignature)
    case unknownEncoding(source: String, line: Int, byte: UInt8)
    case unterminatedQuote(source: String, line: Int)
    case columnNotFound(source: String, line: Int, role: ColumnRole, name: String, suggestion: String?)
    case noColumnDetected(source: String, line: Int, role: ColumnRole, header: [String], suggestion: String?)
    case ambiguousColumn(source: String, line: Int, role: ColumnRole, candidates: [String])
    case duplicateColumn(source: String, line: Int, name: String)
    /// Every `03/04/2026` of the file reads both ways and no date tells which.
    case ambiguousDateOrder(source: String, line: Int, column: String, text: String, dayFirst: CivilDate, monthFirst: CivilDate)
    /// Every `1.500` of the file reads both ways and no amount tells which.
    case ambiguousDecimalSeparator(source: String, line: Int, column: String, text: String)
    case sheetNotFound(source: String, name: String, sheets: [String])
    case emptySheet(source: String, sheet: String)
    case unreadableWorkbook(source: String, reason: String)
    case rejectedRow(RejectedRow)
    case tooManyRejected(rejected: Int, read: Int, limitPercent: Double, first: RejectedRow)

    public var description: String {
        switch self {
        case .cannotRead(let source, let reason):
            return "\(source): cannot read the file: \(reason)"
        case .noMatchingFile(let pattern):
            return "\(pattern): no file matches this pattern"
        case .emptyFile(let source):
            return "\(source): the file is empty"
        case .noDataRows(let source):
            return "\(source): the file has a header but no data rows"
        case .binaryFile(let source):
            return "\(source): this is not a text (CSV) file; compressed or binary files must be unpacked or exported as CSV first"
        case .notText(let source, let signature):
            return "\(source): \(signature.explanation)"
        case .unknownEncoding(let source, let line, let byte):
            return "\(source):\(line): unknown text encoding (byte 0x\(String(byte, radix: 16, uppercase: true)) is neither UTF-8 nor Windows-1252 text); "
                + "save the file as UTF-8 or name its encoding with --encoding"
        case .unterminatedQuote(let source, let line):
            return "\(source):\(line): a quoted field starts here and never ends (a missing closing \")"
        case .columnNotFound(let source, let line, let role, let name, let suggestion):
            return "\(source):\(line): there is no column '\(name)' for \(role.flag)" + Self.didYouMean(suggestion)
        case .noColumnDetected(let source, let line, let role, let header, let suggestion):
            let columns = header.map { "'\($0)'" }.joined(separator: ", ")
            return "\(source):\(line): no \(role.rawValue) column found among \(columns)" + Self.didYouMean(suggestion)
                + "; name it with \(role.flag)"
        case .ambiguousColumn(let source, let line, let role, let candidates):
            let names = candidates.map { "'\($0)'" }.joined(separator: " and ")
            return "\(source):\(line): columns \(names) could both be the \(role.rawValue) column; choose one with \(role.flag)"
        case .duplicateColumn(let source, let line, let name):
            return "\(source):\(line): the column name '\(name)' appears twice in the header"
        case .ambiguousDateOrder(let source, let line, let column, let text, let dayFirst, let monthFirst):
            return "\(source):\(line): column '\(column)': '\(text)' could be \(dayFirst) (day first) or \(monthFirst) (month first) "
                + "and no date in the file tells which; add --date-format DD/MM/YYYY or --date-format MM/DD/YYYY"
        case .ambiguousDecimalSeparator(let source, let line, let column, let text):
            let separator = text.contains(",") && !text.contains(".") ? "," : "."
            return "\(source):\(line): column '\(column)': in '\(text)' the '\(separator)' could be the decimal separator or group thousands, "
                + "and no amount in the file tells which; add --decimal , or --decimal ."
        case .sheetNotFound(let source, let name, let sheets):
            return "\(source): there is no sheet '\(name)'; the workbook has " + sheets.map { "'\($0)'" }.joined(separator: ", ")
        case .emptySheet(let source, let sheet):
            return "\(source): the sheet '\(sheet)' is empty"
        case .unreadableWorkbook(let source, let reason):
            return "\(source): cannot read the Excel workbook: \(reason)"
        case .rejectedRow(let row):
            return "\(row) (--strict refuses any bad row)"
        case .tooManyRejected(let rejected, let read, let limit, let first):
            let percent = Double(rejected) / Double(max(read, 1)) * 100
            return "\(rejected) of \(read) rows (\(Self.percent(percent))) could not be read, more than the \(Self.percent(limit)) allowed "
                + "by --max-rejected; the column mapping is probably wrong. First: \(first)"
        }
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }

    static func percent(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) %" : "\(rounded) %"
    }
}
