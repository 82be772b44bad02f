/// One attribute customers are split by (`--segment-by industry`): its values, and where each
/// customer's value comes from.
///
/// A column of the orders holds a value per row; a customer's segment is the value on its first
/// positive order (METRICS.md, "Input model"). A customer file (`--customers`) holds a value per
/// customer. An empty value, or a customer the file does not name, is "(unknown)".
///
///     SegmentColumn(name: "industry", values: ["Retail", "Tech"], source: .rows([0, 1, 0]))
public struct SegmentColumn: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// Per order row, the value id (same length as the table's rows).
        case rows([Int32])
        /// Per customer index of the table, the value id, or −1 when the customer file does not name it.
        case customers([Int32])
    }

    /// The attribute's name as given (the column header).
    public var name: String
    /// Value id → the value as read (trimmed); "" for an empty field.
    public var values: [String]
    public var source: Source

    public init(name: String, values: [String], source: Source) {
        self.name = name
        self.values = values
        self.source = source
    }
}
