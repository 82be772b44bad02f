import CohortCore
import CohortSample
import Testing

/// The bridge identities of METRICS.md on randomly generated tables, checked twice:
/// by the engine's own `invariantViolations()`, and against a naive recomputation
/// written here from the definitions (dictionaries and sets, its own calendar,
/// no code shared with the engine).
@Suite struct BridgeInvariantTests {
    @Test(arguments: 0 ..< 8)
    func randomTablesSatisfyTheInvariantsAndMatchANaiveRecomputation(batch: Int) throws {
        for seedIndex in 0 ..< 20 {
            let seed = UInt64(batch * 1_000 + seedIndex)
            let sample = GeneratedSample(seed: seed)
            let options = AnalysisOptions(period: sample.kind, asOf: sample.asOf, churnWindow: sample.churnWindow,
                                          grossMargin: sample.grossMargin)
            let context = "seed \(seed) (\(sample.kind), W = \(sample.churnWindow), order ids: \(sample.hasOrderColumn))"
            let naive = NaiveAnalysis(sample)
            guard naive.isReportable else {
                // nothing to report: the engine must refuse the table too
                #expect(throws: AnalysisError.self, "\(context)") {
                    try CohortAnalysis(table: sample.table, options: options)
                }
                continue
            }
            let analysis = try CohortAnalysis(table: sample.table, options: options)
            #expect(analysis.invariantViolations().isEmpty, "\(context): \(analysis.invariantViolations())")
            let problems = naive.differences(from: analysis)
            #expect(problems.isEmpty, "\(context): \(problems.prefix(8).joined(separator: "; "))")
        }
    }

    @Test func splitMixIsReproducible() {
        var first = SplitMix64(seed: 42), second = SplitMix64(seed: 42)
        #expect((0 ..< 5).map { _ in first.next() } == (0 ..< 5).map { _ in second.next() })
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)   // first output of SplitMix64 for seed 0 (reference value)
    }
}

// MARK: - Random tables

/// Draws for the random tables, from the sample generator's SplitMix64 (a failing table can be replayed from its seed).
extension SplitMix64 {
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    mutating func percent(_ chance: Int) -> Bool { int(0 ... 99) < chance }
}

/// A random order table over about 30 months from Monday 2024-01-01, kept also as plain rows.
struct GeneratedSample {
    struct Row {
        var customer: Int
        /// Days after 2024-01-01.
        var offset: Int
        var cents: Int64
        /// Order id text number (shared between customers on purpose), or nil without an order column.
        var order: Int?
    }

    static let firstDay = day("2024-01-01")

    let kind: PeriodKind
    let churnWindow: Int
    let grossMargin: Double?
    let hasOrderColumn: Bool
    /// Days after 2024-01-01 of the as-of date; nil = the latest row.
    let asOfOffset: Int?
    let rows: [Row]
    let table: OrderTable

    var asOf: CivilDate? { asOfOffset.map { CivilDate(dayNumber: Self.firstDay + $0) } }

    init(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        kind = [PeriodKind.month, .week, .quarter][random.int(0 ... 2)]
        churnWindow = random.int(1 ... 4)
        grossMargin = random.percent(30) ? 0.35 : nil
        hasOrderColumn = random.percent(50)
        switch random.int(0 ... 9) {
        case 0 ..< 4: asOfOffset = nil                                   // the latest row
        case 4 ..< 8: asOfOffset = random.int(0 ... 960)                 // mostly inside a period: partial
        default: asOfOffset = NaiveCalendar.lastOffset(of: NaiveCalendar.period(of: random.int(0 ... 900), kind), kind)
        }
        let customerCount = random.int(1 ... 25)
        let rowCount = random.int(1 ... 160)
        var rows: [Row] = []
        for _ in 0 ..< rowCount {
            let customer = random.int(0 ... customerCount - 1)
            // some customers buy in bursts: reuse a date of theirs now and then
            let offset: Int
            if let earlier = rows.last(where: { $0.customer == customer }), random.percent(25) {
                offset = min(912, earlier.offset + random.int(0 ... 3))
            } else {
                offset = random.int(0 ... 912)
            }
            let cents: Int64
            switch random.int(0 ... 99) {
            case 0 ..< 12: cents = 0
            case 12 ..< 35: cents = -Int64(random.int(1 ... 8_000))
            default: cents = Int64(random.int(1 ... 25_000))
            }
            rows.append(Row(customer: customer, offset: offset, cents: cents,
                            order: hasOrderColumn ? random.int(0 ... 5) : nil))
        }
        self.rows = rows

        var table = OrderTable(hasOrderColumn: hasOrderColumn)
        for row in rows {
            let customer = table.internCustomer("C\(row.customer)")
            table.append(customer: customer, day: Self.firstDay + row.offset, amount: row.cents,
                         order: row.order.map { Int32($0) })
        }
        self.table = table
    }
}

// MARK: - Naive recomputation

/// Periods counted from 2024-01 (months, quarters) or from the week of Monday 2024-01-01,
/// written out from month lengths, not with the engine's calendar.
enum NaiveCalendar {
    static let monthStarts: [Int] = {
        var starts = [0]
        for index in 0 ..< 60 {
            let year = 2024 + index / 12, month = index % 12 + 1
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            starts.append(starts[index] + length)
        }
        return starts
    }()

    static func month(of offset: Int) -> Int {
        monthStarts.lastIndex { $0 <= offset }!
    }

    static func period(of offset: Int, _ kind: PeriodKind) -> Int {
        switch kind {
        case .month: return month(of: offset)
        case .quarter: return month(of: offset) / 3
        case .week: return offset / 7
        }
    }

    static func lastOffset(of period: Int, _ kind: PeriodKind) -> Int {
        switch kind {
        case .month: return monthStarts[period + 1] - 1
        case .quarter: return monthStarts[3 * period + 3] - 1
        case .week: return 7 * period + 6
        }
    }

    static func label(of period: Int, _ kind: PeriodKind) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch kind {
        case .month: return "\(2024 + period / 12)-\(two(period % 12 + 1))"
        case .quarter: return "\(2024 + period / 4)-Q\(period % 4 + 1)"
        case .week:
            // 2024 and 2025 have 52 ISO weeks, 2026 has 53; week 0 is 2024-W01
            if period < 52 { return "2024-W\(two(period + 1))" }
            if period < 104 { return "2025-W\(two(period - 51))" }
            return "2026-W\(two(period - 103))"
        }
    }
}

/// Every metric recomputed from the definitions in METRICS.md with dictionaries and sets.
struct NaiveAnalysis {
    let sample: GeneratedSample
    /// False when the table has nothing to report (no row up to the as-of date, or no positive order).
    private(set) var isReportable = false

    // Absolute period of the first cohort; relative index t = absolute − firstPeriod.
    private var firstPeriod = 0
    private var periodCount = 0
    private var lastIsPartial = false
    /// customer → cohort (relative).
    private var cohort: [Int: Int] = [:]
    /// customer → net revenue per relative period (rows on or after the cohort), one slot per period.
    private var net: [Int: [Int64]] = [:]
    /// customer → positive orders dated in each relative period, and their totals.
    private var positiveOrders: [Int: [Int]] = [:]
    private var positiveValue: [Int: [Int64]] = [:]
    /// customer → x = max(0, net) per relative period, 0 before the cohort.
    private var xs: [Int: [Int64]] = [:]
    /// customer → its last active period (for "active in t or any later period").
    private var lastActive: [Int: Int] = [:]
    private var quality = DataQuality()

    init(_ sample: GeneratedSample) {
        self.sample = sample
        let kind = sample.kind
        let asOf = sample.asOfOffset ?? sample.rows.map(\.offset).max()!
        let kept = sample.rows.filter { $0.offset <= asOf }
        quality.rowsAfterAsOf = sample.rows.count - kept.count
        guard !kept.isEmpty else { return }

        // Orders: (customer, order id) or the row itself; dated by the earliest line.
        struct OrderKey: Hashable { var customer: Int; var id: Int }
        var total: [OrderKey: Int64] = [:]
        var firstOffset: [OrderKey: Int] = [:]
        for (index, row) in kept.enumerated() {
            let key = OrderKey(customer: row.customer, id: row.order ?? -1 - index)
            total[key, default: 0] += row.cents
            firstOffset[key] = min(firstOffset[key] ?? Int.max, row.offset)
        }
        var absoluteOrders: [Int: [Int: Int]] = [:], absoluteValue: [Int: [Int: Int64]] = [:]
        for (key, amount) in total where amount > 0 {
            let p = NaiveCalendar.period(of: firstOffset[key]!, kind)
            absoluteOrders[key.customer, default: [:]][p, default: 0] += 1
            absoluteValue[key.customer, default: [:]][p, default: 0] += amount
        }
        let absoluteCohort = absoluteOrders.mapValues { $0.keys.min()! }
        guard let first = absoluteCohort.values.min() else { return }
        firstPeriod = first
        let asOfPeriod = NaiveCalendar.period(of: asOf, kind)
        periodCount = asOfPeriod - first + 1
        lastIsPartial = NaiveCalendar.lastOffset(of: asOfPeriod, kind) != asOf

        for customer in absoluteCohort.keys {
            net[customer] = Array(repeating: 0, count: periodCount)
            positiveOrders[customer] = Array(repeating: 0, count: periodCount)
            positiveValue[customer] = Array(repeating: 0, count: periodCount)
        }
        let customersWithRows = Set(kept.map(\.customer))
        quality.customersAnalyzed = absoluteCohort.count
        quality.customersWithoutPositiveOrder = customersWithRows.subtracting(absoluteCohort.keys).count
        for row in kept {
            let p = NaiveCalendar.period(of: row.offset, kind)
            guard let c = absoluteCohort[row.customer] else {
                quality.rowsOfCustomersWithoutPositiveOrder += 1
                continue
            }
            if p < c {
                quality.rowsBeforeAcquisition += 1
                quality.amountBeforeAcquisition = quality.amountBeforeAcquisition + Money(minorUnits: row.cents)
            } else {
                quality.rowsAnalyzed += 1
                net[row.customer]![p - first] += row.cents
            }
        }
        for (customer, c) in absoluteCohort {
            cohort[customer] = c - first
            for (p, count) in absoluteOrders[customer]! { positiveOrders[customer]![p - first] = count }
            for (p, value) in absoluteValue[customer]! { positiveValue[customer]![p - first] = value }
            xs[customer] = net[customer]!.map { max(0, $0) }
            lastActive[customer] = absoluteOrders[customer]!.keys.max()! - first
        }
        isReportable = true
    }

    // MARK: Per-customer facts

    private func isActive(_ customer: Int, _ t: Int) -> Bool { positiveOrders[customer]![t] > 0 }

    private func isLive(_ customer: Int, _ t: Int) -> Bool {
        guard t >= 0 else { return false }
        return (max(0, t - sample.churnWindow + 1) ... t).contains { isActive(customer, $0) }
    }

    /// x_i(t); 0 before the first period (and before the cohort, where no row is kept).
    private func x(_ customer: Int, _ t: Int) -> Int64 {
        t >= 0 ? xs[customer]![t] : 0
    }

    private func ordersIn(_ customer: Int, _ periods: ClosedRange<Int>) -> Int {
        positiveOrders[customer]![max(0, periods.lowerBound) ... periods.upperBound].reduce(0, +)
    }

    private func ratio(_ numerator: Double, _ denominator: Double) -> Double? {
        denominator == 0 ? nil : numerator / denominator
    }

    // MARK: Comparing with the engine

    func differences(from analysis: CohortAnalysis) -> [String] {
        var problems: [String] = []
        func check(_ ok: Bool, _ what: @autoclosure () -> String) { if !ok { problems.append(what()) } }
        let customers = cohort.keys.sorted()
        let kind = sample.kind

        check(analysis.periods.count == periodCount, "periods \(analysis.periods.count) ≠ \(periodCount)")
        guard analysis.periods.count == periodCount, analysis.kpis.count == periodCount else { return problems }
        for t in 0 ..< periodCount {
            check(analysis.periods[t].label == NaiveCalendar.label(of: firstPeriod + t, kind), "label of \(t)")
            check(analysis.periods[t].partial == (t == periodCount - 1 && lastIsPartial), "partial flag of \(t)")
        }
        check(analysis.dataQuality == quality, "data quality \(analysis.dataQuality) ≠ \(quality)")

        // Cohort matrices, every cell.
        let cohortPeriods = Set(cohort.values).sorted()
        check(analysis.cohorts.map(\.period) == cohortPeriods, "cohort periods")
        for row in analysis.cohorts where cohortPeriods.contains(row.period) {
            let c = row.period
            let members = customers.filter { cohort[$0] == c }
            check(row.size == members.count, "size of cohort \(c)")
            check(row.cells.count == periodCount - c, "ages of cohort \(c)")
            var cumulative: Int64 = 0
            for cell in row.cells where c + cell.age < periodCount {
                let t = c + cell.age
                let active = members.filter { isActive($0, t) }.count
                let unbounded = members.filter { lastActive[$0]! >= t }.count   // active in t or later
                let revenue = members.reduce(Int64(0)) { $0 + net[$1]![t] }
                let retained = members.reduce(Int64(0)) { $0 + min(x($1, t), x($1, c)) }
                let acquisitionRevenue = members.reduce(Int64(0)) { $0 + net[$1]![c] }
                let acquisitionX = members.reduce(Int64(0)) { $0 + x($1, c) }
                cumulative += revenue
                let at = "cohort \(c) age \(cell.age)"
                check(cell.activeCustomers == active, "\(at): active \(cell.activeCustomers) ≠ \(active)")
                check(cell.unboundedActiveCustomers == unbounded, "\(at): unbounded \(cell.unboundedActiveCustomers) ≠ \(unbounded)")
                check(cell.revenue.minorUnits == revenue, "\(at): revenue")
                check(cell.grossRetainedRevenue.minorUnits == retained, "\(at): gross retained")
                check(cell.cumulativeRevenue.minorUnits == cumulative, "\(at): cumulative")
                check(cell.partial == (t == periodCount - 1 && lastIsPartial), "\(at): partial")
                check(close(cell.retention, ratio(Double(active), Double(members.count))), "\(at): retention")
                check(close(cell.revenueRetention, ratio(Double(revenue), Double(acquisitionRevenue))), "\(at): revenue retention")
                check(close(cell.grossRevenueRetention, ratio(Double(retained), Double(acquisitionX))), "\(at): GRR")
            }
        }

        // Averages at each age: Σ / Σ over complete cells.
        for age in 0 ..< min(periodCount, analysis.averages.count) {
            var size = 0, active = 0
            var revenue: Int64 = 0, acquisition: Int64 = 0
            for c in cohortPeriods where c + age < periodCount && !(c + age == periodCount - 1 && lastIsPartial) {
                let members = customers.filter { cohort[$0] == c }
                size += members.count
                active += members.filter { isActive($0, c + age) }.count
                revenue += members.reduce(Int64(0)) { $0 + net[$1]![c + age] }
                acquisition += members.reduce(Int64(0)) { $0 + net[$1]![c] }
            }
            check(close(analysis.averages[age].retention, ratio(Double(active), Double(size))), "average retention at age \(age)")
            check(close(analysis.averages[age].revenueRetention, ratio(Double(revenue), Double(acquisition))),
                  "average revenue retention at age \(age)")
        }

        // Period KPIs.
        let year = kind.periodsPerYear
        var completeChurnRates: [Double?] = []
        for t in 0 ..< periodCount {
            let kpi = analysis.kpis[t]
            let at = "period \(t)"
            // Customer bridge.
            let start = customers.filter { isLive($0, t - 1) }.count
            let new = customers.filter { cohort[$0] == t }.count
            let reactivated = customers.filter { isActive($0, t) && !isLive($0, t - 1) && cohort[$0] != t }.count
            let churned = customers.filter { isLive($0, t - 1) && !isLive($0, t) }.count
            let end = customers.filter { isLive($0, t) }.count
            check(end == start + new + reactivated - churned, "\(at): naive E ≠ S + N + R − C")
            check(kpi.customers == CustomerBridge(start: start, new: new, reactivated: reactivated, churned: churned, end: end),
                  "\(at): bridge \(kpi.customers) ≠ S \(start) N \(new) R \(reactivated) C \(churned) E \(end)")
            let churnRate = ratio(Double(churned), Double(start))
            check(close(kpi.churnRate, churnRate), "\(at): churn rate")
            check(close(kpi.customerRetentionRate, ratio(Double(end - new), Double(start))), "\(at): CRR")
            let lapsed = customers.filter { cohort[$0]! < t && !isLive($0, t - 1) }.count
            check(close(kpi.winBackRate, ratio(Double(reactivated), Double(lapsed))), "\(at): win-back rate")

            // Revenue bridge.
            var bridge = (start: Int64(0), new: Int64(0), expansion: Int64(0), contraction: Int64(0),
                          churned: Int64(0), reactivation: Int64(0), end: Int64(0))
            var grossRetained: Int64 = 0, netRetained: Int64 = 0
            for customer in customers {
                let before = x(customer, t - 1), now = x(customer, t)
                bridge.start += before
                bridge.end += now
                if before > 0 { grossRetained += min(now, before); netRetained += now }
                if cohort[customer] == t {
                    bridge.new += now
                } else if before > 0 && now > 0 {
                    if now > before { bridge.expansion += now - before } else { bridge.contraction += now - before }
                } else if before == 0 && now > 0 {
                    bridge.reactivation += now
                } else if before > 0 && now == 0 {
                    bridge.churned -= before
                }
            }
            check(bridge.end == bridge.start + bridge.new + bridge.expansion + bridge.contraction + bridge.churned + bridge.reactivation,
                  "\(at): naive revenue identity")
            let expectedBridge = RevenueBridge(
                start: Money(minorUnits: bridge.start), new: Money(minorUnits: bridge.new),
                expansion: Money(minorUnits: bridge.expansion), contraction: Money(minorUnits: bridge.contraction),
                churned: Money(minorUnits: bridge.churned), reactivation: Money(minorUnits: bridge.reactivation),
                end: Money(minorUnits: bridge.end))
            check(kpi.revenueBridge == expectedBridge, "\(at): revenue bridge \(kpi.revenueBridge) ≠ \(expectedBridge)")
            check(close(kpi.netRevenueRetentionMonthly, ratio(Double(netRetained), Double(bridge.start))), "\(at): monthly NRR")
            check(close(kpi.grossRevenueRetentionMonthly, ratio(Double(grossRetained), Double(bridge.start))), "\(at): monthly GRR")
            check(close(kpi.revenueChurnRate, ratio(Double(-(bridge.churned + bridge.contraction)), Double(bridge.start))),
                  "\(at): revenue churn rate")

            // Revenue, orders, AOV.
            let revenue = customers.reduce(Int64(0)) { $0 + net[$1]![t] }
            let orders = customers.reduce(0) { $0 + positiveOrders[$1]![t] }
            let orderValue = customers.reduce(Int64(0)) { $0 + positiveValue[$1]![t] }
            check(kpi.revenue.minorUnits == revenue, "\(at): revenue")
            check(kpi.orders == orders, "\(at): orders \(kpi.orders) ≠ \(orders)")
            check(close(kpi.averageOrderValue, ratio(Double(orderValue) / 100, Double(orders))), "\(at): AOV")

            // Year over year (L = periods per year), empty until t ≥ 2L − 1.
            if t >= 2 * year - 1 {
                var base: Int64 = 0, current: Int64 = 0, gross: Int64 = 0, buyersBefore = 0, buyersKept = 0
                for customer in customers {
                    let b = xs[customer]![t - 2 * year + 1 ... t - year].reduce(0, +)
                    let cur = xs[customer]![t - year + 1 ... t].reduce(0, +)
                    if b > 0 { base += b; current += cur; gross += min(b, cur) }
                    if ordersIn(customer, t - 2 * year + 1 ... t - year) > 0 {
                        buyersBefore += 1
                        if ordersIn(customer, t - year + 1 ... t) > 0 { buyersKept += 1 }
                    }
                }
                check(close(kpi.netRevenueRetention12, ratio(Double(current), Double(base))), "\(at): NRR 12")
                check(close(kpi.grossRevenueRetention12, ratio(Double(gross), Double(base))), "\(at): GRR 12")
                check(close(kpi.customerRetentionRate12, ratio(Double(buyersKept), Double(buyersBefore))), "\(at): CRR 12")
            } else {
                check(kpi.netRevenueRetention12.isEmpty && kpi.grossRevenueRetention12.isEmpty && kpi.customerRetentionRate12.isEmpty,
                      "\(at): year KPIs before 2L − 1 history")
            }

            // Trailing purchase window t−11 ... t, cut at the first period.
            let window = max(0, t - 11) ... t
            var buyers = 0, repeaters = 0, windowOrders = 0
            var windowValue: Int64 = 0
            for customer in customers {
                let count = ordersIn(customer, window)
                if count >= 1 { buyers += 1 }
                if count >= 2 { repeaters += 1 }
                windowOrders += count
                windowValue += positiveValue[customer]![window].reduce(0, +)
            }
            let frequency = ratio(Double(windowOrders), Double(buyers)).map { $0 / Double(window.count) }
            check(close(kpi.repeatPurchaseRate12, ratio(Double(repeaters), Double(buyers))), "\(at): repeat purchase rate")
            check(close(kpi.purchaseFrequency12, frequency), "\(at): purchase frequency")

            // Lifespan over the (up to) 12 complete periods up to t, then CLV.
            if !(t == periodCount - 1 && lastIsPartial) { completeChurnRates.append(churnRate) }
            let defined = completeChurnRates.suffix(12).compactMap { $0 }
            let meanRate = defined.isEmpty ? 0 : defined.reduce(0, +) / Double(defined.count)
            let lifespan: Double? = meanRate == 0 ? nil : 1 / meanRate
            check(close(kpi.averageLifespan, lifespan), "\(at): lifespan \(kpi.averageLifespan) ≠ \(String(describing: lifespan))")
            var clv: Double? = nil
            if let aov = ratio(Double(windowValue) / 100, Double(windowOrders)), let frequency, let lifespan {
                clv = aov * frequency * lifespan * (sample.grossMargin ?? 1)
            }
            check(close(kpi.customerLifetimeValue, clv), "\(at): CLV")
        }
        return problems
    }
}
