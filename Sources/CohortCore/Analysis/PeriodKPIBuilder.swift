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

    /// Walks the customers of one range into fresh accumulators.
    private func sums(of customers: Range<Int>) -> Accumulators {
        let periodCount = history.periodCount
        let year = options.period.periodsPerYear
        let window = options.churnWindow
        let trailing = Self.trailingWindow
        let reach = max(2 * year - 1, window, trailing - 1)
        var sums = Accumulators(periodCount: periodCount)

        // Per-customer dense arrays over its periods cohort ... end, reused.
        var x: [Int64] = [], orders: [Int64] = []
        var xPrefix: [Int64] = [], ordersPrefix: [Int64] = []

        for customer in customers {
            let cohort = Int(history.cohort[customer])
            let entries = history.entries(of: customer)
            let lastEntry = Int(history.period[entries.upperBound - 1])
            let end = min(periodCount - 1, lastEntry + reach)
            let length = end - cohort + 1
            x.removeAll(keepingCapacity: true); x.append(contentsOf: repeatElement(0, count: length))
            orders.removeAll(keepingCapacity: true); orders.append(contentsOf: repeatElement(0, count: length))
            for entry in entries {
                let p = Int(history.period[entry])
                x[p - cohort] = max(0, history.netRevenue[entry])
                orders[p - cohort] = Int64(history.positiveOrders[entry])
                sums.netRevenue[p] += history.netRevenue[entry]
                sums.positiveOrders[p] += Int64(history.positiveOrders[entry])
                sums.positiveOrderValue[p] += history.positiveOrderValue[entry]
            }
            Self.prefixSums(x, into: &xPrefix)
            Self.prefixSums(orders, into: &ordersPrefix)
            // Σ over global periods lo ... hi of a local prefix array (periods before the cohort are 0).
            func sum(_ prefix: [Int64], _ lo: Int, _ hi: Int) -> Int64 {
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
                if isLive { sums.liveAtEnd[t] += 1 }
                if t == cohort { sums.new[t] += 1 } else if isActive && !wasLive { sums.reactivated[t] += 1 }
                if wasLive && !isLive { sums.churned[t] += 1 }
                // Revenue bridge, x(t) against x(t−1).
                sums.recurringRevenue[t] += xt
                if t == cohort {
                    sums.revenueNew[t] += xt
                } else if xt > 0 && previousX > 0 {
                    if xt > previousX { sums.expansion[t] += xt - previousX } else { sums.contraction[t] += xt - previousX }
                } else if xt > 0 {
                    sums.reactivation[t] += xt
                } else if previousX > 0 {
                    sums.revenueChurned[t] -= previousX
                }
                previousX = xt
                // Year against the year before: NRR 12, GRR 12, CRR 12.
                if t >= 2 * year - 1 {
                    let base = sum(xPrefix, t - 2 * year + 1, t - year)
                    let current = sum(xPrefix, t - year + 1, t)
                    if base > 0 {
                        sums.yearBase[t] += base
                        sums.yearCurrent[t] += current
                        sums.yearGrossCurrent[t] += min(base, current)
                    }
                    if sum(ordersPrefix, t - 2 * year + 1, t - year) > 0 {
                        sums.yearBuyersBefore[t] += 1
                        if sum(ordersPrefix, t - year + 1, t) > 0 { sums.yearBuyersRetained[t] += 1 }
                    }
                }
                // Trailing window t−11 ... t.
                let trailingOrders = sum(ordersPrefix, t - trailing + 1, t)
                if trailingOrders >= 1 { sums.trailingBuyers[t] += 1 }
                if trailingOrders >= 2 { sums.trailingRepeatBuyers[t] += 1 }
            }
        }
        return sums
    }

    private static func prefixSums(_ values: [Int64], into prefix: inout [Int64]) {
        prefix.removeAll(keepingCapacity: true)
        prefix.append(0)
        var running: Int64 = 0
        for value in values { running += value; prefix.append(running) }
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
