/// The statement of `--no-pushdown`: every order line, typed as the pushed-down statement types it
/// (`OrderLines`), for the engine to group and sum as it does a file's rows.
///
///     RowStatement(relation: relation, columns: columns).sql
///     // WITH lines AS NOT MATERIALIZED (...) SELECT customer::text, order_id::text, day - DATE '1970-01-01', cents, inexact FROM lines
public struct RowStatement: Sendable {
    public let sql: String
    /// The statement returns an order id column.
    public let hasOrderColumn: Bool

    public init(relation: OrderRelation, columns: SourceColumns) {
        let lines = OrderLines(relation: relation, columns: columns)
        hasOrderColumn = columns.order != nil
        let order = hasOrderColumn ? "order_id::text" : "NULL::text"
        let segments = columns.segments.indices.map { ", segment_\($0 + 1)" }.joined()
        sql = """
            -- cohort: the order lines, one row each (--no-pushdown)
            WITH \(lines.cte)
            SELECT customer::text AS customer, \(order) AS order_id, \(SQLText.dayNumber("day")) AS day, cents, inexact\(segments)
            FROM lines
            """
    }

    /// The columns of the result: customer text, order id text (NULL without an order column), day
    /// number int4, cents int8, inexact boolean; then each segment column as text.
    public static let resultColumns = ["customer", "order_id", "day", "cents", "inexact"]
}
