import CohortCore
import Testing

/// Orders, AOV, the trailing-window purchase KPIs, lifespan, CLV and the year-over-year
/// KPIs (METRICS.md, "Period KPIs").
@Suite struct PeriodKPITests {
    // MARK: Orders and AOV

    @Test func ordersAndAverageOrderValueCountOnlyPositiveOrders() throws {
        let kpis = try analyse(shop).kpis
        // positive orders: Jan A100 B200 C40 (C's −10 refund is not an order that counts);
        // Feb A50 D120 E70 (B's −20 no); Mar B60 (D's −30 no); Apr A80 D90 E70
        #expect(kpis.map(\.orders) == [3, 3, 1, 3])
        #expect(close(kpis[0].averageOrderValue, 340.0 / 3))  // (100 + 200 + 40)/3, not net revenue 330/3
        #expect(close(kpis[1].averageOrderValue, 80.0))       // (50 + 120 + 70)/3
        #expect(close(kpis[2].averageOrderValue, 60.0))       // 60/1
        #expect(close(kpis[3].averageOrderValue, 80.0))       // (80 + 90 + 70)/3
    }

    @Test func averageOrderValueIsEmptyInAPeriodWithoutPositiveOrders() throws {
        // A buys 100 in Jan, is refunded 10 in Feb (no order), buys 50 in Mar
        let table = orders(("A", "2026-01-10", "100.00"), ("A", "2026-02-10", "-10.00"), ("A", "2026-03-31", "50.00"))
        let kpis = try analyse(table).kpis
        #expect(kpis[1].orders == 0)
        #expect(close(kpis[1].averageOrderValue, nil))          // 0 orders → empty, not 0
        #expect(kpis[1].revenue == money("-10.00"))             // the refund still counts as revenue
    }

    // MARK: Trailing purchase window, lifespan, CLV

    @Test func repeatPurchaseRateAndFrequencyOverTheTrailingWindowCutAtTheFirstPeriod() throws {
        let kpis = try analyse(shop).kpis
        // t = Jan, window Jan (n = 1): A1 B1 C1 → repeat 0/3; frequency 3 orders / 3 buyers / 1
        #expect(close(kpis[0].repeatPurchaseRate12, 0.0))
        #expect(close(kpis[0].purchaseFrequency12, 1.0))
        // t = Feb, window Jan..Feb (n = 2): A2 B1 C1 D1 E1 → 1/5; 6 / 5 / 2 = 0.6
        #expect(close(kpis[1].repeatPurchaseRate12, 1.0 / 5))
        #expect(close(kpis[1].purchaseFrequency12, 0.6))
        // t = Mar (n = 3): A2 B2 C1 D1 E1 → 2/5; 7 / 5 / 3
        #expect(close(kpis[2].repeatPurchaseRate12, 2.0 / 5))
        #expect(close(kpis[2].purchaseFrequency12, 7.0 / 15))
        // t = Apr (n = 4): A3 B2 C1 D2 E2 → 4/5; 10 / 5 / 4 = 0.5
        #expect(close(kpis[3].repeatPurchaseRate12, 4.0 / 5))
        #expect(close(kpis[3].purchaseFrequency12, 0.5))
    }

    @Test func averageLifespanIsOneOverTheMeanChurnRate() throws {
        let kpis = try analyse(shop).kpis
        // churn rates (W = 1): Jan empty (S 0), Feb 2/3, Mar 3/3, Apr 1/1
        #expect(close(kpis[0].averageLifespan, nil))         // no defined rate yet
        #expect(close(kpis[1].averageLifespan, 1.5))         // 1 / (2/3)
        #expect(close(kpis[2].averageLifespan, 1.2))         // 1 / ((2/3 + 1)/2) = 1 / (5/6); Jan's empty rate skipped
        #expect(close(kpis[3].averageLifespan, 9.0 / 8))     // 1 / ((2/3 + 1 + 1)/3) = 1 / (8/9)
    }

    @Test func customerLifetimeValueIsTrailingAOVTimesFrequencyTimesLifespan() throws {
        let kpis = try analyse(shop).kpis
        #expect(close(kpis[0].customerLifetimeValue, nil))   // lifespan empty
        // Feb: AOV (340 + 240)/6, frequency 0.6, lifespan 1.5 → 580/6 × 0.9 = 87
        #expect(close(kpis[1].customerLifetimeValue, 87.0))
        // Mar: AOV (340 + 240 + 60)/7, frequency 7/15, lifespan 1.2 → 640/15 × 1.2 = 51.2
        #expect(close(kpis[2].customerLifetimeValue, 51.2))
        // Apr: AOV (340 + 240 + 60 + 240)/10 = 88, frequency 0.5, lifespan 9/8 → 88 × 0.5 × 1.125 = 49.5
        #expect(close(kpis[3].customerLifetimeValue, 49.5))
    }

    @Test func customerLifetimeValueIsMultipliedByTheGrossMargin() throws {
        let kpis = try analyse(shop, grossMargin: 0.5).kpis
        #expect(close(kpis[3].customerLifetimeValue, 24.75))  // 49.5 × 0.5
        #expect(close(kpis[1].customerLifetimeValue, 43.5))   // 87 × 0.5
    }

    @Test func averageLifespanSkipsThePartialPeriod() throws {
        // as of 2026-04-15, April is partial; its churn rate (S {B}, C {B} → 1) stays out
        let kpis = try analyse(shop, asOf: "2026-04-15").kpis
        #expect(kpis[3].partial)
        #expect(close(kpis[3].churnRate, 1.0))               // still computed and shown, flagged partial
        #expect(close(kpis[3].averageLifespan, 1.2))         // 1 / ((2/3 + 1)/2), not 1 / ((2/3 + 1 + 1)/3)
    }

    @Test func averageLifespanIsEmptyWhenTheMeanChurnRateIsZero() throws {
        // movements (RevenueBridgeTests): W = 1, active Jan {A,B,C}, Feb {A,B,C,D}, Mar {A,C,D}
        let kpis = try analyse(RevenueBridgeTests.movements).kpis
        // Feb: rates Jan empty, Feb 0/3 → mean 0 → lifespan empty, CLV empty
        #expect(close(kpis[1].averageLifespan, nil))
        #expect(close(kpis[1].customerLifetimeValue, nil))
        // Mar: S 4, C {B} 1 → 1/4; mean (0 + 1/4)/2 = 1/8 → lifespan 8
        #expect(close(kpis[2].averageLifespan, 8.0))
        // Mar: trailing AOV (350 + 380 + 290)/(3 + 4 + 3) = 102, frequency 10 / 4 / 3, lifespan 8
        // → 102 × 10/12 × 8 = 680
        #expect(close(kpis[2].customerLifetimeValue, 680.0))
        // and with a 40 % gross margin: 680 × 0.4 = 272
        #expect(close(try analyse(RevenueBridgeTests.movements, grossMargin: 0.4).kpis[2].customerLifetimeValue, 272.0))
    }

    @Test func purchaseKPIsAreEmptyWhenTheTrailingWindowHasNoBuyer() throws {
        // A buys in 2025-01 (index 0), then not until 2026-02 (index 13)
        let table = orders(("A", "2025-01-10", "100.00"), ("A", "2026-02-10", "50.00"))
        let kpis = try analyse(table, asOf: "2026-02-28").kpis
        #expect(kpis.count == 14)
        // t = 12 (2026-01): window 1...12 has no order → RPR, frequency and CLV empty
        #expect(kpis[12].label == "2026-01")
        #expect(close(kpis[12].repeatPurchaseRate12, nil))
        #expect(close(kpis[12].purchaseFrequency12, nil))
        #expect(close(kpis[12].customerLifetimeValue, nil))
        // lifespan at t = 12: rates over 1...12: only t = 1 is defined (S 1, C 1 → 1) → 1 / 1
        #expect(close(kpis[12].averageLifespan, 1.0))
        // t = 13: window 2...13: A 1 order → RPR 0/1, frequency 1 / 1 / 12
        #expect(close(kpis[13].repeatPurchaseRate12, 0.0))
        #expect(close(kpis[13].purchaseFrequency12, 1.0 / 12))
        // lifespan at t = 13: rates over 2...13 all empty (S = 0 throughout) → empty
        #expect(close(kpis[13].averageLifespan, nil))
    }

    // MARK: Year over year (24 months of history)

    /// 25 months, 2024-01 (index 0) ... 2026-01 (index 24).
    ///
    /// - A buys every month on the 10th: 100 in 2024, 110 from 2025-01 on.
    /// - B buys 50 every month of 2024 on the 12th, then stops.
    /// - C buys 200 on 2024-06-15 and 300 on 2025-06-15.
    /// - D buys 80 every month on the 20th from 2025-03 on.
    static let twoYears: OrderTable = {
        var rows: [(customer: String, date: String, amount: String)] = []
        func date(_ year: Int, _ month: Int, _ day: Int) -> String {
            CivilDate(year: year, month: month, day: day)!.description
        }
        for index in 0 ..< 25 {
            let (year, month) = (2024 + index / 12, index % 12 + 1)
            rows.append(("A", date(year, month, 10), year == 2024 ? "100.00" : "110.00"))
            if year == 2024 { rows.append(("B", date(year, month, 12), "50.00")) }
            if index >= 14 { rows.append(("D", date(year, month, 20), "80.00")) }   // index 14 = 2025-03
        }
        rows.append(("C", "2024-06-15", "200.00"))
        rows.append(("C", "2025-06-15", "300.00"))
        return orders(rows)
    }()

    @Test func yearOverYearKPIsAreEmptyUntil24PeriodsOfHistory() throws {
        let kpis = try analyse(Self.twoYears, asOf: "2026-01-31").kpis
        #expect(kpis.count == 25)
        #expect(kpis[23].label == "2025-12")
        for t in 0 ... 22 {
            #expect(close(kpis[t].netRevenueRetention12, nil), "t = \(t)")
            #expect(close(kpis[t].grossRevenueRetention12, nil), "t = \(t)")
            #expect(close(kpis[t].customerRetentionRate12, nil), "t = \(t)")
        }
    }

    @Test func trailingTwelveMonthNetAndGrossRevenueRetention() throws {
        let kpis = try analyse(Self.twoYears, asOf: "2026-01-31").kpis
        // t = 23 (2025-12): base 2024-01..2024-12, current 2025-01..2025-12, customers with base > 0:
        // A base 12 × 100 = 1200, current 12 × 110 = 1320; B 600 → 0; C 200 → 300; D base 0, left out
        // NRR = (1320 + 0 + 300)/(1200 + 600 + 200) = 1620/2000
        #expect(close(kpis[23].netRevenueRetention12, 1620.0 / 2000))
        // GRR = (min(1320, 1200) + min(0, 600) + min(300, 200))/2000 = 1400/2000
        #expect(close(kpis[23].grossRevenueRetention12, 1400.0 / 2000))
        // t = 24 (2026-01): base 2024-02..2025-01, current 2025-02..2026-01
        // A base 11 × 100 + 110 = 1210, current 1320; B 11 × 50 = 550 → 0; C 200 → 300; D base 0
        // NRR = 1620/1960; GRR = (1210 + 0 + 200)/1960 = 1410/1960
        #expect(close(kpis[24].netRevenueRetention12, 1620.0 / 1960))
        #expect(close(kpis[24].grossRevenueRetention12, 1410.0 / 1960))
    }

    @Test func customerRetentionRateOverTwelveMonths() throws {
        let kpis = try analyse(Self.twoYears, asOf: "2026-01-31").kpis
        // t = 23: buyers in 2024: A, B, C; of those buying in 2025: A, C → 2/3 (D, new in 2025, not counted)
        #expect(close(kpis[23].customerRetentionRate12, 2.0 / 3))
        // t = 24: buyers in 2024-02..2025-01: A, B, C; also in 2025-02..2026-01: A, C → 2/3
        #expect(close(kpis[24].customerRetentionRate12, 2.0 / 3))
    }

    @Test func trailingPurchaseKPIsAndLifetimeValueOnTwoYears() throws {
        let kpis = try analyse(Self.twoYears, asOf: "2026-01-31").kpis
        // t = 5 (2024-06), window cut at index 0 (n = 6): A 6, B 6, C 1 → repeat 2/3; 13 / 3 / 6
        #expect(close(kpis[5].repeatPurchaseRate12, 2.0 / 3))
        #expect(close(kpis[5].purchaseFrequency12, 13.0 / 18))
        // t = 24, window 2025-02..2026-01 (n = 12): A 12, C 1, D 11 → repeat 2/3; 24 / 3 / 12 = 2/3
        #expect(close(kpis[24].repeatPurchaseRate12, 2.0 / 3))
        #expect(close(kpis[24].purchaseFrequency12, 2.0 / 3))
        // churn rates (W = 1) 2025-02..2026-01: all 0 except 2025-07 (S {A,C,D}, C churns) = 1/3
        // → mean (1/3)/12 = 1/36 → lifespan 36
        #expect(close(kpis[24].averageLifespan, 36.0))
        // CLV: AOV (12 × 110 + 300 + 11 × 80)/24 = 2500/24, × 2/3 × 36 → 2500
        #expect(close(kpis[24].customerLifetimeValue, 2500.0))
        // t = 23: rates 2025-01..2025-12: 2025-01 (S {A,B}, B churns) 1/2, 2025-07 1/3, others 0
        // → mean (5/6)/12 = 5/72 → lifespan 14.4
        #expect(close(kpis[23].averageLifespan, 14.4))
        // CLV t = 23: window 2025-01..2025-12: A 12 × 110, C 300, D 10 × 80 → 2420 in 23 orders,
        // 3 buyers → frequency 23/36; 2420/23 × 23/36 × 14.4 = 968
        #expect(close(kpis[23].customerLifetimeValue, 968.0))
        // orders and AOV of 2025-12: A 110, D 80 → 2 orders, 95
        #expect(kpis[23].orders == 2)
        #expect(close(kpis[23].averageOrderValue, 95.0))
    }

    @Test func yearWindowIsFourQuartersForQuarterlyPeriods() throws {
        // twoYears by quarter, as of 2026-03-31: 2024-Q1 (0) ... 2026-Q1 (8), all complete
        let kpis = try analyse(Self.twoYears, .quarter, asOf: "2026-03-31").kpis
        #expect(kpis.map(\.label) == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4",
                                      "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"])
        // empty while t < 2 × 4 − 1 = 7
        for t in 0 ... 6 {
            #expect(close(kpis[t].netRevenueRetention12, nil), "t = \(t)")
            #expect(close(kpis[t].customerRetentionRate12, nil), "t = \(t)")
        }
        // t = 7 (2025-Q4): base 2024, current 2025; quarterly x: A 300 → 330 a quarter, B 150 → 0, C 200 → 300
        // base A 1200, B 600, C 200 = 2000; current 1320 + 0 + 300 = 1620; D base 0 left out
        #expect(close(kpis[7].netRevenueRetention12, 1620.0 / 2000))
        #expect(close(kpis[7].grossRevenueRetention12, 1400.0 / 2000))   // 1200 + 0 + 200
        #expect(close(kpis[7].customerRetentionRate12, 2.0 / 3))          // {A,B,C} → {A,C}
        // t = 8 (2026-Q1): base 2024-Q2..2025-Q1, current 2025-Q2..2026-Q1
        // A base 3 × 300 + 330 = 1230, current 3 × 330 + 110 (only Jan 2026) = 1100
        // B base 3 × 150 = 450, current 0; C 200 → 300
        // D base 80 (2025-03 is in 2025-Q1), current 9 × 80 (Apr..Dec) + 80 (Jan) = 800
        // NRR = (1100 + 0 + 300 + 800)/(1230 + 450 + 200 + 80) = 2200/1960
        #expect(close(kpis[8].netRevenueRetention12, 2200.0 / 1960))
        // GRR = (min(1100, 1230) + 0 + min(300, 200) + min(800, 80))/1960 = 1380/1960
        #expect(close(kpis[8].grossRevenueRetention12, 1380.0 / 1960))
        // CRR 12: base buyers {A,B,C,D} → also later {A,C,D} = 3/4
        #expect(close(kpis[8].customerRetentionRate12, 3.0 / 4))
    }

    @Test func yearWindowIs52WeeksButThePurchaseWindowStays12Weeks() throws {
        // A buys 10 every Monday of weeks 0...104 from 2024-01-01; B every Monday of weeks 0...51
        var rows: [(customer: String, date: String, amount: String)] = []
        let monday = day("2024-01-01")
        for week in 0 ... 104 {
            rows.append(("A", CivilDate(dayNumber: monday + 7 * week).description, "10.00"))
            if week <= 51 { rows.append(("B", CivilDate(dayNumber: monday + 7 * week).description, "10.00")) }
        }
        let sunday = CivilDate(dayNumber: monday + 7 * 104 + 6)   // end of week 104: not partial
        let analysis = try CohortAnalysis(table: orders(rows), options: AnalysisOptions(period: .week, asOf: sunday))
        let kpis = analysis.kpis
        #expect(kpis.count == 105)
        #expect(kpis[0].label == "2024-W01")
        #expect(kpis[51].label == "2024-W52")   // 2024 has 52 ISO weeks
        #expect(kpis[52].label == "2025-W01")   // Monday 2024-12-30
        #expect(kpis[104].label == "2026-W01")  // Monday 2025-12-29
        #expect(!kpis[104].partial)
        // empty while t < 2 × 52 − 1 = 103
        #expect(close(kpis[102].netRevenueRetention12, nil))
        #expect(close(kpis[102].customerRetentionRate12, nil))
        // t = 103: base weeks 0...51 (A 520, B 520), current 52...103 (A 520, B 0) → 520/1040
        #expect(close(kpis[103].netRevenueRetention12, 0.5))
        #expect(close(kpis[103].grossRevenueRetention12, 0.5))
        #expect(close(kpis[103].customerRetentionRate12, 0.5))   // {A,B} → {A}
        // t = 104: base 1...52 (A 520, B 510), current 53...104 (A 520) → 520/1030
        #expect(close(kpis[104].netRevenueRetention12, 520.0 / 1030))
        // purchase window t = 60 is weeks 49...60: A 12 orders, B 3 (49, 50, 51) → 2 buyers, both repeat;
        // frequency 15 / 2 / 12 = 0.625 (a 52-week window would give 95 / 2 / 52)
        #expect(close(kpis[60].repeatPurchaseRate12, 1.0))
        #expect(close(kpis[60].purchaseFrequency12, 0.625))
    }
}
