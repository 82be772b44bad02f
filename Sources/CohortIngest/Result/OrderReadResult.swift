import CohortCore

/// What reading the inputs gave: the table, the rows that could not be read or
/// were skipped as duplicates, how each file was read, and warnings.
public struct OrderReadResult: Sendable {
    public var table: OrderTable
    /// Unreadable rows, file by file in line order, each with file, line, column and reason.
    public var rejected: [RejectedRow]
    /// Data rows read (blank lines not counted), rejected and duplicate ones included.
    public var rowsRead: Int
    /// The files read, patterns expanded.
    public var sources: [String]
    /// Rows skipped because an earlier file had the same order line; each reason names the row it repeats.
    public var duplicates: [RejectedRow]
    /// How each file was read (kind, encoding, delimiter, decimal separator, date order).
    public var formats: [SourceFormat]
    public var warnings: [InputWarning]

    public init(table: OrderTable, rejected: [RejectedRow], rowsRead: Int, sources: [String],
                duplicates: [RejectedRow] = [], formats: [SourceFormat] = [], warnings: [InputWarning] = []) {
        self.table = table
        self.rejected = rejected
        self.rowsRead = rowsRead
        self.sources = sources
        self.duplicates = duplicates
        self.formats = formats
        self.warnings = warnings
    }

    /// The summary the analysis carries into reports.
    public var inputSummary: InputSummary {
        InputSummary(sources: sources, rowsRead: rowsRead, rowsDuplicated: duplicates.count, formats: formats,
                     warnings: warnings, rejected: rejected)
    }

    /// Rejected rows and duplicates together, file by file in line order: everything read but not used,
    /// for rejected.csv.
    public var setAside: [RejectedRow] {
        let order = Dictionary(sources.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return (rejected + duplicates).sorted {
            let a = order[$0.source] ?? 0, b = order[$1.source] ?? 0
            return a != b ? a < b : $0.line < $1.line
        }
    }

    /// Refuses the input when `strict` and any row was rejected, or when more than
    /// `maxRejectedPercent` % of the rows were (then the mapping is probably wrong).
    /// Duplicates do not count: they were read, and skipped on purpose.
    public func check(strict: Bool, maxRejectedPercent: Double) throws(IngestError) {
        try Self.check(rejected: rejected, rowsRead: rowsRead, strict: strict, maxRejectedPercent: maxRejectedPercent)
    }

    /// The check of every kind of input read: any rejected row with `strict`, or more than
    /// `maxRejectedPercent` % of the rows.
    static func check(rejected: [RejectedRow], rowsRead: Int, strict: Bool, maxRejectedPercent: Double) throws(IngestError) {
        guard let first = rejected.first else { return }
        if strict { throw .rejectedRow(first) }
        if Double(rejected.count) > Double(rowsRead) * maxRejectedPercent / 100 {
            throw .tooManyRejected(rejected: rejected.count, read: rowsRead, limitPercent: maxRejectedPercent, first: first)
        }
    }
}
