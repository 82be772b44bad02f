/// What to read from a database and how: a table or a query, and whether the database sums the
/// orders (pushdown, the default) or sends the rows.
///
///     var options = DatabaseReadOptions(table: "sales.orders")
///     options.pushdown = false   // --no-pushdown: stream the rows, sum them here
///
/// The columns are found as in files (`ColumnMapping`: `--customer-column` etc., or detected from
/// the column names).
public struct DatabaseReadOptions: Sendable, Equatable {
    /// A table or view, optionally with its schema (`sales.orders`).
    public var table: String?
    /// A read-only SELECT whose rows are the orders.
    public var query: String?
    /// Let the database group the rows into orders and sum them per customer and period (default);
    /// false streams every row instead.
    public var pushdown: Bool
    /// The columns whose value on a customer's first positive order is its segment (`--segment-by`;
    /// the job fills them from `ReadOptions.segmentColumns`). Pushed down, the database resolves
    /// each customer's value: the first day with a positive order, on it the positive order with the
    /// smallest id, of its lines the smallest value (`CustomerAggregates.segments`).
    public var segmentColumns: [String]
    /// True when a customer file (`--customers`) may hold the segment columns the source lacks.
    public var segmentsMayBeMissing: Bool

    public init(table: String? = nil, query: String? = nil, pushdown: Bool = true, segmentColumns: [String] = [],
                segmentsMayBeMissing: Bool = false) {
        self.table = table
        self.query = query
        self.pushdown = pushdown
        self.segmentColumns = segmentColumns
        self.segmentsMayBeMissing = segmentsMayBeMissing
    }
}
