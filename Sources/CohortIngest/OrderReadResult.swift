import CohortCore

/// What reading the inputs gave: the table, the rows that could not be read, and counts.
public struct OrderReadResult: Sendable {
    public var table: OrderTable
    /// Unreadable rows in input order, each with file, line, column and reason.
    public var rejected: [RejectedRow]
    /// Data rows read (blank lines not counted), rejected ones included.
    public var rowsRead: Int
    public var sources: [String]

    public init(table: OrderTable, rejected: [RejectedRow], rowsRead: Int, sources: [String]) {
        self.table = table
        self.rejected = rejected
        self.rowsRead = rowsRead
        self.sources = sources
    }

    /// The summary the analysis carries into reports.
    public var inputSummary: InputSummary {
        InputSummary(sources: sources, rowsRead: rowsRead, rowsRejected: rejected.count)
    }

    /// Refuses the input when `strict` and any row was rejected, or when more than
    /// `maxRejectedPercent` % of the rows were (then the mapping is probably wrong).
    public func check(strict: Bool, maxRejectedPercent: Double) throws(IngestError) {
        guard let first = rejected.first else { return }
        if strict { throw .rejectedRow(first) }
        if Double(rejected.count) > Double(rowsRead) * maxRejectedPercent / 100 {
            throw .tooManyRejected(rejected: rejected.count, read: rowsRead, limitPercent: maxRejectedPercent, first: first)
        }
    }
}
