/// Where a row of the input is: the file as given and the physical line (1-based) where it starts.
public struct RowLocation: Sendable, Codable, Hashable {
    /// The file as given on the command line ("-" for standard input).
    public var source: String
    public var line: Int

    public init(source: String, line: Int) {
        self.source = source
        self.line = line
    }
}
