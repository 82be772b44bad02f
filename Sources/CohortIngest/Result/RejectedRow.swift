/// A data row that could not be read, kept with where it was and why.
public struct RejectedRow: Sendable, Equatable, CustomStringConvertible {
    /// The file as given on the command line ("-" for standard input).
    public var source: String
    /// The physical line (1-based) where the row starts.
    public var line: Int
    /// The column at fault, when one is.
    public var column: String?
    /// Why it was rejected, e.g. "'12,5O' is not a number".
    public var reason: String
    /// The same in German, for a German report: "'12,5O' ist keine Zahl".
    public var germanReason: String
    /// The row as it stood in the file.
    public var rawText: String

    public init(source: String, line: Int, column: String?, reason: String, germanReason: String? = nil, rawText: String) {
        self.source = source
        self.line = line
        self.column = column
        self.reason = reason
        self.germanReason = germanReason ?? reason
        self.rawText = rawText
    }

    init(source: String, line: Int, column: String?, reason: Wording, rawText: String) {
        self.init(source: source, line: line, column: column, reason: reason.english, germanReason: reason.german, rawText: rawText)
    }

    /// `orders.csv:1204: column 'Betrag': '12,5O' is not a number`.
    public var description: String {
        "\(source):\(line): " + (column.map { "column '\($0)': " } ?? "") + reason
    }

    /// `orders.csv:1204: Spalte 'Betrag': '12,5O' ist keine Zahl`.
    public var germanDescription: String {
        "\(source):\(line): " + (column.map { "Spalte '\($0)': " } ?? "") + germanReason
    }
}
