/// Computes every period KPI of METRICS.md from the customer history.
///
/// Each customer is walked period by period from its cohort to the last period
/// it can still influence (its last activity plus the longest window), on small
/// dense arrays with prefix sums for the windowed KPIs; the walk adds into one
/// accumulator per period. O(Σ over customers of (lifetime + 2 years)).
struct PeriodKPIBuilder {
    let history: CustomerHistory
    let periods: [PeriodInfo]
    /// W, resolved.
    let churnWindow: Int
    let options: AnalysisOptions

    /// The fixed trailing window of the purchase KPIs: periods t−11 ... t.
    static let trailingWindow = 12

    /// Per-period sums, added to by every customer's walk.
    fileprivate struct Accumulators {
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
    fileprivate enum Field: Int, CaseIterable {
        case liveAtEnd, new, reactivated, churned
        case recurringRevenue, revenueNew, expansion, contraction, revenueChurned, reactivation
        case yearBase, yearCurrent, yearGrossCurrent, yearBuyersBefore, yearBuyersRetained
        case trailingBuyers, trailingRepeatBuyers
        case netRevenue, positiveOrders, positiveOrderValue
    }

    /// Walks the customers of one range into fresh accumulators.
    private func sums(of customers: Range<Int>) -> Accumulators {
        let totals = PeriodTotals(periodCount: history.periodCount)
        let series = SeriesBuffer(periodCount: history.periodCount)
        history.withColumns { columns in
            let walk = CustomerWalk(history: history, columns: columns, totals: totals.handle, series: series.handle,
                                    churnWindow: churnWindow, kind: options.period)
            for customer in customers { walk.run(customer) }
        }
        return totals.accumulators()
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

/// Walks one customer period by period from its cohort to the last period it can still
/// influence (its last activity plus the longest window), adding into the period totals:
/// the customer bridge under the churn window, the revenue bridge, the year against the
/// year before, and the trailing window. Plain values; the buffers are owned by the caller.
private struct CustomerWalk {
    typealias Field = PeriodKPIBuilder.Field
    let history: CustomerHistory
    let columns: CustomerHistory.Columns
    let totals: PeriodTotals.Handle
    let series: Series
    let window: Int
    let year: Int
    /// How far after its last activity a customer still moves a KPI.
    let reach: Int

    init(history: CustomerHistory, columns: CustomerHistory.Columns, totals: PeriodTotals.Handle, series: Series, churnWindow: Int,
         kind: PeriodKind) {
        (self.history, self.columns, self.totals, self.series) = (history, columns, totals, series)
        window = churnWindow
        year = kind.periodsPerYear
        reach = max(2 * year - 1, window, PeriodKPIBuilder.trailingWindow - 1)
    }

    /// Everything one customer adds.
    @inline(__always)
    func run(_ customer: Int) {
        let cohort = Int(history.cohort[customer])
        let entries = history.entries(of: customer)
        let end = min(history.periodCount - 1, Int(columns.period[entries.upperBound - 1]) + reach)
        load(entries, cohort: cohort, length: end - cohort + 1)
        var lastActive = Int.min / 2
        var previousX: Int64 = 0
        for t in cohort ... end {
            let local = t - cohort
            addBridges(t, cohort: cohort, x: series.x[local], isActive: series.orders[local] > 0, lastActive: &lastActive, previousX: &previousX)
            if t >= 2 * year - 1 { addYear(t, cohort: cohort) }
            addTrailingWindow(t, cohort: cohort)
        }
    }

    /// Fills the customer's series from its entries and adds its revenue and orders per period.
    @inline(__always)
    private func load(_ entries: Range<Int>, cohort: Int, length: Int) {
        series.clear(length)
        for entry in entries {
            let p = Int(columns.period[entry])
            series.x[p - cohort] = max(0, columns.netRevenue[entry])
            series.orders[p - cohort] = Int64(columns.positiveOrders[entry])
            totals.add(.netRevenue, p, columns.netRevenue[entry])
            totals.add(.positiveOrders, p, Int64(columns.positiveOrders[entry]))
            totals.add(.positiveOrderValue, p, columns.positiveOrderValue[entry])
        }
        series.cumulate(length)
    }

    /// The customer bridge under the churn window, and the revenue bridge (x(t) against x(t−1)).
    @inline(__always)
    private func addBridges(_ t: Int, cohort: Int, x: Int64, isActive: Bool, lastActive: inout Int, previousX: inout Int64) {
        let wasLive = (t - 1) - lastActive < window
        if isActive { lastActive = t }
        let isLive = t - lastActive < window
        if isLive { totals.add(.liveAtEnd, t, 1) }
        if t == cohort { totals.add(.new, t, 1) } else if isActive && !wasLive { totals.add(.reactivated, t, 1) }
        if wasLive && !isLive { totals.add(.churned, t, 1) }
        totals.add(.recurringRevenue, t, x)
        if t == cohort {
            totals.add(.revenueNew, t, x)
        } else if x > 0 && previousX > 0 {
            totals.add(x > previousX ? .expansion : .contraction, t, x - previousX)
        } else if x > 0 {
            totals.add(.reactivation, t, x)
        } else if previousX > 0 {
            totals.add(.revenueChurned, t, -previousX)
        }
        previousX = x
    }

    /// The last year against the year before: NRR 12, GRR 12, CRR 12.
    @inline(__always)
    private func addYear(_ t: Int, cohort: Int) {
        let base = series.revenue(t - 2 * year + 1, t - year, cohort: cohort)
        let current = series.revenue(t - year + 1, t, cohort: cohort)
        if base > 0 {
            totals.add(.yearBase, t, base)
            totals.add(.yearCurrent, t, current)
            totals.add(.yearGrossCurrent, t, min(base, current))
        }
        if series.orderCount(t - 2 * year + 1, t - year, cohort: cohort) > 0 {
            totals.add(.yearBuyersBefore, t, 1)
            if series.orderCount(t - year + 1, t, cohort: cohort) > 0 { totals.add(.yearBuyersRetained, t, 1) }
        }
    }

    /// The trailing window t−11 … t: buyers and repeat buyers.
    @inline(__always)
    private func addTrailingWindow(_ t: Int, cohort: Int) {
        let orders = series.orderCount(t - PeriodKPIBuilder.trailingWindow + 1, t, cohort: cohort)
        if orders >= 1 { totals.add(.trailingBuyers, t, 1) }
        if orders >= 2 { totals.add(.trailingRepeatBuyers, t, 1) }
    }
}

/// The per-period sums of one range of customers: one flat block of `Field`s per period, so
/// that the walk adds without checking arrays. Owns the memory (a class, freed in `deinit`).
private final class PeriodTotals {
    /// The buffer, handed to the walk as a plain value.
    struct Handle {
        let base: UnsafeMutablePointer<Int64>

        @inline(__always)
        func add(_ field: PeriodKPIBuilder.Field, _ t: Int, _ value: Int64) {
            base[t * PeriodKPIBuilder.Field.allCases.count + field.rawValue] += value
        }
    }

    let handle: Handle
    private let count: Int
    private let periodCount: Int

    init(periodCount: Int) {
        self.periodCount = periodCount
        count = periodCount * PeriodKPIBuilder.Field.allCases.count
        handle = Handle(base: .allocate(capacity: max(count, 1)))
        handle.base.initialize(repeating: 0, count: count)
    }

    deinit { handle.base.deallocate() }

    func accumulators() -> PeriodKPIBuilder.Accumulators {
        .init(flat: UnsafeBufferPointer(start: handle.base, count: count), periodCount: periodCount)
    }
}

/// One customer's positive revenue x and positive orders per period from its cohort on, and
/// their prefix sums, over buffers a `SeriesBuffer` owns.
private struct Series {
    let x: UnsafeMutablePointer<Int64>
    let orders: UnsafeMutablePointer<Int64>
    let xPrefix: UnsafeMutablePointer<Int64>
    let ordersPrefix: UnsafeMutablePointer<Int64>

    /// Zero for the first `length` periods.
    @inline(__always)
    func clear(_ length: Int) {
        x.update(repeating: 0, count: length)
        orders.update(repeating: 0, count: length)
    }

    /// The prefix sums of the first `length` periods.
    @inline(__always)
    func cumulate(_ length: Int) {
        xPrefix[0] = 0
        ordersPrefix[0] = 0
        for local in 0 ..< length {
            xPrefix[local + 1] = xPrefix[local] + x[local]
            ordersPrefix[local + 1] = ordersPrefix[local] + orders[local]
        }
    }

    /// Σ x over the periods lo … hi (global indices; periods before the cohort count 0).
    @inline(__always)
    func revenue(_ lo: Int, _ hi: Int, cohort: Int) -> Int64 { sum(xPrefix, lo, hi, cohort) }

    /// Σ positive orders over the periods lo … hi.
    @inline(__always)
    func orderCount(_ lo: Int, _ hi: Int, cohort: Int) -> Int64 { sum(ordersPrefix, lo, hi, cohort) }

    @inline(__always)
    private func sum(_ prefix: UnsafeMutablePointer<Int64>, _ lo: Int, _ hi: Int, _ cohort: Int) -> Int64 {
        let from = max(lo - cohort, 0), to = hi - cohort
        return to < from ? 0 : prefix[to + 1] - prefix[from]
    }
}

/// Owns the memory of a `Series` of `periodCount + 1` entries each (a class, freed in `deinit`).
private final class SeriesBuffer {
    let handle: Series
    private let block: UnsafeMutablePointer<Int64>

    init(periodCount: Int) {
        let stride = periodCount + 1
        block = .allocate(capacity: 4 * stride)
        block.initialize(repeating: 0, count: 4 * stride)
        handle = Series(x: block, orders: block + stride, xPrefix: block + 2 * stride, ordersPrefix: block + 3 * stride)
    }

    deinit { block.deallocate() }
}
