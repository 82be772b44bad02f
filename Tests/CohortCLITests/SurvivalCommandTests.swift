import Foundation
import Testing

/// End-to-end: `cohort survival` on Tests/Fixtures/small-orders.csv (see MatrixCommandTests):
///
///     A: Jan, Feb, Mar active            B: Jan active, Mar refund only       C: Feb, Mar active
struct SurvivalCommandTests {
    @Test func csvMatchesTheHandComputedCurve() throws {
        let result = try CLIRunner.run(["survival", CLIRunner.fixture("small-orders.csv"), "--format", "csv"])
        #expect(result.status == 0)
        // As of Mar 31 (complete), W = 1. A (Jan) is live through age 2, the last it can be seen: censored at 2.
        // B (Jan) is not live at age 1: the event. C (Feb) is live at age 1, its last observable age: censored at 1.
        // Age 1: 3 at risk, 1 churns → S = 2/3; Greenwood 1 / (3 · 2) = 1/6, Var = (4/9) / 6 = 0.0740741,
        //        band 0.666667 ∓ 1.96 · 0.272166 = ∓ 0.533444 → [0.1332, 1].
        // Age 2: 3 − 1 − 1 = 1 at risk (A), censored → S and band unchanged.
        let expected = """
        age,at_risk,churned,censored,survival,survival_lower_95,survival_upper_95
        0,3,0,0,1.0000,1.0000,1.0000
        1,3,1,1,0.6667,0.1332,1.0000
        2,1,0,1,0.6667,0.1332,1.0000

        """
        #expect(result.standardOutput == expected)
    }

    @Test func aPartialPeriodEndsTheObservation() throws {
        let result = try CLIRunner.run(["survival", CLIRunner.fixture("small-orders.csv"), "--format", "csv", "--as-of", "2026-03-15"])
        #expect(result.status == 0)
        // March is partial, so February (age index 1) is the last complete period. C (Feb) is seen at
        // age 0 only: censored there. A (Jan: Jan, Feb) censored at 1; B churns at 1.
        // Age 1: 2 at risk, 1 churns → S = 1/2; Var = 0.25 · 1 / (2 · 1) = 0.125 → 0.5 ∓ 0.692965 → [0, 1].
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.dropFirst() == ["0,3,0,1,1.0000,1.0000,1.0000", "1,2,1,1,0.5000,0.0000,1.0000"])
    }

    @Test func theTableNamesTheWindowAndTheBand() throws {
        let result = try CLIRunner.run(["survival", CLIRunner.fixture("small-orders.csv"), "--churn-window", "2"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("churn window 2"))
        // W = 2: nobody churns before age 2. C (Feb) is censored at 1. At age 2, A (active at 2) is
        // censored and B (active at 0 only: event at 0 + 2) churns: 2 at risk, 1 churns → 50 %;
        // Var = 0.25 · 1 / (2 · 1) = 0.125 → 0.5 ∓ 0.693 → 0 % – 100 %.
        #expect(result.standardOutput.contains("M1         3        0         1      100.0%"))
        #expect(result.standardOutput.contains("M2         2        1         1       50.0%    0.0% – 100.0%"))
    }
}
