/// What reading the input gave besides the orders: the files, how many rows were read,
/// set aside and skipped, how each file was read, warnings and the rejected rows
/// themselves. Filled by the caller (ingestion knows it); the analysis carries it to
/// the reports, so that a report can be rendered from `analysis.json` alone.
public struct InputSummary: Sendable, Codable, Equatable {
    /// File names as given (or "-" for standard input).
    public var sources: [String]
    /// Data rows read, rejected and duplicate rows included.
    public var rowsRead: Int
    /// Rows skipped because an earlier file had the same order line (overlapping exports).
    public var rowsDuplicated: Int
    /// How each file was read.
    public var formats: [SourceFormat]
    public var warnings: [InputWarning]
    /// Rows that could not be read (bad date, amount, empty customer id, ...), file by file in line order.
    public var rejected: [RejectedRow]

    public init(sources: [String] = [], rowsRead: Int = 0, rowsDuplicated: Int = 0, formats: [SourceFormat] = [],
                warnings: [InputWarning] = [], rejected: [RejectedRow] = []) {
        self.sources = sources
        self.rowsRead = rowsRead
        self.rowsDuplicated = rowsDuplicated
        self.formats = formats
        self.warnings = warnings
        self.rejected = rejected
    }

    /// Rows that could not be read.
    public var rowsRejected: Int { rejected.count }
}
