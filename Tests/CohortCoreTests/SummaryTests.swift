@testable import CohortCore
import Testing

/// The facts of the written summary, on fixtures whose direction of change is known by construction.
struct SummaryTests {
    /// Customers and revenue grow from February to March (complete: the last order is on the 31st); one customer leaves.
    static let growing = orders(
        ("A", "2026-01-10", "100.00"), ("B", "2026-01-12", "100.00"),
        ("A", "2026-02-10", "100.00"), ("B", "2026-02-12", "50.00"), ("C", "2026-02-15", "100.00"),
        ("A", "2026-03-10", "300.00"), ("C", "2026-03-15", "100.00"), ("D", "2026-03-20", "100.00"), ("E", "2026-03-31", "100.00"))

    @Test func factsFollowTheConstruction() throws {
        let analysis = try analyse(Self.growing, churnWindow: 1)
        let facts = Summary(analysis: analysis, targets: KPITargets([.customersKept: 0.9])).facts
        let march = analysis.periods[2]
        // W = 1 given; A: Jan→Feb→Mar, B: Jan→Feb, C: Feb→Mar → 4 repeat purchases, all within 1.
        #expect(facts[0] == .churnWindow(ChurnWindow(periods: 1, fromData: false, repeatPurchases: 4, repeatPurchasesWithin: 4)))
        // Live at the end of March: A, C, D, E = 4; February: A, B, C = 3; no year earlier.
        #expect(facts[1] == .activeCustomers(period: march, count: 4, previous: 3, yearAgo: nil))
        // S_Mar = 3 (A, B, C), B churned → 1/3; kept 2/3 < 0.9 → off target. February: S = 2 (A, B), nobody churned.
        guard case .churn(_, let rate, let previous, let kept, let target, let status) = facts[2] else { Issue.record("no churn fact"); return }
        #expect(abs(rate - 1.0 / 3) < 1e-12 && previous == 0 && abs(kept - 2.0 / 3) < 1e-12 && target == 0.9 && status == .bad)
        // Revenue March 300 + 100 + 100 + 100 = 600, February 250; B's 50 of February churned with B.
        #expect(facts[3] == .revenue(period: march, revenue: money("600.00"), previous: money("250.00"), yearAgo: nil, churned: money("50.00")))
        // Movements in March: new D + E = 200, expansion A 100 → 300 = +200, churned −50, C unchanged.
        // New (200) and expansion (200) tie; new comes first. Among earlier cohorts: January A + B, 150 → 300 = +150;
        // February C 100 → 100 = 0 → January.
        #expect(facts[4] == .drivers(movement: .new, amount: money("200.00"), cohort: "2026-01", cohortChange: money("150.00")))
        // Three months: no window for NRR (it needs 6), so no fifth sentence.
        #expect(facts.count == 5)
    }

    @Test func anAnalysisWithoutKPIsSaysItIsTooShort() throws {
        let matrices = try CohortAnalysis(table: Self.growing, options: AnalysisOptions(churnWindow: 1), includesKPIs: false)
        #expect(Summary(analysis: matrices, targets: KPITargets()).facts.last == .tooShort(periods: 3))
    }
}
