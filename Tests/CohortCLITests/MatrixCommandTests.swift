import Foundation
import Testing

/// End-to-end: the CSV contract of `cohort matrix` on Tests/Fixtures/small-orders.csv.
///
/// The fixture, worked by hand (as-of = latest date 2026-03-31, the last day of
/// March, so no period is partial):
///
///     A: Jan 5 +100, Feb 1 +30, Mar 20 +40   → cohort 2026-01, active Jan Feb Mar
///     B: Jan 31 +50, Mar 10 −20 (refund only) → cohort 2026-01, active Jan only
///     C: Feb 15 +80, Mar 31 +80              → cohort 2026-02, active Feb Mar
struct MatrixCommandTests {
    @Test func csvMatchesTheHandComputedMatrix() throws {
        let result = try CLIRunner.run(["matrix", CLIRunner.fixture("small-orders.csv"), "--format", "csv"])
        #expect(result.status == 0)
        let expected = """
        cohort,age,cohort_size,active_customers,retention,unbounded_retention,revenue,revenue_retention,grr_revenue,grr,cumulative_revenue_per_customer,partial
        2026-01,0,2,2,1.0000,1.0000,150.00,1.0000,150.00,1.0000,75.00,false
        2026-01,1,2,1,0.5000,0.5000,30.00,0.2000,30.00,0.2000,90.00,false
        2026-01,2,2,1,0.5000,0.5000,20.00,0.1333,40.00,0.2667,100.00,false
        2026-02,0,1,1,1.0000,1.0000,80.00,1.0000,80.00,1.0000,80.00,false
        2026-02,1,1,1,1.0000,1.0000,80.00,1.0000,80.00,1.0000,160.00,false

        """
        // Jan cohort (A, B; n = 2):
        //  age 0: active 2 → 1.0; revenue 100 + 50 = 150; GRR revenue min(100,100) + min(50,50) = 150; cumulative 150 / 2 = 75
        //  age 1: active A → 1/2; unbounded A (last active Mar) → 1/2; revenue 30 → 30/150 = 0.2;
        //         GRR revenue min(30,100) + min(0,50) = 30 → 0.2; cumulative (150 + 30) / 2 = 90
        //  age 2: active A (B's refund-only month is not activity) → 1/2; revenue 40 − 20 = 20 → 20/150 = 0.1333;
        //         GRR revenue min(40,100) + min(max(0,−20),50) = 40 → 40/150 = 0.2667; cumulative 200 / 2 = 100
        // Feb cohort (C; n = 1): 80 and 80, GRR min(80,80) = 80, cumulative 80 then 160.
        #expect(result.standardOutput == expected)
    }

    @Test func timingsGoToStandardErrorAndLeaveTheMatrixAlone() throws {
        let plain = try CLIRunner.run(["matrix", CLIRunner.fixture("small-orders.csv"), "--format", "csv"])
        let timed = try CLIRunner.run(["matrix", CLIRunner.fixture("small-orders.csv"), "--format", "csv", "--timings"])
        #expect(timed.status == 0)
        #expect(timed.standardOutput == plain.standardOutput)
        // The fixture has 7 data rows: A three, B two, C two.
        let phases = timed.standardError.split(separator: "\n").last.map { $0.components(separatedBy: " · ") } ?? []
        #expect(phases.count == 4, "\(timed.standardError)")
        #expect(phases.first?.hasPrefix("read 7 rows ") == true)
        #expect(phases.dropFirst().map { $0.split(separator: " ").first.map(String.init) ?? "" } == ["analyse", "write", "total"])
    }

    @Test func asOfInsideAMonthMarksItPartialAndDropsLaterRows() throws {
        let result = try CLIRunner.run(["matrix", CLIRunner.fixture("small-orders.csv"), "--format", "csv", "--as-of", "2026-03-15"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        // Up to Mar 15 only B's refund (Mar 10) is left in March: Jan cohort age 2 has no active customer,
        // revenue −20; the cell is partial because Mar 15 is not the last day of March.
        #expect(lines.contains("2026-01,2,2,0,0.0000,0.0000,-20.00,-0.1333,0.00,0.0000,80.00,true"))
        // (150 + 30 − 20) / 2 = 80.00 cumulative; C bought nothing up to Mar 15: retention 0, GRR 0.
        #expect(lines.contains("2026-02,1,1,0,0.0000,0.0000,0.00,0.0000,0.00,0.0000,80.00,true"))
    }

    @Test func tableFormatShowsPercentagesAndAverage() throws {
        let result = try CLIRunner.run(["matrix", CLIRunner.fixture("small-orders.csv")])
        #expect(result.status == 0)
        // Average at age 1: (1 + 1) active / (2 + 1) customers = 67 %.
        #expect(result.standardOutput.contains("Average"))
        #expect(result.standardOutput.contains("67%"))
    }

    @Test func jsonFormatIsValidJSONWithEmptyRatiosAsNull() throws {
        let result = try CLIRunner.run(["matrix", CLIRunner.fixture("small-orders.csv"), "--format", "json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let cohorts = object?["cohorts"] as? [[String: Any]]
        #expect(cohorts?.count == 2)
        #expect((cohorts?.first?["size"] as? Int) == 2)
    }
}
