import CohortCore

/// What reading an order file into sums gave (`OrderReader.readSums`): the sums, the rows that
/// could not be read, how the file was read, and warnings; as `OrderReadResult` for a table.
public struct OrderSumsReadResult: Sendable {
    public var sums: OrderSums
    /// Unreadable rows in line order, each with file, line, column and reason.
    public var rejected: [RejectedRow]
    /// Data rows read (blank lines not counted), rejected ones included.
    public var rowsRead: Int
    /// The file read.
    public var sources: [String]
    public var formats: [SourceFormat]
    public var warnings: [InputWarning]
    /// Chunks read on other threads and taken in, and read again in order (`ChunkedReading`).
    var chunks = (taken: 0, readAgain: 0)

    /// The summary the analysis carries into reports.
    public var inputSummary: InputSummary {
        InputSummary(sources: sources, rowsRead: rowsRead, rowsDuplicated: 0, formats: formats, warnings: warnings, rejected: rejected)
    }

    /// Refuses the input as `OrderReadResult.check` does.
    public func check(strict: Bool, maxRejectedPercent: Double) throws(IngestError) {
        try OrderReadResult.check(rejected: rejected, rowsRead: rowsRead, strict: strict, maxRejectedPercent: maxRejectedPercent)
    }
}
