import Testing

/// End-to-end: the CSV contract of `cohort kpis` on Tests/Fixtures/small-orders.csv
/// (see MatrixCommandTests for the fixture).
struct KPIsCommandTests {
    @Test func csvMatchesTheHandComputedKPIs() throws {
        let result = try CLIRunner.run(["kpis", CLIRunner.fixture("small-orders.csv"), "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "period,partial,customers_start,new_customers,reactivated_customers,churned_customers,customers_end,churn_rate,customer_retention_rate,customer_retention_rate_12,win_back_rate,revenue,revenue_start,revenue_new,revenue_expansion,revenue_contraction,revenue_churned,revenue_reactivation,revenue_end,nrr_monthly,grr_monthly,nrr_12,grr_12,revenue_churn_rate,orders,average_order_value,repeat_purchase_rate_12,purchase_frequency_12,average_lifespan,clv")
        // Jan: S 0, N 2 (A, B), E 2; every rate over S is empty. x: A 100, B 50 → new 150.
        //      Orders 2, AOV 150 / 2 = 75. Trailing window Jan (n = 1): buyers A, B, none with 2 orders → RPR 0,
        //      frequency 2 / 2 / 1 = 1. No complete churn rate yet → lifespan and CLV empty.
        #expect(lines[1] == "2026-01,false,0,2,0,0,2,,,,,150.00,0.00,150.00,0.00,0.00,0.00,0.00,150.00,,,,,,2,75.00,0.0000,1.0000,,")
        // Feb: S 2, N 1 (C), B churns (live end of Jan, not active in Feb) → C 1, E = 2 + 1 + 0 − 1 = 2.
        //      churn 1/2, CRR (2 − 1)/2, win-back 0 / (2 acquired before − 2 live) → empty.
        //      x: A 100 → 30 contraction −70, B 50 → 0 churned −50, C new 80; end 150 + 80 − 70 − 50 = 110.
        //      NRR = GRR = (150 − 70 − 50) / 150 = 0.2; revenue churn (70 + 50) / 150 = 0.8. AOV (30 + 80)/2 = 55.
        //      Window Jan–Feb (n = 2): A 2 orders, B 1, C 1 → RPR 1/3, frequency 4 / 3 / 2 = 0.6667.
        //      Lifespan 1 / 0.5 = 2; CLV = (260 / 4) × 0.6667 × 2 = 86.67.
        #expect(lines[2] == "2026-02,false,2,1,0,1,2,0.5000,0.5000,,,110.00,150.00,80.00,0.00,-70.00,-50.00,0.00,110.00,0.2000,0.2000,,,0.8000,2,55.00,0.3333,0.6667,2.00,86.67")
        // Mar: S 2 (A, C), both active, B's refund is not activity → N 0, R 0, C 0, E 2; churn 0, CRR 1,
        //      win-back 0 / (3 − 2) = 0. Revenue 40 − 20 + 80 = 100; x: A 30 → 40 expansion +10, C 80 → 80;
        //      end 120; NRR 120/110 = 1.0909, GRR 110/110 = 1. Orders: 6 and 7 (5 is negative) → 2, AOV 60.
        //      Window Jan–Mar (n = 3): A 3 orders, B 1, C 2 → RPR 2/3, frequency 6 / 3 / 3 = 0.6667.
        //      Lifespan 1 / mean(0.5, 0) = 4; CLV = (380 / 6) × (2/3) × 4 = 168.89.
        #expect(lines[3] == "2026-03,false,2,0,0,0,2,0.0000,1.0000,,0.0000,100.00,110.00,0.00,10.00,0.00,0.00,0.00,120.00,1.0909,1.0000,,,0.0000,2,60.00,0.6667,0.6667,4.00,168.89")
        #expect(lines.count == 5 && lines[4].isEmpty)
    }

    @Test func churnWindowKeepsQuarterlyBuyersLive() throws {
        let result = try CLIRunner.run(["kpis", CLIRunner.fixture("small-orders.csv"), "--format", "csv", "--churn-window", "3"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        // W = 3: B stays live through March (active in Jan, within Jan–Mar) → nobody churns in Feb;
        // Feb: S 2, N 1, E 3; Mar: S 3, E 3.
        #expect(lines[2].hasPrefix("2026-02,false,2,1,0,0,3,0.0000,1.0000,"))
        #expect(lines[3].hasPrefix("2026-03,false,3,0,0,0,3,0.0000,1.0000,"))
    }
}
