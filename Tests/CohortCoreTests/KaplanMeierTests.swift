import CohortCore
import Testing

/// The Kaplan–Meier retention curve (METRICS.md, "Cohort matrices"), worked by hand on the
/// shop fixture (Fixtures.swift), as of 2026-04-30 (April complete, last complete age index 3):
///
///     customer  cohort  active ages (positive orders)   observed up to age
///     A         Jan     0 (Jan), 1 (Feb), 3 (Apr)       3
///     B         Jan     0 (Jan), 2 (Mar); Feb refund    3
///     C         Jan     0 (Jan)                         3
///     D         Feb     0 (Feb), 2 (Apr); Mar refund    2
///     E         Feb     0 (Feb), 2 (Apr)                2
///
/// A customer is live at age k when active in ages k − W + 1 … k; its event is the first
/// age at which it is not (later activity does not undo it).
@Suite struct KaplanMeierTests {
    @Test func churnWindowOne() throws {
        let survival = try #require(try analyse(shop, churnWindow: 1).survival)
        // Events (W = 1): A 1 → 3 leaves age 2 empty → event 2; B 0 → 2 → event 1; C → 1; D → 1; E → 1.
        // Age 0: 5 at risk, S = 1.
        // Age 1: 5 at risk, 4 churn → S = 1/5 = 0.2; Greenwood Σ = 4 / (5 · 1) = 0.8,
        //        Var = 0.2² · 0.8 = 0.032, band 0.2 ∓ 1.96 · √0.032 = 0.2 ∓ 0.350615 → [0, 0.550615].
        // Age 2: 1 at risk (A), 1 churns → S = 0; the band closes at 0.
        #expect(survival.map(\.age) == [0, 1, 2])
        #expect(survival.map(\.atRisk) == [5, 5, 1])
        #expect(survival.map(\.churned) == [0, 4, 1])
        #expect(survival.map(\.censored) == [0, 0, 0])
        #expect(nearly(survival.map(\.survival), [1, 0.2, 0]))
        #expect(nearly(survival.map(\.lower), [1, 0, 0]))
        #expect(nearly(survival.map(\.upper), [1, 0.550615, 0]))
    }

    @Test func churnWindowTwoCensorsTheYoungCohort() throws {
        let survival = try #require(try analyse(shop, churnWindow: 2).survival)
        // Events (W = 2): A 0, 1, 3 never leaves a gap of 2 → event 5 > 3, censored at 3;
        // B 0, 2 → event 4 > 3, censored at 3; C → event 2; D, E 0, 2 → event 4 > 2, censored at 2.
        // Age 1: nobody churns (everyone is live through age W − 1 = 1).
        // Age 2: 5 at risk, C churns, D and E censored → S = 4/5 = 0.8; Greenwood 1 / (5 · 4) = 0.05,
        //        Var = 0.64 · 0.05 = 0.032 → 0.8 ∓ 0.350615 → [0.449385, 1].
        // Age 3: 5 − 1 − 2 = 2 at risk (A, B), both censored → S and band unchanged.
        #expect(survival.map(\.atRisk) == [5, 5, 5, 2])
        #expect(survival.map(\.churned) == [0, 0, 1, 0])
        #expect(survival.map(\.censored) == [0, 0, 2, 2])
        #expect(nearly(survival.map(\.survival), [1, 1, 0.8, 0.8]))
        #expect(nearly(survival.map(\.lower), [1, 1, 0.449385, 0.449385]))
        #expect(nearly(survival.map(\.upper), [1, 1, 1, 1]))
    }

    @Test func customersAcquiredInThePartialPeriodAreNotYetObserved() throws {
        // As of 2026-04-15, April is partial: the last complete age index is 2 (March), and D's
        // Apr 30 order is after the as-of date. A new customer F bought on Apr 3 only.
        let table = orders(("A", "2026-01-01", "100.00"), ("A", "2026-02-28", "50.00"), ("A", "2026-04-10", "80.00"),
                           ("B", "2026-01-31", "200.00"), ("B", "2026-03-15", "60.00"),
                           ("D", "2026-02-10", "120.00"), ("D", "2026-04-30", "90.00"),
                           ("F", "2026-04-03", "40.00"))
        let survival = try #require(try analyse(table, asOf: "2026-04-15", churnWindow: 1).survival)
        // F (cohort Apr, partial) is left out. A: 0, 1 (April is not observed) → event 2 ≤ 2.
        // B: 0, 2 → event 1. D (Feb): 0 → event 1 ≤ observed 1.
        // Age 1: 3 at risk, B and D churn → S = 1/3; age 2: 1 at risk, A churns → S = 0.
        #expect(survival.map(\.atRisk) == [3, 3, 1])
        #expect(survival.map(\.churned) == [0, 2, 1])
        #expect(nearly(survival.map(\.survival), [1, 1.0 / 3, 0]))
    }

    @Test func matricesAloneLeaveItOut() throws {
        #expect(try CohortAnalysis(table: shop, includesKPIs: false).survival == nil)
    }

    private func nearly(_ actual: [Double], _ expected: [Double]) -> Bool {
        actual.count == expected.count && zip(actual, expected).allSatisfy { abs($0 - $1) < 1e-6 }
    }
}
