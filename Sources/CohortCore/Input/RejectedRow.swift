/// A data row that could not be read, kept with where it was and why.
///
/// A fact, not a sentence: the vocabulary of the report's language words it
/// ("orders.csv:1204: column 'Betrag': '12,5O' is not a number").
public struct RejectedRow: Sendable, Codable, Equatable {
    /// The file as given on the command line ("-" for standard input).
    public var source: String
    /// The physical line (1-based) where the row starts.
    public var line: Int
    /// The column at fault, when one is (its name as in the header).
    public var column: String?
    public var reason: RejectReason
    /// The row as it stood in the file.
    public var rawText: String

    public init(source: String, line: Int, column: String?, reason: RejectReason, rawText: String) {
        self.source = source
        self.line = line
        self.column = column
        self.reason = reason
        self.rawText = rawText
    }

    public var location: RowLocation { RowLocation(source: source, line: line) }
}
