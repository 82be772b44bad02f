import CohortCore

/// What reading orders from a database gave: sums per customer and period (pushdown) or the order
/// lines (`--no-pushdown`), with the summary a report shows of its input.
public struct DatabaseOrders: Sendable {
    public enum Orders: Sendable {
        /// Summed by the database (`PushdownStatement`).
        case aggregates(CustomerAggregates)
        /// Every line (`RowStatement`), for the engine to sum.
        case table(OrderTable)
    }

    public var orders: Orders
    /// The source (its URL without a password, and the table or "query"), rows read, warnings.
    public var input: InputSummary
    public var counts: LineCounts
    /// The statement that read the orders.
    public var statement: String
    /// The `--segment-by` columns the source does not have (for a customer file to hold).
    public var missingSegments: [String]

    public init(orders: Orders, input: InputSummary, counts: LineCounts, statement: String, missingSegments: [String] = []) {
        self.orders = orders
        self.input = input
        self.counts = counts
        self.statement = statement
        self.missingSegments = missingSegments
    }

    /// The summary of a database source: the source, every row read, and a warning for incomplete rows.
    public static func inputSummary(source: String, counts: LineCounts) -> InputSummary {
        var summary = InputSummary(sources: [source], rowsRead: counts.read)
        if counts.incomplete > 0 { summary.warnings.append(.incompleteRows(source: source, count: counts.incomplete, read: counts.read)) }
        return summary
    }
}
