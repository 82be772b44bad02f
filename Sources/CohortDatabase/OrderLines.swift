import CohortCore

/// The first step of every statement: the source's rows as typed order lines.
///
/// `customer` and `order_id` are the columns as stored (grouping by the customer column itself
/// lets a Citus cluster distributed on it run every step on its workers); `day` is a date (a
/// timestamp's time of day dropped); `cents` the amount in minor units, exact: integers times 100,
/// numeric (and real, double precision or money, converted to numeric first) times 100 and
/// rounded, where `inexact` marks an amount with a third decimal that is not zero, which files
/// refuse and the reader refuses too.
public struct OrderLines: Sendable {
    public let relation: OrderRelation
    public let columns: SourceColumns

    public init(relation: OrderRelation, columns: SourceColumns) {
        self.relation = relation
        self.columns = columns
    }

    /// A statement that gives one amount with a non-zero third decimal, as text, for a message.
    public var inexactExample: String {
        "SELECT source.\(SQLText.identifier(columns.amount.name))::text FROM \(relation.sql) AS source WHERE \(inexact) LIMIT 1"
    }

    /// `lines AS NOT MATERIALIZED (SELECT ... FROM relation AS source)`.
    var cte: String {
        var fields = ["source.\(SQLText.identifier(columns.customer.name)) AS customer"]
        if let order = columns.order { fields.append("source.\(SQLText.identifier(order.name)) AS order_id") }
        fields += ["\(day) AS day", "\(cents) AS cents", "\(inexact) AS inexact"]
        for (index, segment) in columns.segments.enumerated() {
            fields.append("source.\(SQLText.identifier(segment.column))::text AS segment_\(index + 1)")
        }
        return """
            lines AS NOT MATERIALIZED (
                -- the order lines: customer and order id as stored, the day, the amount in cents (exact)
                SELECT \(fields.joined(separator: ",\n           "))
                FROM \(relation.sql.replacingOccurrences(of: "\n", with: "\n    ")) AS source
            )
            """
    }

    /// The date of a line.
    var day: String {
        let column = "source.\(SQLText.identifier(columns.date.name))"
        return columns.date.kind == .date ? column : "\(column)::date"
    }

    /// The amount as numeric (nil for integer columns, which need no rounding).
    private var numericAmount: String? {
        let column = "source.\(SQLText.identifier(columns.amount.name))"
        switch columns.amount.kind {
        case .integer: return nil
        case .numeric: return column
        default: return "\(column)::numeric"
        }
    }

    /// Minor units: the amount times 100, a whole number.
    var cents: String {
        guard let amount = numericAmount else { return "source.\(SQLText.identifier(columns.amount.name))::bigint * 100" }
        return "round(\(amount) * 100)::bigint"
    }

    /// True for an amount with a non-zero third decimal (`scale` first: it is cheap, and numeric(12,2) never passes it).
    var inexact: String {
        guard let amount = numericAmount else { return "false" }
        return "(scale(\(amount)) > 2 AND \(amount) <> round(\(amount), 2))"
    }

    /// True when the order id is text, so that "smallest" means byte order (COLLATE "C"), whatever the database's collation.
    var orderIsText: Bool { columns.order?.kind == .text }
}
