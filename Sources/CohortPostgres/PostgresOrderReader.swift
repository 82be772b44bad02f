import CohortCore
import CohortDatabase
import CohortIngest
import PostgresNIO

/// Reads orders from PostgreSQL: the columns found as in files, then either the sums per customer
/// and period computed by the server (`PushdownStatement`, the default) or every line
/// (`RowStatement`, `--no-pushdown`).
///
///     let reader = try PostgresOrderReader(url: "postgresql://shop@db:5432/shop", options: DatabaseReadOptions(table: "orders"),
///                                          mapping: ColumnMapping(), environment: ProcessInfo.processInfo.environment)
///     let orders = try reader.read(period: .month, asOf: nil, collectsPurchases: false)
///     // orders.orders: .aggregates(CustomerAggregates), for CohortAnalysis(aggregates:)
///
/// Everything runs in one read-only transaction (repeatable read: the look at the columns and
/// the statement see the same rows). Nothing is returned until the last row has come, so a
/// connection that breaks leaves nothing behind; every failure is a `DatabaseError`.
public struct PostgresOrderReader: Sendable {
    public let source: DatabaseSource
    public let relation: OrderRelation
    public var options: DatabaseReadOptions
    public var mapping: ColumnMapping
    private let environment: [String: String]

    /// Checks the URL and the table or query (without connecting).
    public init(url: String, options: DatabaseReadOptions, mapping: ColumnMapping, environment: [String: String]) throws(DatabaseError) {
        source = try DatabaseSource(url: url, environment: environment)
        relation = try OrderRelation(table: options.table, query: options.query, source: source.redacted)
        self.options = options
        self.mapping = mapping
        self.environment = environment
    }

    /// The source as a report names it: "postgresql://shop@db:5432/shop (table orders)" or "(query)".
    public var label: String {
        switch relation {
        case .table(let name): return "\(source.redacted) (table \(name))"
        case .query: return "\(source.redacted) (query)"
        }
    }

    /// Reads the orders of an analysis by `period` up to `asOf` (nil: the latest order); with
    /// `collectsPurchases` the purchase days too (customer lists, BG/NBD). Refuses incomplete rows
    /// as files refuse rejected ones (`strict`, `maxIncompletePercent`).
    public func read(period: PeriodKind, asOf: CivilDate?, collectsPurchases: Bool, strict: Bool = false,
                     maxIncompletePercent: Double = 1) throws(DatabaseError) -> DatabaseOrders {
        let session = try PostgresSession.open(source, password: PasswordFile.password(for: source, environment: environment))
        defer { session.close() }
        try session.run("START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        let columns = try describe(session)
        let result: (orders: DatabaseOrders.Orders, counts: LineCounts, statement: String)
        try applySettings(session)
        if options.pushdown {
            result = try aggregates(session, columns: columns, period: period, asOf: asOf, collectsPurchases: collectsPurchases)
        } else {
            result = try lines(session, columns: columns)
        }
        try result.counts.check(source: source.redacted, amountColumn: columns.amount.name, strict: strict, maxIncompletePercent: maxIncompletePercent) {
            (try? session.texts(OrderLines(relation: relation, columns: columns).inexactExample))?.first ?? nil
        }
        try session.run("COMMIT")
        return DatabaseOrders(orders: result.orders, input: DatabaseOrders.inputSummary(source: label, counts: result.counts), counts: result.counts,
                              statement: result.statement, missingSegments: columns.missingSegments)
    }

    /// The statement `read` would send, and the server's plan for it (`EXPLAIN`, or with `json`
    /// `EXPLAIN (VERBOSE, FORMAT JSON)`); without a connection the statement for the columns as
    /// named (`mapping`, the date a date, the amount numeric) and the reason there is no plan.
    public func explain(period: PeriodKind, asOf: CivilDate?, collectsPurchases: Bool, json: Bool = false)
        -> (statement: String, plan: [String]?, error: DatabaseError?) {
        do {
            let session = try PostgresSession.open(source, password: PasswordFile.password(for: source, environment: environment))
            defer { session.close() }
            try session.run("START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            let columns = try describe(session)
            let statement = self.statement(columns: columns, period: period, asOf: asOf, collectsPurchases: collectsPurchases)
            try applySettings(session)
            let plan = try session.texts((json ? "EXPLAIN (VERBOSE, FORMAT JSON)\n" : "EXPLAIN\n") + statement).compactMap { $0 }
            try session.run("COMMIT")
            return (sent(statement), plan, nil)
        } catch {
            return (sent(assumedStatement(period: period, asOf: asOf, collectsPurchases: collectsPurchases)), nil, error)
        }
    }

    /// The settings sent before a pushed-down statement (`PushdownStatement.sessionSettings`); none for rows.
    private var settings: [String] { options.pushdown ? PushdownStatement.sessionSettings : [] }

    private func applySettings(_ session: PostgresSession) throws(DatabaseError) {
        for setting in settings { try session.run(setting) }
    }

    /// A statement as `read` sends it: after the settings.
    private func sent(_ statement: String) -> String {
        settings.map { $0 + ";\n" }.joined() + statement
    }

    // MARK: - Steps

    /// The columns of the table or query (its first row; none is an error), their roles found and their types checked.
    private func describe(_ session: PostgresSession) throws(DatabaseError) -> SourceColumns {
        let described = Collected<[SourceColumn]?>(nil)
        try session.run("SELECT * FROM \(relation.sql) AS source LIMIT 1", phase: .describing(relation)) { row in
            let columns = row.map { SourceColumn(name: $0.columnName, typeOID: $0.dataType.rawValue) }
            described.update { $0 = columns }
        }
        guard let columns = described.value else { throw .noRows(source: source.redacted) }
        var names: [UInt32: String] = [:]
        let unknown = Set(columns.filter { $0.typeName == nil }.map(\.typeOID))
        if !unknown.isEmpty {
            let list = unknown.sorted().map(String.init).joined(separator: ",")
            let rows = Collected<[UInt32: String]>([:])
            try session.run("SELECT oid::int8, format_type(oid, NULL) FROM pg_type WHERE oid IN (\(list))") { row in
                let (oid, name) = try row.decode((Int64, String).self)
                rows.update { $0[UInt32(oid)] = name }
            }
            names = rows.value
        }
        return try SourceColumns(columns: columns, mapping: mapping, segments: options.segmentColumns,
                                 segmentsMayBeMissing: options.segmentsMayBeMissing, source: source.redacted) {
            $0.typeName ?? names[$0.typeOID] ?? "type \($0.typeOID)"
        }
    }

    private func statement(columns: SourceColumns, period: PeriodKind, asOf: CivilDate?, collectsPurchases: Bool) -> String {
        options.pushdown
            ? PushdownStatement(relation: relation, columns: columns, period: period, asOfDay: asOf?.dayNumber,
                                includesPurchases: collectsPurchases).sql
            : RowStatement(relation: relation, columns: columns).sql
    }

    /// The statement for the columns as named, when the server cannot be asked.
    private func assumedStatement(period: PeriodKind, asOf: CivilDate?, collectsPurchases: Bool) -> String {
        let columns = SourceColumns(customer: SourceColumn(name: mapping.customer ?? "customer_id", typeOID: 25),
                                    date: SourceColumn(name: mapping.date ?? "order_date", typeOID: 1082),
                                    amount: SourceColumn(name: mapping.amount ?? "amount", typeOID: 1700),
                                    order: mapping.order.map { SourceColumn(name: $0, typeOID: 25) },
                                    segments: options.segmentColumns.map { SourceColumn(name: $0, typeOID: 25) })
        return statement(columns: columns, period: period, asOf: asOf, collectsPurchases: collectsPurchases)
    }

    /// Pushdown: one row per customer (`PushdownStatement`), gathered by `AggregateCollector`.
    private func aggregates(_ session: PostgresSession, columns: SourceColumns, period: PeriodKind, asOf: CivilDate?,
                            collectsPurchases: Bool) throws(DatabaseError) -> (DatabaseOrders.Orders, LineCounts, String) {
        let statement = PushdownStatement(relation: relation, columns: columns, period: period, asOfDay: asOf?.dayNumber,
                                          includesPurchases: collectsPurchases)
        let collector = Collected(AggregateCollector(periodKind: period, asOfDay: asOf?.dayNumber, collectsPurchases: collectsPurchases,
                                                     segmentNames: columns.segments.map(\.name)))
        let purchases = statement.includesPurchases, segments = statement.segmentCount
        try session.run(statement.sql) { row in
            let customer = try Self.customerRow(row.makeRandomAccess(), purchases: purchases, segments: segments)
            collector.update { $0.add(customer) }
        }
        let gathered = collector.value
        return (.aggregates(try gathered.aggregates(source: source.redacted)), gathered.counts, statement.sql)
    }

    /// `--no-pushdown`: every line (`RowStatement`), gathered by `RowCollector`.
    private func lines(_ session: PostgresSession, columns: SourceColumns) throws(DatabaseError) -> (DatabaseOrders.Orders, LineCounts, String) {
        let statement = RowStatement(relation: relation, columns: columns)
        let collector = Collected(RowCollector(hasOrderColumn: statement.hasOrderColumn, segmentNames: columns.segments.map(\.name)))
        let segments = columns.segments.count
        try session.run(statement.sql) { row in
            if segments == 0 {
                let (customer, order, day, cents, inexact) = try row.decode((String?, String?, Int32?, Int64?, Bool?).self)
                collector.update { $0.add(customer: customer, order: order, day: day, cents: cents, inexact: inexact) }
            } else {
                let cells = row.makeRandomAccess()
                let values = try (5 ..< 5 + segments).map { try cells[$0].decode(String?.self) }
                let (customer, order, day, cents, inexact) = (try cells[0].decode(String?.self), try cells[1].decode(String?.self),
                                                              try cells[2].decode(Int32?.self), try cells[3].decode(Int64?.self),
                                                              try cells[4].decode(Bool?.self))
                collector.update { $0.add(customer: customer, order: order, day: day, cents: cents, inexact: inexact, segments: values) }
            }
        }
        let gathered = collector.value
        return (.table(gathered.table()), gathered.counts, statement.sql)
    }

    /// An integer array cell (NULL: empty), read from its bytes (`BinaryIntegerArray`), else by postgres-nio.
    private static func integers<Element: FixedWidthInteger & SignedInteger & PostgresArrayDecodable>(_ cell: PostgresCell, as _: Element.Type)
        throws -> [Element] where Element._DecodableType == Element {
        guard let bytes = cell.bytes else { return [] }
        if case .binary = cell.format, let values = bytes.withUnsafeReadableBytes({ BinaryIntegerArray.values($0, as: Element.self) }) {
            return values
        }
        return try cell.decode([Element]?.self) ?? []
    }

    /// One row of the pushed-down statement, in the order of `PushdownStatement.resultColumns`.
    private static func customerRow(_ cells: PostgresRandomAccessRow, purchases: Bool, segments: Int) throws -> CustomerRow {
        var row = CustomerRow(customer: try cells[0].decode(String?.self))
        row.firstSeen = try cells[1].decode(Int32?.self)
        row.latestDay = try cells[2].decode(Int32?.self)
        row.rowsAfter = try cells[3].decode(Int64?.self) ?? 0
        row.rowsIncomplete = try cells[4].decode(Int64?.self) ?? 0
        row.inexact = try cells[5].decode(Int64?.self) ?? 0
        row.periods = try integers(cells[6], as: Int32.self)
        row.periodRows = try integers(cells[7], as: Int32.self)
        row.periodNet = try integers(cells[8], as: Int64.self)
        row.periodOrders = try integers(cells[9], as: Int32.self)
        row.periodOrderValue = try integers(cells[10], as: Int64.self)
        var next = 11
        if purchases {
            row.purchaseDays = try cells[11].decode(Int32?.self) ?? 0
            row.firstPurchase = try cells[12].decode(Int32?.self)
            row.lastPurchase = try cells[13].decode(Int32?.self)
            row.repeatValue = try cells[14].decode(Int64?.self) ?? 0
            row.medianGap = try cells[15].decode(Double?.self)
            row.gaps = try integers(cells[16], as: Int32.self)
            next = 17
        }
        row.segments = try (next ..< next + segments).map { try cells[$0].decode(String?.self) }
        return row
    }
}
