import CohortCore
import CohortDatabase
import CohortIngest
import CohortPostgres
import Foundation
import Testing

/// What the server makes of the statements: its plan groups by the customer column everywhere, and
/// its period numbers are `PeriodCalendar`'s.
@Suite(.enabled(if: PostgresTestServer.isConfigured, PostgresTestServer.skipped))
struct PostgresPlanTests {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// Every node of an EXPLAIN (FORMAT JSON) plan.
    static func nodes(_ plan: [String: Any]) -> [[String: Any]] {
        [plan] + ((plan["Plans"] as? [[String: Any]]) ?? []).flatMap(nodes)
    }

    @Test(arguments: [true, false])
    func everyAggregateAndSortOfThePlanIsByCustomerFirst(purchases: Bool) throws {
        let url = try #require(PostgresTestServer.url)
        let fixture = try OrderFixture.shared.get()
        for options in [DatabaseReadOptions(table: fixture.orders, segmentColumns: ["industry", "country"]), DatabaseReadOptions(table: fixture.rowsOnly)] {
            let reader = try PostgresOrderReader(url: url, options: options, mapping: ColumnMapping(), environment: Self.environment)
            let explained = reader.explain(period: .month, asOf: CivilDate(year: 2025, month: 6, day: 30), collectsPurchases: purchases, json: true)
            #expect(explained.error == nil)
            let json = try #require(explained.plan?.joined(separator: "\n"))
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
            let plan = try #require(document.first?["Plan"] as? [String: Any])
            let nodes = Self.nodes(plan)
            let aggregates = nodes.filter { $0["Node Type"] as? String == "Aggregate" }
            #expect(aggregates.count >= 2)
            for node in aggregates {
                let keys = node["Group Key"] as? [String] ?? []
                #expect(keys.first?.contains("customer") == true, "an aggregate grouped by \(keys) (\(node["Strategy"] ?? ""))")
                // Sorted, never a hash table (PushdownStatement.sessionSettings): the explained plan is the one read runs.
                #expect(node["Strategy"] as? String != "Hashed", "a hash aggregate by \(keys)")
            }
            for node in nodes where ["Sort", "Incremental Sort"].contains(node["Node Type"] as? String) {
                let keys = node["Sort Key"] as? [String] ?? []
                #expect(keys.first?.contains("customer") == true, "a sort by \(keys)")
            }
            #expect(nodes.contains { $0["Node Type"] as? String == "WindowAgg" } == (purchases || options.table == fixture.orders))
        }
    }

    @Test func numbersPeriodsAsThePeriodCalendar() throws {
        let url = try #require(PostgresTestServer.url)
        // Every day from 1965 to 2031: before 1970 too, where integer division must round down.
        let first = CivilDate(year: 1965, month: 1, day: 1)!.dayNumber, last = CivilDate(year: 2031, month: 12, day: 31)!.dayNumber
        let table = PostgresTestServer.prefix + "calendar"
        try PostgresTestServer.psql("""
            CREATE TABLE \(table) AS
            SELECT 'C' || (d - DATE '1970-01-01') AS customer_id, d AS order_date, 1.00::numeric AS amount
            FROM generate_series(DATE '1965-01-01', DATE '2031-12-31', INTERVAL '1 day') AS s(t), LATERAL (SELECT t::date AS d) AS day;
            """)
        for kind in [PeriodKind.month, .week, .quarter] {
            let reader = try PostgresOrderReader(url: url, options: DatabaseReadOptions(table: table), mapping: ColumnMapping(), environment: Self.environment)
            let orders = try reader.read(period: kind, asOf: nil, collectsPurchases: false)
            guard case .aggregates(let aggregates) = orders.orders else { Issue.record("no aggregates"); return }
            #expect(aggregates.customerCount == last - first + 1)
            let calendar = PeriodCalendar(kind)
            var wrong = 0
            for (index, id) in aggregates.customerIDs.enumerated() {
                let day = Int(id.dropFirst())!
                if aggregates.period[aggregates.entries(of: index).lowerBound] != Int32(calendar.period(containingDay: day)) { wrong += 1 }
            }
            #expect(wrong == 0, "\(kind): \(wrong) days in another period than PeriodCalendar's")
        }
    }
}
