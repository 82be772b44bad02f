import CohortCore
import Testing

/// Revenue bridge, monthly NRR / GRR and revenue churn rate (METRICS.md, "Revenue bridge"),
/// with x_i(t) = max(0, net revenue of customer i in t).
@Suite struct RevenueBridgeTests {
    /// Every kind of revenue movement in three months.
    ///
    /// | customer | Jan | Feb | Mar |
    /// |---|---|---|---|
    /// | A | 100 | 150 (expansion +50) | 150 (flat) |
    /// | B | 200 | 120 (contraction −80) | – (churned −120) |
    /// | C | 50 | +30 −50 = −20, x 0 (churned −50) | 40 (reactivation) |
    /// | D | – | 80 (new) | 100 on 03-31 (expansion +20) |
    ///
    /// Σx: Jan 350, Feb 150 + 120 + 0 + 80 = 350, Mar 150 + 0 + 40 + 100 = 290.
    static let movements = orders(
        ("A", "2026-01-05", "100.00"), ("A", "2026-02-05", "150.00"), ("A", "2026-03-05", "150.00"),
        ("B", "2026-01-10", "200.00"), ("B", "2026-02-10", "120.00"),
        ("C", "2026-01-15", "50.00"), ("C", "2026-02-15", "30.00"), ("C", "2026-02-16", "-50.00"), ("C", "2026-03-15", "40.00"),
        ("D", "2026-02-20", "80.00"), ("D", "2026-03-31", "100.00")
    )

    @Test func bridgeSeparatesNewExpansionContractionChurnAndReactivation() throws {
        let kpis = try analyse(Self.movements).kpis
        #expect(kpis.map(\.partial) == [false, false, false])   // latest order 03-31 ends March
        // Jan: start 0, new A100 + B200 + C50 = 350, end 350
        #expect(kpis[0].revenueBridge == RevenueBridge(
            start: money("0.00"), new: money("350.00"), expansion: money("0.00"), contraction: money("0.00"),
            churned: money("0.00"), reactivation: money("0.00"), end: money("350.00")))
        // Feb: start 350, new D 80, expansion A +50, contraction B −80, churned C −50;
        // 350 + 80 + 50 − 80 − 50 = 350
        #expect(kpis[1].revenueBridge == RevenueBridge(
            start: money("350.00"), new: money("80.00"), expansion: money("50.00"), contraction: money("-80.00"),
            churned: money("-50.00"), reactivation: money("0.00"), end: money("350.00")))
        // Mar: start 350, A flat (0), D +20 expansion, B churned −120, C reactivation +40;
        // 350 + 20 − 120 + 40 = 290
        #expect(kpis[2].revenueBridge == RevenueBridge(
            start: money("350.00"), new: money("0.00"), expansion: money("20.00"), contraction: money("0.00"),
            churned: money("-120.00"), reactivation: money("40.00"), end: money("290.00")))
    }

    @Test func periodRevenueIsTheNetSumIncludingRefunds() throws {
        let kpis = try analyse(Self.movements).kpis
        // Jan 100 + 200 + 50 = 350; Feb 150 + 120 + 30 − 50 + 80 = 330 (Σx is 350); Mar 150 + 40 + 100 = 290
        #expect(kpis.map(\.revenue) == [money("350.00"), money("330.00"), money("290.00")])
    }

    @Test func monthlyNetAndGrossRevenueRetention() throws {
        let kpis = try analyse(Self.movements).kpis
        // Jan: Σx(t−1) = 0 → every ratio empty
        #expect(close(kpis[0].netRevenueRetentionMonthly, nil))
        #expect(close(kpis[0].grossRevenueRetentionMonthly, nil))
        #expect(close(kpis[0].revenueChurnRate, nil))
        // Feb, customers with x(Jan) > 0: A, B, C, base 350; current 150 + 120 + 0 = 270
        #expect(close(kpis[1].netRevenueRetentionMonthly, 270.0 / 350))
        // GRR: min(150, 100) + min(120, 200) + min(0, 50) = 220
        #expect(close(kpis[1].grossRevenueRetentionMonthly, 220.0 / 350))
        // revenue churn: −(churned −50 + contraction −80)/350 = 130/350 = 1 − 220/350
        #expect(close(kpis[1].revenueChurnRate, 130.0 / 350))
        // Mar, customers with x(Feb) > 0: A 150, B 120, D 80 = 350; current 150 + 0 + 100 = 250
        // (C's reactivation is not in it: x_C(Feb) = 0)
        #expect(close(kpis[2].netRevenueRetentionMonthly, 250.0 / 350))
        // GRR: min(150, 150) + min(0, 120) + min(100, 80) = 230
        #expect(close(kpis[2].grossRevenueRetentionMonthly, 230.0 / 350))
        // revenue churn: −(−120 + 0)/350 = 120/350 = 1 − 230/350
        #expect(close(kpis[2].revenueChurnRate, 120.0 / 350))
    }

    @Test func shopBridgeWithRefundOnlyMonths() throws {
        let kpis = try analyse(shop).kpis
        // x: A 100,50,0,80 · B 200,0,60,0 · C 30,0,0,0 · D –,120,0,90 · E –,70,0,70
        // Σx: Jan 330, Feb 240, Mar 60, Apr 240
        #expect(kpis.map(\.revenueBridge.end) == [money("330.00"), money("240.00"), money("60.00"), money("240.00")])
        // Feb: new D120 + E70 = 190; A 100→50 contraction −50; B 200→0 and C 30→0 churned −230
        #expect(kpis[1].revenueBridge == RevenueBridge(
            start: money("330.00"), new: money("190.00"), expansion: money("0.00"), contraction: money("-50.00"),
            churned: money("-230.00"), reactivation: money("0.00"), end: money("240.00")))
        // Mar: A 50, D 120, E 70 → 0 churned −240; B 0→60 reactivation +60 (B's Feb refund left x at 0)
        #expect(kpis[2].revenueBridge == RevenueBridge(
            start: money("240.00"), new: money("0.00"), expansion: money("0.00"), contraction: money("0.00"),
            churned: money("-240.00"), reactivation: money("60.00"), end: money("60.00")))
        // Apr: B 60→0 churned −60; A 80 + D 90 + E 70 = 240 reactivation
        #expect(kpis[3].revenueBridge == RevenueBridge(
            start: money("60.00"), new: money("0.00"), expansion: money("0.00"), contraction: money("0.00"),
            churned: money("-60.00"), reactivation: money("240.00"), end: money("240.00")))
        // net revenue per period: Jan 330; Feb 50 − 20 + 120 + 70 = 220; Mar 60 − 30 = 30; Apr 240
        #expect(kpis.map(\.revenue) == [money("330.00"), money("220.00"), money("30.00"), money("240.00")])
    }

    @Test func shopMonthlyRetentionIgnoresReactivatedRevenue() throws {
        let kpis = try analyse(shop).kpis
        // Feb: base A100 + B200 + C30 = 330, current A50 → 50/330; GRR min(50,100) = 50 → 50/330
        #expect(close(kpis[1].netRevenueRetentionMonthly, 50.0 / 330))
        #expect(close(kpis[1].grossRevenueRetentionMonthly, 50.0 / 330))
        #expect(close(kpis[1].revenueChurnRate, 280.0 / 330))   // −(−230 − 50)/330
        // Mar: base A50 + D120 + E70 = 240, current 0 → 0; revenue churn 240/240
        #expect(close(kpis[2].netRevenueRetentionMonthly, 0.0))
        #expect(close(kpis[2].grossRevenueRetentionMonthly, 0.0))
        #expect(close(kpis[2].revenueChurnRate, 1.0))
        // Apr: base B60, current B0 → 0 although Σx rose to 240 by reactivations
        #expect(close(kpis[3].netRevenueRetentionMonthly, 0.0))
        #expect(close(kpis[3].revenueChurnRate, 1.0))           // −(−60)/60
    }

    @Test func quarterBridgeTreatsFlatRevenueAsNoMovement() throws {
        // Shop by quarter: Q1 = Jan..Mar, Q2 = Apr (partial, as of 04-30 in a quarter ending 06-30)
        let kpis = try analyse(shop, .quarter).kpis
        #expect(kpis.map(\.label) == ["2026-Q1", "2026-Q2"])
        // x(Q1): A 100+50 = 150, B 200−20+60 = 240, C 30, D 120−30 = 90, E 70 → 580
        // x(Q2): A 80 (contraction −70), B 0 and C 0 (churned −270), D 90 and E 70 (flat) → 240
        #expect(kpis[1].revenueBridge == RevenueBridge(
            start: money("580.00"), new: money("0.00"), expansion: money("0.00"), contraction: money("-70.00"),
            churned: money("-270.00"), reactivation: money("0.00"), end: money("240.00")))
        // GRR: (min(80,150) + 0 + 0 + min(90,90) + min(70,70))/580 = 240/580; NRR the same here
        #expect(close(kpis[1].grossRevenueRetentionMonthly, 240.0 / 580))
        #expect(close(kpis[1].netRevenueRetentionMonthly, 240.0 / 580))
        #expect(close(kpis[1].revenueChurnRate, 340.0 / 580))   // −(−270 − 70)/580
    }

    @Test func revenueBeforeAcquisitionIsNotInTheBridge() throws {
        // G is refunded 25 in Jan before buying 100 in Feb; H buys 60 in Jan
        let table = orders(("G", "2026-01-20", "-25.00"), ("G", "2026-02-05", "100.00"), ("H", "2026-01-10", "60.00"))
        let kpis = try analyse(table, asOf: "2026-02-28").kpis
        // Jan revenue: H 60 only (G's refund precedes G's cohort, Feb)
        #expect(kpis[0].revenue == money("60.00"))
        // Feb: G is new with x 100; H churns −60
        #expect(kpis[1].revenueBridge == RevenueBridge(
            start: money("60.00"), new: money("100.00"), expansion: money("0.00"), contraction: money("0.00"),
            churned: money("-60.00"), reactivation: money("0.00"), end: money("100.00")))
    }
}
