import CohortCore
import CohortSample
import Testing

/// With contracts alone, the report runs on revenue rows made from MRR (METRICS.md, "cohort's reading").
struct RevenueFromContractsTests {
    @Test func oneRowPerCustomerAndMonthWithMRR() throws {
        // A: 2026-01-15–2026-03-31 (100); B: 2026-01-01–2026-03-30 (50). As of 2026-03-20 (March partial):
        // A Jan 31, Feb 28, Mar 20 (the as-of date); B Jan 31, Feb 28, Mar 20 (in force on the 20th).
        let table = try contracts(("A", "2026-01-15", "2026-03-31", "100.00"), ("B", "2026-01-01", "2026-03-30", "50.00"))
            .revenueTable(asOf: CivilDate(iso: "2026-03-20")!)
        #expect(table.rowCount == 6 && table.order == nil)
        #expect(table.day.map { CivilDate(dayNumber: Int($0)).description }
            == ["2026-01-31", "2026-02-28", "2026-03-20", "2026-01-31", "2026-02-28", "2026-03-20"])
        #expect(table.amount == [100_00, 100_00, 100_00, 50_00, 50_00, 50_00])
    }

    @Test func theOrderBridgesOfTheRevenueRowsAreTheMRRMovements() throws {
        // Random contracts: the KPIs of the derived rows (churn window 1 month) must move exactly as the contracts view.
        var random = SplitMix64(seed: 16)
        for _ in 0 ..< 5 {
            var rows: [(customer: String, start: String, end: String?, mrr: String)] = []
            let first = day("2024-01-01")
            for customer in 0 ..< 40 {
                for _ in 0 ..< Int(random.next() % 4) + 1 {
                    let start = first + Int(random.next() % 700)
                    let end: String? = random.next() % 5 == 0 ? nil : CivilDate(dayNumber: start + 20 + Int(random.next() % 500)).description
                    rows.append(("C\(customer)", CivilDate(dayNumber: start).description, end, "\(random.next() % 500).\(random.next() % 10)0"))
                }
            }
            let table = contracts(rows)
            let asOf = CivilDate(iso: "2025-11-17")!
            let view = try ContractAnalysisBuilder(contracts: table, asOf: asOf).build()
            let revenue = try table.revenueTable(asOf: asOf)
            let analysis = try CohortAnalysis(table: revenue, options: AnalysisOptions(asOf: asOf, churnWindow: 1))
            // The analysis starts at the first month with MRR; the contracts view may start earlier (a zero-MRR contract).
            let months = view.months.suffix(analysis.kpis.count)
            #expect(months.map(\.label) == analysis.kpis.map(\.label))
            for (month, kpi) in zip(months, analysis.kpis) {
                #expect(month.mrr == kpi.revenueBridge, "\(month.label)")
                #expect(month.customers == kpi.customers, "\(month.label)")
            }
        }
    }
}
