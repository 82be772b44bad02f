/// Computes every period KPI of METRICS.md from the customer history.
///
/// Each customer is walked period by period from its cohort to the last period
/// it can still influence (its last activity plus the longest window), on small
/// dense arrays with prefix sums for the windowed KPIs; the walk adds into one
/// accumulator per period. O(Σ over customers of (lifetime + 2 years)).
struct PeriodKPIBuilder {
    let history: CustomerHistory
    let periods: [PeriodInfo]
    let options: AnalysisOptions

    /// The fixed trailing window of the purchase KPIs: periods t−11 ... t.
    static let trailingWindow = 12

    /// Per-period sums, added to by every customer's walk.
    private struct Accumulators {
        var liveAtEnd, new, reactivated, churned: [Int]
        var recurringRevenue, revenueNew, expansion, contraction, revenueChurned, reactivation: [Int64]
        var yearBase, yearCurrent, yearGrossCurrent: [Int64]
        var yearBuyersBefore, yearBuyersRetained: [Int]
        var trailingBuyers, trailingRepeatBuyers: [Int]
        var netRevenue, positiveOrders, positiveOrderValue: [Int64]

        init(periodCount count: Int) {
            (liveAtEnd, new, reactivated, churned) = ([Int](repeating: 0, count: count), [Int](repeating: 0, count: count),
                                                     [Int](repeating: 0, count: count), [Int](repeating: 0, count: count))
            let zeros = [Int64](repeating: 0, count: count)
            (recurringRevenue, revenueNew, expansion, contraction, revenueChurned, reactivation) = (zeros, zeros, zeros, zeros, zeros, zeros)
            (yearBase, yearCurrent, yearGrossCurrent) = (zeros, zeros, zeros)
            let counts = [Int](repeating: 0, count: count)
            (yearBuyersBefore, yearBuyersRetained, trailingBuyers, trailingRepeatBuyers) = (counts, counts, counts, counts)
            (netRevenue, positiveOrders, positiveOrderValue) = (zeros, zeros, zeros)
        }

        /// The sums of a flat buffer laid out period by period, a block of `Field`s each.
        init(flat: UnsafeBufferPointer<Int64>, periodCount: Int) {
            let fields = Field.allCases.count
            func column(_ field: Field) -> [Int64] { (0 ..< periodCount).map { flat[$0 * fields + field.rawValue] } }
            func counts(_ field: Field) -> [Int] { column(field).map { Int($0) } }
            (liveAtEnd, new, reactivated, churned) = (counts(.liveAtEnd), counts(.new), counts(.reactivated), counts(.churned))
            (recurringRevenue, revenueNew, expansion) = (column(.recurringRevenue), column(.revenueNew), column(.expansion))
            (contraction, revenueChurned, reactivation) = (column(.contraction), column(.revenueChurned), column(.reactivation))
            (yearBase, yearCurrent, yearGrossCurrent) = (column(.yearBase), column(.yearCurrent), column(.yearGrossCurrent))
            (yearBuyersBefore, yearBuyersRetained) = (counts(.yearBuyersBefore), counts(.yearBuyersRetained))
            (trailingBuyers, trailingRepeatBuyers) = (counts(.trailingBuyers), counts(.trailingRepeatBuyers))
            (netRevenue, positiveOrders, positiveOrderValue) = (column(.netRevenue), column(.positiveOrders), column(.positiveOrderValue))
        }

        /// Adds another range's sums, period by period.
        mutating func add(_ other: Accumulators) {
            func add<Value: AdditiveArithmetic>(_ values: inout [Value], _ more: [Value]) {
                for t in values.indices { values[t] += more[t] }
            }
            add(&liveAtEnd, other.liveAtEnd); add(&new, other.new); add(&reactivated, other.reactivated); add(&churned, other.churned)
            add(&recurringRevenue, other.recurringRevenue); add(&revenueNew, other.revenueNew); add(&expansion, other.expansion)
            add(&contraction, other.contraction); add(&revenueChurned, other.revenueChurned); add(&reactivation, other.reactivation)
            add(&yearBase, other.yearBase); add(&yearCurrent, other.yearCurrent); add(&yearGrossCurrent, other.yearGrossCurrent)
            add(&yearBuyersBefore, other.yearBuyersBefore); add(&yearBuyersRetained, other.yearBuyersRetained)
            add(&trailingBuyers, other.trailingBuyers); add(&trailingRepeatBuyers, other.trailingRepeatBuyers)
            add(&netRevenue, other.netRevenue); add(&positiveOrders, other.positiveOrders); add(&positiveOrderValue, other.positiveOrderValue)
        }
    }

    /// Every period's KPIs; `parts` ranges of customers are walked concurrently (default:
    /// one per core for large histories), with the same result for any number.
    func build(parts requestedParts: Int? = nil) -> [PeriodKPIs] {
        let parts = requestedParts ?? ParallelWork.parts(for: history.period.count)
        let partial = ParallelWork.map(ParallelWork.ranges(history.customerCount, parts: parts)) { customers in
            sums(of: customers)
        }
        var total = partial[0]
        for other in partial.dropFirst() { total.add(other) }
        return kpis(from: total)
    }

    /// The per-period sums of `Accumulators`, in the order of `Accumulators.init(flat:periodCount:)`.
    private enum Field: Int, CaseIterable {
        case liveAtEnd, new, reactivated, churned
        case recurringRevenue, revenueNew, expansion, contraction, revenueChurned, reactivation
        case yearBase, yearCurrent, yearGrossCurrent, yearBuyersBefore, yearBuyersRetained
        case trailingBuyers, trailingRepeatBuyers
        case netRevenue, positiveOrders, positiveOrderValue
    }

    /// Walks the customers of one range into fresh accumulators.
    ///
    /// The hot loop adds into one flat buffer (period by period, a block of `Field`s each)
    /// and reads the customer's dense arrays through pointers: no array is checked for
    /// uniqueness or bounds per addition.
    private func sums(of customers: Range<Int>) -> Accumulators {
        let periodCount = history.periodCount
        let year = options.period.periodsPerYear
        let window = options.churnWindow
        let trailing = Self.trailingWindow
        let reach = max(2 * year - 1, window, trailing - 1)
        let fields = Field.allCases.count

        let flat = UnsafeMutableBufferPointer<Int64>.allocate(capacity: periodCount * fields)
        flat.initialize(repeating: 0)
        defer { flat.deallocate() }
        // Per-customer dense arrays over its periods cohort ... end, and their prefix sums.
        let scratch = UnsafeMutableBufferPointer<Int64>.allocate(capacity: 4 * (periodCount + 1))
        scratch.initialize(repeating: 0)
        defer { scratch.deallocate() }
        let x = scratch.baseAddress!, orders = x + (periodCount + 1)
        let xPrefix = orders + (periodCount + 1), ordersPrefix = xPrefix + (periodCount + 1)

        history.period.withUnsafeBufferPointer { period in
        history.netRevenue.withUnsafeBufferPointer { netRevenue in
        history.positiveOrders.withUnsafeBufferPointer { positiveOrders in
        history.positiveOrderValue.withUnsafeBufferPointer { positiveOrderValue in
            let sums = flat.baseAddress!
            @inline(__always) func add(_ field: Field, _ t: Int, _ value: Int64) {
                sums[t * fields + field.rawValue] += value
            }
            for customer in customers {
                let cohort = Int(history.cohort[customer])
                let entries = history.entries(of: customer)
                let lastEntry = Int(period[entries.upperBound - 1])
                let end = min(periodCount - 1, lastEntry + reach)
                let length = end - cohort + 1
                x.update(repeating: 0, count: length)
                orders.update(repeating: 0, count: length)
                for entry in entries {
                    let p = Int(period[entry])
                    x[p - cohort] = max(0, netRevenue[entry])
                    orders[p - cohort] = Int64(positiveOrders[entry])
                    add(.netRevenue, p, netRevenue[entry])
                    add(.positiveOrders, p, Int64(positiveOrders[entry]))
                    add(.positiveOrderValue, p, positiveOrderValue[entry])
                }
                xPrefix[0] = 0
                ordersPrefix[0] = 0
                for local in 0 ..< length {
                    xPrefix[local + 1] = xPrefix[local] + x[local]
                    ordersPrefix[local + 1] = ordersPrefix[local] + orders[local]
                }
                // Σ over global periods lo ... hi of a local prefix array (periods before the cohort are 0).
                @inline(__always) func sum(_ prefix: UnsafeMutablePointer<Int64>, _ lo: Int, _ hi: Int) -> Int64 {
                    let from = max(lo - cohort, 0), to = hi - cohort
                    return to < from ? 0 : prefix[to + 1] - prefix[from]
                }

                var lastActive = Int.min / 2
                var previousX: Int64 = 0
                for t in cohort ... end {
                    let local = t - cohort
                    let xt = x[local]
                    let isActive = orders[local] > 0
                    // Customer bridge under the churn window.
                    let wasLive = (t - 1) - lastActive < window
                    if isActive { lastActive = t }
                    let isLive = t - lastActive < window
                    if isLive { add(.liveAtEnd, t, 1) }
                    if t == cohort { add(.new, t, 1) } else if isActive && !wasLive { add(.reactivated, t, 1) }
                    if wasLive && !isLive { add(.churned, t, 1) }
                    // Revenue bridge, x(t) against x(t−1).
                    add(.recurringRevenue, t, xt)
                    if t == cohort {
                        add(.revenueNew, t, xt)
                    } else if xt > 0 && previousX > 0 {
                        if xt > previousX { add(.expansion, t, xt - previousX) } else { add(.contraction, t, xt - previousX) }
                    } else if xt > 0 {
                        add(.reactivation, t, xt)
                    } else if previousX > 0 {
                        add(.revenueChurned, t, -previousX)
                    }
                    previousX = xt
                    // Year against the year before: NRR 12, GRR 12, CRR 12.
                    if t >= 2 * year - 1 {
                        let base = sum(xPrefix, t - 2 * year + 1, t - year)
                        let current = sum(xPrefix, t - year + 1, t)
                        if base > 0 {
                            add(.yearBase, t, base)
                            add(.yearCurrent, t, current)
                            add(.yearGrossCurrent, t, min(base, current))
                        }
                        if sum(ordersPrefix, t - 2 * year + 1, t - year) > 0 {
                            add(.yearBuyersBefore, t, 1)
                            if sum(ordersPrefix, t - year + 1, t) > 0 { add(.yearBuyersRetained, t, 1) }
                        }
                    }
                    // Trailing window t−11 ... t.
                    let trailingOrders = sum(ordersPrefix, t - trailing + 1, t)
                    if trailingOrders >= 1 { add(.trailingBuyers, t, 1) }
                    if trailingOrders >= 2 { add(.trailingRepeatBuyers, t, 1) }
                }
            }
        }
        }
        }
        }
        return Accumulators(flat: UnsafeBufferPointer(flat), periodCount: periodCount)
    }

    /// Turns the per-period sums into ratios, last.
    private func kpis(from sums: Accumulators) -> [PeriodKPIs] {
        let year = options.period.periodsPerYear
        let trailing = Self.trailingWindow
        var acquiredBefore = 0
        var completeChurnRates: [Double?] = []
        var result: [PeriodKPIs] = []
        for t in 0 ..< history.periodCount {
            let start = t > 0 ? sums.liveAtEnd[t - 1] : 0
            let bridge = CustomerBridge(start: start, new: sums.new[t], reactivated: sums.reactivated[t],
                                        churned: sums.churned[t], end: sums.liveAtEnd[t])
            let churnRate = Ratio(bridge.churned, over: bridge.start)
            if !periods[t].partial { completeChurnRates.append(churnRate.value) }

            let revenueStart = t > 0 ? sums.recurringRevenue[t - 1] : 0
            let revenueBridge = RevenueBridge(
                start: Money(minorUnits: revenueStart), new: Money(minorUnits: sums.revenueNew[t]),
                expansion: Money(minorUnits: sums.expansion[t]), contraction: Money(minorUnits: sums.contraction[t]),
                churned: Money(minorUnits: sums.revenueChurned[t]), reactivation: Money(minorUnits: sums.reactivation[t]),
                end: Money(minorUnits: sums.recurringRevenue[t]))
            let retained = revenueStart + sums.contraction[t] + sums.revenueChurned[t]
            let hasYearHistory = t >= 2 * year - 1

            // Trailing window: periods t−11 ... t, cut at the first period.
            let windowStart = max(0, t - trailing + 1)
            let windowPeriods = t - windowStart + 1
            let windowOrders = sums.positiveOrders[windowStart ... t].reduce(0, +)
            let windowValue = sums.positiveOrderValue[windowStart ... t].reduce(0, +)
            let buyers = sums.trailingBuyers[t]
            let frequency = Ratio(buyers == 0 ? nil : Double(windowOrders) / Double(buyers) / Double(windowPeriods))
            let lifespan = averageLifespan(completeChurnRates: completeChurnRates)
            let windowOrderValue = Ratio(Money(minorUnits: windowValue), over: Int(windowOrders))
            var clv: Double? = nil
            if let aov = windowOrderValue.value, let perPeriod = frequency.value, let periods = lifespan.value {
                clv = aov * perPeriod * periods * (options.grossMargin ?? 1)
            }

            result.append(PeriodKPIs(
                period: t, label: periods[t].label, partial: periods[t].partial,
                customers: bridge,
                churnRate: churnRate,
                customerRetentionRate: Ratio(bridge.end - bridge.new, over: bridge.start),
                customerRetentionRate12: hasYearHistory ? Ratio(sums.yearBuyersRetained[t], over: sums.yearBuyersBefore[t]) : .empty,
                winBackRate: Ratio(bridge.reactivated, over: acquiredBefore - bridge.start),
                revenue: Money(minorUnits: sums.netRevenue[t]),
                revenueBridge: revenueBridge,
                netRevenueRetentionMonthly: Ratio(retained + sums.expansion[t], over: revenueStart),
                grossRevenueRetentionMonthly: Ratio(retained, over: revenueStart),
                netRevenueRetention12: hasYearHistory ? Ratio(sums.yearCurrent[t], over: sums.yearBase[t]) : .empty,
                grossRevenueRetention12: hasYearHistory ? Ratio(sums.yearGrossCurrent[t], over: sums.yearBase[t]) : .empty,
                revenueChurnRate: Ratio(-(sums.contraction[t] + sums.revenueChurned[t]), over: revenueStart),
                orders: Int(sums.positiveOrders[t]),
                averageOrderValue: Ratio(Money(minorUnits: sums.positiveOrderValue[t]), over: Int(sums.positiveOrders[t])),
                repeatPurchaseRate12: Ratio(sums.trailingRepeatBuyers[t], over: buyers),
                purchaseFrequency12: frequency,
                averageLifespan: lifespan,
                customerLifetimeValue: Ratio(clv)))
            acquiredBefore += sums.new[t]
        }
        return result
    }

    /// 1 / mean churn rate of the last (up to) 12 complete periods.
    /// `completeChurnRates` holds one entry per complete period so far, nil where S = 0.
    private func averageLifespan(completeChurnRates: [Double?]) -> Ratio {
        let defined = completeChurnRates.suffix(Self.trailingWindow).compactMap { $0 }
        let total = defined.reduce(0, +)
        guard !defined.isEmpty, total > 0 else { return .empty }
        return Ratio(Double(defined.count) / total)
    }
}
