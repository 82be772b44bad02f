import CohortCore
import CohortDatabase
import CohortJob
import CohortReports
import Foundation
import Testing

/// The same orders read from PostgreSQL (pushed down, and row by row with `--no-pushdown`) and from
/// the CSV file by the file path (the reference): every matrix cell, KPI, survival point, headline
/// figure, data-quality count and customer record equal, money to the cent.
@Suite(.enabled(if: PostgresTestServer.isConfigured, PostgresTestServer.skipped), .serialized)
struct PostgresComparisonTests {
    let fixture: OrderFixture

    init() throws {
        fixture = try OrderFixture.shared.get()
    }

    static let asOfDates: [CivilDate?] = [nil, CivilDate(year: 2025, month: 6, day: 30)]

    /// A job reading `input` (a file, or the test database with `table` or `query`).
    func job(_ input: String, table: String? = nil, query: String? = nil, pushdown: Bool = true, period: PeriodKind, asOf: CivilDate?,
             mapping: ((inout JobOptions) -> Void)? = nil) -> ReportJob {
        var options = JobOptions(inputs: [input])
        options.database = DatabaseReadOptions(table: table, query: query, pushdown: pushdown)
        options.analysis.period = period
        options.analysis.asOf = asOf
        mapping?(&options)
        return ReportJob(options: options)
    }

    /// The analysis without what only says where the orders came from.
    func comparable(_ analysis: CohortAnalysis) -> CohortAnalysis {
        var analysis = analysis
        analysis.input = InputSummary()
        return analysis
    }

    @Test(arguments: [PeriodKind.month, .week, .quarter])
    func matrixAndKPIsEqualTheFiles(period: PeriodKind) throws {
        let url = try #require(PostgresTestServer.url)
        for asOf in Self.asOfDates {
            var timings = JobTimings()
            let expected = try job(fixture.file, period: period, asOf: asOf).analyse(includesKPIs: true, timings: &timings)
            let expectedMatrix = try job(fixture.file, period: period, asOf: asOf).analyse(includesKPIs: false, timings: &timings)
            for pushdown in [true, false] {
                let what = "\(period), as of \(asOf?.description ?? "the latest order"), \(pushdown ? "pushdown" : "rows")"
                let kpis = try job(url, table: fixture.orders, pushdown: pushdown, period: period, asOf: asOf).analyse(includesKPIs: true, timings: &timings)
                #expect(comparable(kpis) == comparable(expected), "\(what)")
                #expect(KPICSV.render(kpis) == KPICSV.render(expected), "\(what)")
                #expect(kpis.dataQuality.rowsBeforeAcquisition > 0 && kpis.dataQuality.customersWithoutPositiveOrder > 0)
                #expect(kpis.input.rowsRead == expected.input.rowsRead)

                let matrix = try job(url, table: fixture.orders, pushdown: pushdown, period: period, asOf: asOf)
                    .analyse(includesKPIs: false, timings: &timings)
                #expect(comparable(matrix) == comparable(expectedMatrix), "\(what)")
                #expect(MatrixCSV.render(matrix) == MatrixCSV.render(expectedMatrix), "\(what)")
            }
        }
    }

    @Test(arguments: [PeriodKind.month, .week])
    func customersToActOnEqualTheFiles(period: PeriodKind) throws {
        let url = try #require(PostgresTestServer.url)
        for asOf in Self.asOfDates {
            let expected = try job(fixture.file, period: period, asOf: asOf).customerRecords()
            #expect(expected.records.count > 300)
            for pushdown in [true, false] {
                let what = "\(period), as of \(asOf?.description ?? "the latest order"), \(pushdown ? "pushdown" : "rows")"
                let read = try job(url, table: fixture.orders, pushdown: pushdown, period: period, asOf: asOf).customerRecords()
                #expect(read.records == expected.records, "\(what)")
                #expect(comparable(read.analysis) == comparable(expected.analysis), "\(what)")
                #expect(CustomerCSV.render(read.records) == CustomerCSV.render(expected.records), "\(what)")
            }
        }
    }

    @Test func typedColumnsAQueryAndRowsWithoutOrderIdsEqualTheFiles() throws {
        let url = try #require(PostgresTestServer.url)
        var timings = JobTimings()
        let expected = try job(fixture.file, period: .month, asOf: nil).analyse(includesCustomers: true, timings: &timings)
        // double precision amounts, timestamps
        let typed = try job(url, table: fixture.typed, period: .month, asOf: nil).analyse(includesCustomers: true, timings: &timings)
        #expect(comparable(typed) == comparable(expected))
        // a query whose columns are detected by their German names
        let query = "SELECT customer_id AS kunde, order_date AS datum, amount AS betrag, order_id AS rechnungsnummer FROM \(fixture.orders)"
        let queried = try job(url, query: query, period: .month, asOf: nil).analyse(includesCustomers: true, timings: &timings)
        #expect(comparable(queried) == comparable(expected))
        #expect(queried.input.sources == ["\(url) (query)"])

        // Each row an order.
        let expectedRows = try job(fixture.fileWithoutOrders, period: .quarter, asOf: nil).analyse(includesCustomers: true, timings: &timings)
        for pushdown in [true, false] {
            let rows = try job(url, table: fixture.rowsOnly, pushdown: pushdown, period: .quarter, asOf: nil)
                .analyse(includesCustomers: true, timings: &timings)
            #expect(comparable(rows) == comparable(expectedRows), "\(pushdown ? "pushdown" : "rows")")
        }
    }

    @Test func givesEachCustomerTheSegmentOfItsFirstPositiveOrder() throws {
        let url = try #require(PostgresTestServer.url)
        var options = JobOptions(inputs: [url])
        options.database = DatabaseReadOptions(table: fixture.orders, segmentColumn: "industry")
        let orders = try ReportJob(options: options).readDatabase(url, collectsPurchases: false)
        guard case .aggregates(let aggregates) = orders.orders, let segment = aggregates.segment else {
            Issue.record("no segments")
            return
        }
        // The reference, from the file: per customer the earliest day with a positive order; on it, the
        // positive order with the smallest id; its smallest segment value.
        let text = try String(contentsOfFile: fixture.file, encoding: .utf8)
        var lines: [String: [(order: String, day: String, cents: Int, industry: String)]] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let cents = Int(Decimal(string: f[3])! * 100 as NSDecimalNumber)
            lines[f[1].trimmingCharacters(in: .whitespaces), default: []].append((f[0], f[2], cents, f[5]))
        }
        var expected: [String: String] = [:]
        for (customer, rows) in lines {
            var orders: [String: (day: String, total: Int, industry: String)] = [:]
            for row in rows {
                let order = orders[row.order]
                orders[row.order] = (min(order?.day ?? row.day, row.day), (order?.total ?? 0) + row.cents, min(order?.industry ?? row.industry, row.industry))
            }
            let first = orders.filter { $0.value.total > 0 }.min { a, b in
                a.value.day != b.value.day ? a.value.day < b.value.day : a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
            }
            if let first { expected[customer] = first.value.industry }
        }
        var found: [String: String] = [:]
        for (index, id) in aggregates.customerIDs.enumerated() where segment[index] >= 0 {
            found[id] = aggregates.segmentValues[Int(segment[index])]
        }
        #expect(found == expected)
        #expect(Set(found.values).count >= 3)
    }

    @Test func countsRowsWithoutACustomerDateOrAmountAndRefusesTooMany() throws {
        let url = try #require(PostgresTestServer.url)
        let table = PostgresTestServer.prefix + "incomplete"
        try PostgresTestServer.psql("""
            CREATE TABLE \(table) AS SELECT customer_id, order_date, amount, order_id FROM \(fixture.orders);
            INSERT INTO \(table) VALUES (NULL, DATE '2024-05-01', 10, 'N1'), ('  ', DATE '2024-05-01', 10, 'N2'),
                                        ('C000001', NULL, 10, 'N3'), ('C000002', DATE '2024-05-01', NULL, 'N4');
            """)
        var timings = JobTimings()
        let expected = try job(fixture.file, period: .month, asOf: nil).analyse(timings: &timings)
        for pushdown in [true, false] {
            let analysis = try job(url, table: table, pushdown: pushdown, period: .month, asOf: nil).analyse(timings: &timings)
            #expect(comparable(analysis) == comparable(expected))
            #expect(analysis.input.rowsRead == expected.input.rowsRead + 4)
            #expect(analysis.input.warnings == [.incompleteRows(source: "\(url) (table \(table))", count: 4, read: expected.input.rowsRead + 4)])
            #expect(throws: DatabaseError.tooManyIncompleteRows(source: url, count: 4, read: expected.input.rowsRead + 4, limitPercent: 1, strict: true)) {
                try job(url, table: table, pushdown: pushdown, period: .month, asOf: nil) { $0.strict = true }.analyse(timings: &timings)
            }
        }
    }
}
