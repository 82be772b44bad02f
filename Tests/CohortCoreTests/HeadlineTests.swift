@testable import CohortCore
import Testing

/// The headline figures (METRICS.md, "Headline figures") and the average LTV curve, by hand.
struct HeadlineTests {
    /// The shop fixture (Fixtures.swift) with W = 1, headline April 2026 (complete).
    @Test func figuresOfTheShop() throws {
        let analysis = try analyse(shop, churnWindow: 1)
        let headline = try #require(analysis.headline)
        #expect(headline.period == 3)
        // Live at the end of March (active in March): B → S_Apr = 1; at the end of April: A, D, E → E = 3;
        // B churned (not active in April) → churn 1/1 = 100 %, kept (1 − 1)/1 = 0 %. March: S = E_Feb = {A, D, E} = 3,
        // all three not active in March → churn 3/3; E_Mar = {B} = 1.
        #expect(headline[.activeCustomers]?.value == 3 && headline[.activeCustomers]?.previous == 1)
        #expect(headline[.churnRate]?.value == 1 && headline[.churnRate]?.previous == 1)
        #expect(headline[.customersKept]?.value == 0)
        // Revenue April 80 + 90 + 70 = 240, March 60 − 30 = 30.
        #expect(headline[.revenue]?.value == 240 && headline[.revenue]?.previous == 30)
        // AOV April 240 / 3 = 80, March 60 / 1 = 60.
        #expect(headline[.averageOrderValue]?.value == 80 && headline[.averageOrderValue]?.previous == 60)
        // Four months: a window of 3 needs 6 months.
        #expect(headline[.nrr]?.value == nil && headline[.nrr]?.missing == .needsPeriods(needed: 6, present: 4))
        // Two cohorts: the LTV curve is quoted at no age (it needs 3).
        #expect(headline[.clv12m]?.missing == .needsCohorts(needed: 3, present: 2))
        #expect(headline.figures.map(\.key) == HeadlineKey.allCases)
    }

    /// NRR and GRR over the longest window that 2w months allow: 7 months → w = 3.
    @Test func revenueRetentionOverAShorterWindow() throws {
        // Months Jan … Jul 2026; headline July (t = 6); 7 months allow w = 3: base t−5 … t−3 = Feb, Mar, Apr,
        // current t−2 … t = May, Jun, Jul.
        // A: Feb 100, Jun 150 → base 100, current 150. B: Mar 200 → base 200, current 0.
        // C: Jan 50, May 30 → base 0 (January is before the window) → not counted. D: new in Jul 80 → base 0.
        // NRR = (150 + 0) / (100 + 200) = 50 %; GRR = (min(150, 100) + 0) / 300 = 100/300.
        let table = orders(("C", "2026-01-10", "50.00"), ("A", "2026-02-10", "100.00"), ("B", "2026-03-10", "200.00"),
                           ("C", "2026-05-10", "30.00"), ("A", "2026-06-10", "150.00"), ("D", "2026-07-31", "80.00"))
        let headline = try #require(try analyse(table, churnWindow: 1).headline)
        #expect(headline.period == 6)
        let nrr = try #require(headline[.nrr]), grr = try #require(headline[.grr])
        #expect(nrr.span == 3 && nrr.value == 0.5)
        #expect(grr.value.map { abs($0 - 100.0 / 300) < 1e-12 } == true)
        // One month earlier (June, t = 5, 6 months: enough for w = 3): base Jan … Mar = C 50, A 100, B 200;
        // current Apr … Jun = C 30, A 150 → NRR (30 + 150 + 0) / 350, GRR (30 + 100 + 0) / 350.
        #expect(nrr.previous.map { abs($0 - 180.0 / 350) < 1e-12 } == true)
        #expect(grr.previous.map { abs($0 - 130.0 / 350) < 1e-12 } == true)
        #expect(nrr.yearAgo == nil)
    }

    /// The chain-ladder curve never falls when the mix of cohorts changes: an old small cohort that
    /// spends much, young large ones that spend little.
    @Test func theAverageLTVCurveDoesNotFallWhenTheMixChanges() throws {
        // Cohort Jan: 1 customer, 100 at age 0, 100 at age 1, 100 at age 2.
        // Cohorts Feb and Mar: 4 customers each, 10 at age 0, 10 at age 1 (Mar's age 1 is April).
        var rows: [(customer: String, date: String, amount: String)] = [
            ("J", "2026-01-10", "100.00"), ("J", "2026-02-10", "100.00"), ("J", "2026-03-10", "100.00")]
        for (cohort, (first, second)) in [("F", ("2026-02-05", "2026-03-05")), ("M", ("2026-03-05", "2026-04-05"))] {
            for index in 1 ... 4 { rows += [("\(cohort)\(index)", first, "10.00"), ("\(cohort)\(index)", second, "10.00")] }
        }
        let analysis = try analyse(orders(rows), asOf: "2026-04-30", churnWindow: 1)
        let curve = analysis.averages.map { $0.cumulativeRevenuePerCustomer.value }
        // a_0 = (100 + 40 + 40) / 9 = 20; a_1 = (100 + 40 + 40) / 9 = 20; a_2 = (100 + 0) / 5 = 20 (Jan and Feb reach age 2);
        // a_3: only Jan reaches age 3 (April), where J bought nothing → 0. L = 20, 40, 60, 60.
        // Averaging each cohort's own cumulative value instead would jump with the mix: age 1 (200 + 80 + 80)/9 = 40,
        // age 2 (300 + 80)/5 = 76, age 3 300/1 = 300.
        #expect(curve.count == 4)
        #expect(zip(curve, [20.0, 40, 60, 60]).allSatisfy { ($0 ?? -1) - $1 == 0 })
        for age in 1 ..< curve.count { #expect((curve[age] ?? 0) >= (curve[age - 1] ?? 0)) }
    }
}
