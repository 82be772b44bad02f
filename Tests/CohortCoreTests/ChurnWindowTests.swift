@testable import CohortCore
import Testing

/// The churn window from the data (METRICS.md): the smallest W within which at least 90 % of
/// repeat purchases follow the customer's previous active period.
struct ChurnWindowTests {
    @Test func theExampleOfMetricsMD() {
        // Gaps 1, 1, 2, 2, 3, 8: 90 % of 6 is 5.4; five gaps ≤ 3 are 83 %, the sixth is 8 → W = 8.
        let window = ChurnWindow(gaps: [0, 2, 2, 1, 0, 0, 0, 0, 1], given: nil)
        #expect(window.periods == 8 && window.fromData)
        #expect(window.repeatPurchases == 6 && window.repeatPurchasesWithin == 6)
    }

    @Test func ninetyPercentExactlyIsEnough() {
        // Ten gaps: nine of 1, one of 5 → 9 / 10 = 90 % within 1 → W = 1.
        let window = ChurnWindow(gaps: [0, 9, 0, 0, 0, 1], given: nil)
        #expect(window.periods == 1 && window.repeatPurchasesWithin == 9)
    }

    @Test func noRepeatPurchaseGivesOne() {
        #expect(ChurnWindow(gaps: [0, 0, 0], given: nil).periods == 1)
        #expect(ChurnWindow(gaps: [], given: nil) == ChurnWindow(periods: 1, fromData: true, repeatPurchases: 0, repeatPurchasesWithin: 0))
    }

    @Test func aGivenWindowWinsButKeepsTheCounts() {
        // Gaps 1, 1, 2, 2, 3, 8 with W = 2 given: 4 of 6 within 2.
        let window = ChurnWindow(gaps: [0, 2, 2, 1, 0, 0, 0, 0, 1], given: 2)
        #expect(window == ChurnWindow(periods: 2, fromData: false, repeatPurchases: 6, repeatPurchasesWithin: 4))
    }

    /// Built from orders: repeat purchases inside one month have no gap; a repeat in the partial
    /// last period is not counted.
    @Test func gapsAreCountedBetweenActivePeriodsUpToTheLastCompleteOne() throws {
        // A: Jan, Jan again (same month, no gap), Mar (gap 2), Apr (gap 1).
        // B: Jan, Feb (gap 1), then a refund in Mar (not active), May 10 (gap 3 into May).
        // C: Feb, Jun 3 (gap 4, but June is partial as of 2026-06-15: not counted).
        let table = orders(
            ("A", "2026-01-05", "10.00"), ("A", "2026-01-20", "10.00"), ("A", "2026-03-02", "10.00"), ("A", "2026-04-09", "10.00"),
            ("B", "2026-01-10", "10.00"), ("B", "2026-02-11", "10.00"), ("B", "2026-03-12", "-5.00"), ("B", "2026-05-10", "10.00"),
            ("C", "2026-02-01", "10.00"), ("C", "2026-06-03", "10.00"))
        let analysis = try CohortAnalysis(table: table, options: AnalysisOptions(asOf: CivilDate(iso: "2026-06-15")))
        // Gaps 2, 1, 1, 3: 90 % of 4 = 3.6 → within 2 are 3 (75 %), within 3 all 4 → W = 3.
        #expect(analysis.churnWindow == ChurnWindow(periods: 3, fromData: true, repeatPurchases: 4, repeatPurchasesWithin: 4))
        #expect(analysis.options.churnWindow == 3) // the W used, recorded with the options
    }
}
