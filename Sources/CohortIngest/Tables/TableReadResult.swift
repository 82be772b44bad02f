import CohortCore

/// What reading the files of one small input gave (contracts, survey answers): the table, the
/// rows set aside with their reasons, and how each file was read.
public struct TableReadResult<Table: Sendable>: Sendable {
    public var table: Table
    /// Unreadable rows, file by file in line order.
    public var rejected: [RejectedRow]
    /// Data rows read, rejected ones included.
    public var rowsRead: Int
    /// The files read, patterns expanded.
    public var sources: [String]
    public var formats: [SourceFormat]

    public init(table: Table, rejected: [RejectedRow], rowsRead: Int, sources: [String], formats: [SourceFormat]) {
        self.table = table
        self.rejected = rejected
        self.rowsRead = rowsRead
        self.sources = sources
        self.formats = formats
    }

    /// The summary a report carries (merged with the orders' when there are orders).
    public var inputSummary: InputSummary {
        InputSummary(sources: sources, rowsRead: rowsRead, formats: formats, rejected: rejected)
    }

    /// Refuses the input as `OrderReadResult.check` does: any rejected row with `strict`, or more than
    /// `maxRejectedPercent` % of the rows.
    public func check(strict: Bool, maxRejectedPercent: Double) throws(IngestError) {
        try OrderReadResult.check(rejected: rejected, rowsRead: rowsRead, strict: strict, maxRejectedPercent: maxRejectedPercent)
    }
}

public typealias ContractReadResult = TableReadResult<ContractTable>
public typealias AnswerReadResult = TableReadResult<AnswerTable>

extension InputSummary {
    /// This summary with another input's files, rows and rejected rows added (a report's one data-quality account).
    public func adding(_ other: InputSummary) -> InputSummary {
        InputSummary(sources: sources + other.sources, rowsRead: rowsRead + other.rowsRead, rowsDuplicated: rowsDuplicated + other.rowsDuplicated,
                     formats: formats + other.formats, warnings: warnings + other.warnings, rejected: rejected + other.rejected)
    }
}
