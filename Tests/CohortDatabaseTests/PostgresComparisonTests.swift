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

    @Test(arguments: [PeriodKind.month, .quarter])
    func segmentsEqualTheFiles(period: PeriodKind) throws {
        let url = try #require(PostgresTestServer.url)
        let split: (inout JobOptions) -> Void = { $0.read.segmentColumns = ["industry", "country", "company_size"] }
        let expected = try job(fixture.file, period: period, asOf: nil, mapping: split).customerRecords()
        #expect(expected.analysis.segments?.count == 3)
        for pushdown in [true, false] {
            let read = try job(url, table: fixture.orders, pushdown: pushdown, period: period, asOf: nil, mapping: split).customerRecords()
            #expect(comparable(read.analysis) == comparable(expected.analysis), "\(pushdown ? "pushdown" : "rows")")
            #expect(read.records == expected.records)
            var timings = JobTimings()
            let matrix = try job(url, table: fixture.orders, pushdown: pushdown, period: period, asOf: nil, mapping: split)
                .analyse(includesKPIs: false, timings: &timings)
            let expectedMatrix = try job(fixture.file, period: period, asOf: nil, mapping: split).analyse(includesKPIs: false, timings: &timings)
            #expect(matrix.segments == expectedMatrix.segments)
        }
    }

    @Test func givesEachCustomerTheSegmentOfItsFirstPositiveOrder() throws {
        let url = try #require(PostgresTestServer.url)
        // An order whose lines disagree, and two positive orders on a first day: the smallest order id wins, then the smallest value.
        let table = PostgresTestServer.prefix + "segments"
        try PostgresTestServer.psql("""
            CREATE TABLE \(table) AS SELECT order_id, customer_id, order_date, amount, industry FROM \(fixture.orders);
            INSERT INTO \(table) VALUES ('SO-Z2', 'Z-1', DATE '2024-03-01', 10, 'Zeta'), ('SO-Z1', 'Z-1', DATE '2024-03-01', 10, 'Beta'),
                                        ('SO-Z1', 'Z-1', DATE '2024-03-01', 10, 'Alpha'), ('SO-Z0', 'Z-1', DATE '2024-03-01', -5, 'Aardvark'),
                                        ('SO-Z3', 'Z-1', DATE '2024-02-01', 0, 'Before');
            """)
        var options = JobOptions(inputs: [url])
        options.database = DatabaseReadOptions(table: table)
        options.read.segmentColumns = ["industry"]
        let orders = try ReportJob(options: options).readDatabase(url, collectsPurchases: false)
        guard case .aggregates(let aggregates) = orders.orders, let column = aggregates.segments.first, case .rows(let ids) = column.source else {
            Issue.record("no segments")
            return
        }
        var found: [String: String] = [:]
        for (index, id) in aggregates.customerIDs.enumerated() { found[id] = column.values[Int(ids[index])] }
        #expect(found["Z-1"] == "Alpha")
        // The sample's customers keep one industry on every order: the file's.
        let text = try String(contentsOfFile: fixture.file, encoding: .utf8)
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let customer = fields[1].trimmingCharacters(in: .whitespaces)
            if customer != "E-NEVER" { #expect(found[customer] == fields[5], "\(customer)") }
        }
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
