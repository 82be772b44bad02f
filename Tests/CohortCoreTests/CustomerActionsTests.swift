@testable import CohortCore
import Testing

/// Customers to act on (METRICS.md, "Customers to act on"): every status rule and gap, by hand.
///
/// The fixture is monthly, W = 2, as of 30 June 2026 (complete), so the headline period is June;
/// live = active in May or June. Each customer is chosen to hit one branch:
///
///     N  new          first order 10 Jun (cohort June = the headline period)
///     W  won back     15 Jan, 5 Jun: active in June, not in April or May
///     R  at risk      1, 11 (two orders, one purchase day), 21, 31 May: own median gap 10 (4 purchase days),
///                     30 days since the last → 30 > 1.5 · 10
///     G  at risk      1 and 5 May: 2 purchase days, so the gap over everyone (10, below); 56 days since → 56 > 15
///     A  active       20 Apr, 20 May, 19 Jun: own median gap 30; 11 days since ≤ 45
///     E  active       26 May, 5 Jun, 15 Jun: own median gap 10; 15 days since = 1.5 · 10, not more → not overdue
///     L  lost         10 Jan, 10 Feb: not live; lost within the last year
///     O  lost         10 Jan, 10 Feb 2024: not live, and not within the last year (not in the lost list)
///     F  refund only  a −40 order on 2 Jun after 20 Mar: no positive order after March → lost
///
/// Gaps between purchase days, over every customer: W 141 (15 Jan → 5 Jun), R 10 10 10, A 30 30, G 4,
/// E 10 10, L 31, O 31; sorted 4, 10, 10, 10, 10, 10, 30, 30, 31, 31, 141 → the median (6th of 11) is 10.
struct CustomerActionsTests {
    static let table = orders(
        ("N", "2026-06-10", "70.00"),
        ("W", "2026-01-15", "20.00"), ("W", "2026-06-05", "30.00"),
        ("R", "2026-05-01", "100.00"), ("R", "2026-05-11", "100.00"), ("R", "2026-05-11", "50.00"),
        ("R", "2026-05-21", "100.00"), ("R", "2026-05-31", "100.00"),
        ("G", "2026-05-01", "200.00"), ("G", "2026-05-05", "300.00"),
        ("A", "2026-04-20", "10.00"), ("A", "2026-05-20", "10.00"), ("A", "2026-06-19", "10.00"),
        ("E", "2026-05-26", "5.00"), ("E", "2026-06-05", "5.00"), ("E", "2026-06-15", "5.00"),
        ("L", "2026-01-10", "400.00"), ("L", "2026-02-10", "600.00"),
        ("O", "2024-01-10", "900.00"), ("O", "2024-02-10", "900.00"),
        ("F", "2026-03-20", "80.00"), ("F", "2026-06-02", "-40.00"))

    static func analysed() throws -> (analysis: CohortAnalysis, records: [String: CustomerRecord]) {
        let options = AnalysisOptions(period: .month, asOf: CivilDate(iso: "2026-06-30"), churnWindow: 2)
        let (analysis, records) = try CohortAnalysis.withCustomerRecords(table: table, options: options)
        return (analysis, Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) }))
    }

    @Test func everyStatusRule() throws {
        let (_, records) = try Self.analysed()
        let statuses = records.mapValues(\.status)
        #expect(statuses == ["N": .new, "W": .wonBack, "R": .atRisk, "G": .atRisk, "A": .active, "E": .active,
                             "L": .lost, "O": .lost, "F": .lost])
    }

    @Test func gapsOwnAndOverEveryone() throws {
        let (analysis, records) = try Self.analysed()
        let customers = try #require(analysis.customers)
        #expect(customers.medianGapDays == 10)
        // R: 4 purchase days (11 May's two orders are one), gaps 10, 10, 10 → 10. A: 30, 30 → 30.
        #expect(records["R"]?.expectedGapDays == 10 && records["A"]?.expectedGapDays == 30)
        // G has 2 purchase days and W 2: below 3, so both take the median over everyone.
        #expect(records["G"]?.expectedGapDays == 10 && records["W"]?.expectedGapDays == 10)
        // N never repeated: also everyone's median.
        #expect(records["N"]?.expectedGapDays == 10)
    }

    @Test func theAtRiskRecordInFull() throws {
        let (_, records) = try Self.analysed()
        let r = try #require(records["R"])
        #expect(r.cohort == "2026-05")
        #expect(r.firstOrder == CivilDate(iso: "2026-05-01") && r.lastOrder == CivilDate(iso: "2026-05-31"))
        // Five positive orders (two on 11 May), 100 + 100 + 50 + 100 + 100 = 450, all within 12 months.
        #expect(r.positiveOrders == 5)
        #expect(r.revenueLifetime == money("450.00") && r.revenue12m == money("450.00"))
        #expect(r.daysSinceLastOrder == 30)
        #expect(r.revenueAtStake == money("450.00"))
        // Only at-risk customers have revenue at stake.
        #expect(records["A"]?.revenueAtStake == nil && records["L"]?.revenueAtStake == nil)
        // F's refund is not a purchase: its last order is 20 March, 102 days before 30 June.
        #expect(records["F"]?.lastOrder == CivilDate(iso: "2026-03-20") && records["F"]?.daysSinceLastOrder == 102)
        // F's lifetime revenue is net: 80 − 40.
        #expect(records["F"]?.revenueLifetime == money("40.00"))
    }

    @Test func countsListsAndRevenueAtStake() throws {
        let options = AnalysisOptions(period: .month, asOf: CivilDate(iso: "2026-06-30"), churnWindow: 2)
        let (analysis, atRisk, lost) = try CohortAnalysis.withCustomerLists(table: Self.table, options: options)
        let customers = try #require(analysis.customers)
        #expect(Array(atRisk) == customers.atRisk && Array(lost) == customers.lost)
        #expect(customers.counts.map(\.customers) == [1, 1, 2, 2, 3]) // new, won back, at risk, active, lost
        // At stake: G 200 + 300 = 500, R 450 → 950; ranked G then R.
        #expect(customers.revenueAtStake == money("950.00"))
        #expect(customers.atRisk.map(\.id) == ["G", "R"])
        // Overdue: R 30 / 10 = 3 → "2–3×" (3 is not more than 3); G 56 / 10 = 5.6 → "over 5×".
        #expect(customers.stakeByOverdue.map(\.customers) == [0, 1, 0, 1])
        #expect(customers.stakeByOverdue.map(\.revenueAtStake) == [.zero, money("450.00"), .zero, money("500.00")])
        // Lost within the last year (last active after April 2025, a year and W before June 2026): L (1,000) and F (40), not O.
        #expect(customers.lost.map(\.id) == ["L", "F"])
        #expect(customers.lostWithinYear == 2)
        #expect(customers.wonBack.map(\.id) == ["W"])
    }

    @Test func tooFewRepeatBuyersAreNotModelled() throws {
        // 7 customers bought on a second day (W, R, G, A, E, L, O): fewer than 10.
        let (analysis, records) = try Self.analysed()
        let customers = try #require(analysis.customers)
        #expect(customers.prediction == nil && customers.predictionProblem == .tooFewRepeatBuyers)
        #expect(records.values.allSatisfy { $0.probabilityAlive == nil && $0.predictedCLV12m == nil })
    }

    @Test func noCustomerListsKeepsTheCountsOnly() throws {
        let options = AnalysisOptions(period: .month, asOf: CivilDate(iso: "2026-06-30"), churnWindow: 2, customerLists: .none)
        let (analysis, atRisk, lost) = try CohortAnalysis.withCustomerLists(table: Self.table, options: options)
        let customers = try #require(analysis.customers)
        #expect(!customers.listsIncluded && customers.atRisk.isEmpty && customers.lost.isEmpty && customers.wonBack.isEmpty)
        #expect(atRisk.isEmpty && lost.isEmpty)
        #expect(customers.count(.atRisk) == 2 && customers.revenueAtStake == money("950.00"))
    }

    @Test func theFullListsBesideTheKeptOnes() throws {
        // 130 at-risk customers: more than the 100 the analysis keeps; the full list has all, in the same order.
        var rows: [(customer: String, date: String, amount: String)] = []
        for index in 0 ..< 130 {
            let id = "C\(1000 + index)"
            rows += [(id, "2026-04-01", "1.00"), (id, "2026-04-11", "1.00"), (id, "2026-04-21", "\(index + 1).00")]
        }
        rows.append(("Z", "2026-06-30", "1.00")) // the as-of month has an order
        let options = AnalysisOptions(period: .month, asOf: CivilDate(iso: "2026-06-30"), churnWindow: 3)
        let (analysis, atRisk, _) = try CohortAnalysis.withCustomerLists(table: orders(rows), options: options)
        let kept = try #require(analysis.customers?.atRisk)
        #expect(atRisk.count == 130 && kept.count == CustomerActions.listLimit)
        #expect(atRisk.prefix(100).map(\.id) == kept.map(\.id))
        // Ranked by revenue at stake: C1129 has 1 + 1 + 130.
        #expect(atRisk.first?.id == "C1129" && atRisk.first?.revenueAtStake == money("132.00"))
    }
}

/// `cohort customers` ranks the records by money, then by id; the report's lists break ties in the history's order.
struct CustomerRecordsRankingTests {
    @Test func tiesGoByIdInCohortCustomersAndByFirstAppearanceInTheReport() throws {
        // B, A, C and D order on 1, 11 and 21 April (gap 10 days); as of 30 June, 70 days since > 1.5 · 10: at risk
        // (live: April is within the 3 months of the window). Stakes: B, A, C 1 + 1 + 5 = 7.00; D 1 + 1 + 10 = 12.00.
        var rows: [(customer: String, date: String, amount: String)] = []
        for (id, last) in [("B", "5.00"), ("A", "5.00"), ("C", "5.00"), ("D", "10.00")] {
            rows += [(id, "2026-04-01", "1.00"), (id, "2026-04-11", "1.00"), (id, "2026-04-21", last)]
        }
        rows.append(("Z", "2026-06-30", "1.00")) // new in the as-of month
        let table = orders(rows)
        let options = AnalysisOptions(period: .month, asOf: CivilDate(iso: "2026-06-30"), churnWindow: 3)
        let (_, records) = try CohortAnalysis.withCustomerRecords(table: table, options: options)
        #expect(records.map(\.id) == ["B", "A", "C", "D", "Z"]) // the history's order: first appearance
        #expect(records.ranked(status: .atRisk, by: .revenueAtStake).map(\.id) == ["D", "A", "B", "C"])
        // Everyone by revenue over 12 months: D 12, then A, B, C 7 by id, then Z 1.
        #expect(records.ranked(status: nil, by: .revenue12m).map(\.id) == ["D", "A", "B", "C", "Z"])
        #expect(records.ranked(status: .new, by: .revenue12m).map(\.id) == ["Z"])
        #expect(records.ranked(status: .lost, by: .revenueLifetime).isEmpty)
        let (_, atRisk, _) = try CohortAnalysis.withCustomerLists(table: table, options: options)
        #expect(atRisk.map(\.id) == ["D", "B", "A", "C"])
        #expect(atRisk.map(\.revenueAtStake) == [money("12.00"), money("7.00"), money("7.00"), money("7.00")])
    }

    @Test func tiedIdsAreOrderedAsStringsAreWhateverTheirFirstBytes() throws {
        // Every customer orders 5.00 once: all tie, so the order is the ids' order as Swift orders strings,
        // which the expectation computes independently (`sorted()`). The ids share their first 8 bytes
        // ("CUST-000"), are prefixes of each other ("AB", "AB0"), hold a NUL, a tab and bytes of UTF-8
        // ("Ärzte", "é" precomposed and as e + combining accent, which Swift holds equal in order).
        let ids = ["CUST-0001234", "CUST-000123", "CUST-0001", "AB0", "AB", "AB\u{0}", "A\tB", "Ärzte GmbH", "Arzt",
                   "caf\u{E9}", "cafe", "cafd", "zz", "Z", "CUST-00012340", "9", "10"]
        let table = orders(ids.map { ($0, "2026-06-10", "5.00") })
        let options = AnalysisOptions(period: .month, asOf: CivilDate(iso: "2026-06-30"), churnWindow: 1)
        let (_, records) = try CohortAnalysis.withCustomerRecords(table: table, options: options)
        #expect(records.ranked(status: nil, by: .revenue12m).map(\.id) == ids.sorted())
        #expect(CustomerRecords.prefix(of: "AB") == (0x4142_0000_0000_0000, true))
        #expect(CustomerRecords.prefix(of: "CUST-0001234").number == CustomerRecords.prefix(of: "CUST-000").number)
        #expect(CustomerRecords.prefix(of: "Ärzte").ascii == false)
    }
}

/// The cases the issue names: one customer, nobody repeats, everybody daily, all on one day, as-of before some orders.
/// Each gives a defined value or a named problem, never a crash or a NaN.
struct CustomerActionsEdgeTests {
    static func records(_ table: OrderTable, asOf: String? = nil) throws -> (CohortAnalysis, CustomerRecords) {
        let options = AnalysisOptions(period: .month, asOf: asOf.flatMap { CivilDate(iso: $0) }, churnWindow: 1)
        return try CohortAnalysis.withCustomerRecords(table: table, options: options)
    }

    /// No value of a record is NaN or infinite, probabilities are in [0, 1].
    static func allFinite(_ records: some Collection<CustomerRecord>) -> Bool {
        records.allSatisfy { record in
            [record.expectedGapDays, record.probabilityAlive, record.expectedOrders12m, record.expectedOrderValue, record.predictedCLV12m]
                .allSatisfy { $0.map(\.isFinite) ?? true }
                && (record.probabilityAlive.map { (0 ... 1).contains($0) } ?? true)
        }
    }

    @Test func oneCustomer() throws {
        // As of 28 Feb (complete): A bought in January and February, its one gap (31 days) is everyone's;
        // 23 days since the last order ≤ 1.5 · 31 → active.
        let (analysis, records) = try Self.records(orders(("A", "2026-01-05", "10.00"), ("A", "2026-02-05", "10.00")), asOf: "2026-02-28")
        #expect(records.map(\.status) == [.active])
        let customers = try #require(analysis.customers)
        #expect(customers.predictionProblem == .tooFewRepeatBuyers)
        #expect(Self.allFinite(records))
    }

    @Test func nobodyRepeats() throws {
        let rows = (0 ..< 30).map { (customer: "C\($0)", date: "2026-0\(1 + $0 % 6)-10", amount: "10.00") }
        let (analysis, records) = try Self.records(orders(rows))
        let customers = try #require(analysis.customers)
        #expect(customers.predictionProblem == .noRepeatPurchases && customers.medianGapDays == nil)
        // Without any gap nobody can be overdue: the live ones are new or active.
        #expect(!records.contains { $0.status == .atRisk })
        #expect(records.allSatisfy { $0.expectedGapDays == nil })
        #expect(Self.allFinite(records))
    }

    @Test func everybodyBuysDaily() throws {
        // 12 customers, each every day of June: x = 29, t_x = T: a perfectly regular rhythm.
        var rows: [(customer: String, date: String, amount: String)] = []
        for customer in 0 ..< 12 {
            for day in 1 ... 30 { rows.append(("C\(customer)", "2026-06-\(day < 10 ? "0" : "")\(day)", "\(10 + customer).00")) }
        }
        let (analysis, records) = try Self.records(orders(rows))
        // The fit exists (or names its warnings) and every number is finite.
        let customers = try #require(analysis.customers)
        let prediction = try #require(customers.prediction)
        #expect(prediction.repeatBuyers == 12)
        #expect(Self.allFinite(records))
        // Everyone bought yesterday at most: gap 1, 0 days since → active (or new: June is the cohort and the headline).
        #expect(records.allSatisfy { $0.expectedGapDays == 1 && $0.daysSinceLastOrder == 0 })
    }

    @Test func allOrdersOnOneDay() throws {
        let rows = (0 ..< 20).map { (customer: "C\($0)", date: "2026-03-15", amount: "10.00") }
        let (analysis, records) = try Self.records(orders(rows))
        let customers = try #require(analysis.customers)
        #expect(customers.predictionProblem == .noRepeatPurchases)
        // As of that day (the latest): one partial period, which is the headline, so everyone is new.
        #expect(records.allSatisfy { $0.status == .new && $0.daysSinceLastOrder == 0 })
        #expect(Self.allFinite(records))
    }

    @Test func anAsOfDateBeforeSomeOrders() throws {
        // B's orders are all after the as-of date: B is not analysed. A's last order (20 Mar) is after it too: left out.
        let table = orders(("A", "2026-01-10", "10.00"), ("A", "2026-02-10", "10.00"), ("A", "2026-03-20", "10.00"),
                           ("B", "2026-04-01", "10.00"), ("B", "2026-04-02", "10.00"))
        let (_, records) = try Self.records(table, asOf: "2026-02-28")
        #expect(records.map(\.id) == ["A"])
        #expect(records.first?.lastOrder == CivilDate(iso: "2026-02-10") && records.first?.daysSinceLastOrder == 18)
        #expect(Self.allFinite(records))
    }
}

extension RankedCustomers {
    /// Ranks `records` by `key` (highest first), ties in the records' order.
    init(_ records: [CustomerRecord], by key: [Int64]) {
        self.init((0 ..< records.count).map { Int32($0) }, by: key) { records[$0] }
    }
}

struct RankedCustomersTests {
    @Test func ranksByKeyThenByTheRecordsOrder() {
        func record(_ id: String) -> CustomerRecord {
            CustomerRecord(id: id, status: .lost, cohort: "2026-01", firstOrder: CivilDate(year: 2026, month: 1, day: 1)!,
                           lastOrder: CivilDate(year: 2026, month: 1, day: 1)!, positiveOrders: 1, revenueLifetime: .zero, revenue12m: .zero,
                           daysSinceLastOrder: 0, expectedGapDays: nil, revenueAtStake: nil, probabilityAlive: nil, expectedOrders12m: nil,
                           expectedOrderValue: nil, predictedCLV12m: nil)
        }
        // Keys 5, 7, 5, 9: 9 (D), 7 (B), then the two 5s in their order (A, C).
        let ranked = RankedCustomers([record("A"), record("B"), record("C"), record("D")], by: [5, 7, 5, 9])
        #expect(ranked.map(\.id) == ["D", "B", "A", "C"])
        #expect(RankedCustomers().isEmpty)
    }

    /// A list of indices makes each record of the index at its rank, when it is read.
    @Test func aListOfIndicesMakesTheRecordOfEachIndex() {
        @Sendable func record(_ index: Int) -> CustomerRecord {
            CustomerRecord(id: "customer \(index)", status: .atRisk, cohort: "2026-01", firstOrder: CivilDate(year: 2026, month: 1, day: 1)!,
                           lastOrder: CivilDate(year: 2026, month: 1, day: 1)!, positiveOrders: index, revenueLifetime: .zero, revenue12m: .zero,
                           daysSinceLastOrder: 0, expectedGapDays: nil, revenueAtStake: nil, probabilityAlive: nil, expectedOrders12m: nil,
                           expectedOrderValue: nil, predictedCLV12m: nil)
        }
        // Customers 10, 20, 30, 40 with keys 5, 7, 5, 9: 40 (9), 20 (7), then 10 and 30 (5, in the given order).
        let ranked = RankedCustomers([10, 20, 30, 40], by: [5, 7, 5, 9], record: record)
        #expect(ranked.map(\.id) == ["customer 40", "customer 20", "customer 10", "customer 30"])
        #expect(ranked[1].positiveOrders == 20)
        #expect(ranked == RankedCustomers([record(40), record(20), record(10), record(30)], by: [4, 3, 2, 1]))
        #expect(ranked != RankedCustomers([record(40), record(20), record(30), record(10)], by: [4, 3, 2, 1]))
    }
}
