/// Why an input file cannot be read at all. Each case renders as one line naming the file.
public enum IngestError: Error, Equatable, CustomStringConvertible {
    case cannotRead(source: String, reason: String)
    case emptyFile(source: String)
    case noDataRows(source: String)
    case binaryFile(source: String)
    case unterminatedQuote(source: String, line: Int)
    case columnNotFound(source: String, role: ColumnRole, name: String, suggestion: String?)
    case noColumnDetected(source: String, role: ColumnRole, header: [String], suggestion: String?)
    case ambiguousColumn(source: String, role: ColumnRole, candidates: [String])
    case duplicateColumn(source: String, name: String)
    case rejectedRow(RejectedRow)
    case tooManyRejected(rejected: Int, read: Int, limitPercent: Double, first: RejectedRow)

    public var description: String {
        switch self {
        case .cannotRead(let source, let reason):
            return "\(source): cannot read the file: \(reason)"
        case .emptyFile(let source):
            return "\(source): the file is empty"
        case .noDataRows(let source):
            return "\(source): the file has a header but no data rows"
        case .binaryFile(let source):
            return "\(source): this is not a text (CSV) file; compressed or binary files must be unpacked or exported as CSV first"
        case .unterminatedQuote(let source, let line):
            return "\(source):\(line): a quoted field starts here and never ends (a missing closing \")"
        case .columnNotFound(let source, let role, let name, let suggestion):
            return "\(source):1: there is no column '\(name)' for \(role.flag)" + Self.didYouMean(suggestion)
        case .noColumnDetected(let source, let role, let header, let suggestion):
            let columns = header.map { "'\($0)'" }.joined(separator: ", ")
            return "\(source):1: no \(role.rawValue) column found among \(columns)" + Self.didYouMean(suggestion)
                + "; name it with \(role.flag)"
        case .ambiguousColumn(let source, let role, let candidates):
            let names = candidates.map { "'\($0)'" }.joined(separator: " and ")
            return "\(source):1: columns \(names) could both be the \(role.rawValue) column; choose one with \(role.flag)"
        case .duplicateColumn(let source, let name):
            return "\(source):1: the column name '\(name)' appears twice in the header"
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

    private static func percent(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) %" : "\(rounded) %"
    }
}
