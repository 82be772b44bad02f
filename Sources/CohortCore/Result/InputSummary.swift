/// Where the orders came from and how many rows were read; filled by the caller
/// (ingestion knows it, the analysis only carries it to the reports).
public struct InputSummary: Sendable, Codable, Equatable {
    /// File names as given (or "-" for standard input).
    public var sources: [String]
    /// Data rows read, rejected rows included.
    public var rowsRead: Int
    /// Rows that could not be read (bad date, amount, empty customer id, ...).
    public var rowsRejected: Int

    public init(sources: [String] = [], rowsRead: Int = 0, rowsRejected: Int = 0) {
        self.sources = sources
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
    }
}
