import CohortCore

/// The order lines of a file summed per customer, order and day while it was read
/// (`OrderReader.readSums`): what cohort keeps of a large file instead of its rows, so that
/// memory follows the orders and customers, not the rows.
///
/// Nothing the analysis needs is lost: an order's lines are summed per day (a refund line
/// booked later under the order's id stays a sum of its own, dated by its row), so that an
/// order is still dated by its earliest line, positive by its total up to the as-of date, and
/// revenue booked by row date (METRICS.md, "Input model" and "orders"). Rows without an order
/// id, each an order of its own, are summed per customer, day and sign. Each sum keeps the
/// segment values of its first line.
///
///     let read = try OrderReader(options: options).readSums(sources: ["orders.csv"])!
///     let aggregates = read.sums.aggregates(period: .month, asOf: nil, collectsPurchases: true)
///     let analysis = try CohortAnalysis(aggregates: aggregates)
///
/// `aggregates` sums them once more, per customer and period, into the form a database returns
/// when the work is pushed down to it; the analysis finishes from there with the same code.
public struct OrderSums: @unchecked Sendable {
    // @unchecked: `lists` is a class filled by one reader and only read afterwards.

    let lists: OrderDayLists
    /// Customer index → the customer id as it appeared in the input (trimmed), in reading order.
    public let customerIDs: [String]
    /// The earliest and latest order day of any row; nil without rows.
    let days: ClosedRange<Int>?
    /// The segment columns of the orders the file has, their values (`source` is filled by `aggregates`).
    public let segments: [SegmentColumn]
    /// Per column of `segments`, its place among the values each sum keeps.
    let segmentSlots: [Int]
    /// Whether the magnitudes of all amounts add up to at most `Int64.max` minor units.
    public let amountTotalFits: Bool

    public var customerCount: Int { customerIDs.count }

    /// The latest order day of any row; nil without rows.
    public var latestDay: Int? { days?.upperBound }

    /// The order-day sums kept (about the orders of the file; never more than its rows).
    public var sumCount: Int { lists.recordCount }
}

extension OrderSums {
    /// The sums per customer and period up to the as-of date (`asOf`, or the latest order's day),
    /// with the purchase days when `collectsPurchases`: the same numbers `CustomerHistory` makes
    /// of the order table of the same rows.
    ///
    /// Per customer, its sums up to the as-of date are sorted by order (reading order within one);
    /// an order's total decides whether it is positive and its earliest day dates it; each sum's
    /// lines and amount count in the period of its own day. The customer's segment values are
    /// those of the first line of its first positive order (earliest day, then first read).
    ///
    /// When the amounts do not fit (`amountTotalFits` false), the sums wrap instead of stopping the
    /// program: the analysis refuses such aggregates anyway.
    ///
    /// With `releasing`, the sums of each 65,536 customers are given back once summed, so that the
    /// sums and the aggregates are not both in memory: the sums are empty afterwards (call once).
    ///
    /// Complexity: O(sums × log(sums of a customer)).
    public func aggregates(period kind: PeriodKind, asOf: CivilDate?, collectsPurchases: Bool, releasing: Bool = false) -> CustomerAggregates {
        let span = days ?? 0 ... 0
        let calendar = PeriodLookup(calendar: PeriodCalendar(kind), from: span.lowerBound, through: span.upperBound, base: 0)
        let asOfDay = Int32(clamping: asOf?.dayNumber ?? Int(Int32.max))
        var aggregates = CustomerAggregates(periodKind: kind, asOfDay: asOf?.dayNumber, collectsPurchases: collectsPurchases)
        aggregates.latestDay = latestDay
        aggregates.amountTotalFits = amountTotalFits
        aggregates.customerIDs.reserveCapacity(customerCount)
        var segmentValues = segments.map { _ in [Int32](repeating: 0, count: customerCount) }
        var customer = CustomerSums()
        for index in 0 ..< customerCount {
            if releasing && index & 0xFFFF == 0 { lists.release(upTo: index) }
            customer.gather(index, of: lists, upTo: asOfDay)
            aggregates.rowsAfterAsOf += customer.linesAfter
            customer.sumOrders(calendar: calendar, collectsPurchases: collectsPurchases)
            if let first = customer.firstPositiveSum {
                for (column, slot) in segmentSlots.enumerated() {
                    segmentValues[column][index] = lists.segment(slot, of: index, rank: Int(first))
                }
            }
            var purchases = CustomerAggregates.Purchases.none
            if collectsPurchases && !customer.dailyTotals.isEmpty {
                purchases = CustomerAggregates.Purchases(dailyTotals: customer.dailyTotals)
                for day in customer.dailyTotals.indices.dropFirst() {
                    aggregates.addGap(Int(customer.dailyTotals[day].day - customer.dailyTotals[day - 1].day))
                }
            }
            aggregates.appendCustomer(id: customerIDs[index], entries: customer.entries, purchases: purchases)
        }
        if releasing { lists.release(upTo: Int.max) }
        aggregates.segments = zip(segments, segmentValues).map { column, values in
            SegmentColumn(name: column.name, values: column.values, source: .rows(values))
        }
        return aggregates
    }
}

/// One customer's sums on their way to `CustomerAggregates` entries; reused from customer to customer.
private struct CustomerSums {
    struct Sum {
        var key: UInt64
        /// Reading order among the customer's sums.
        var rank: Int32
        var day: Int32
        var lines: Int32
        var amount: Int64
    }

    private(set) var sums: [Sum] = []
    private(set) var linesAfter = 0
    /// Per period, sorted by period.
    private(set) var entries: [CustomerAggregates.Entry] = []
    /// The positive orders summed per day, sorted by day (with `collectsPurchases`).
    private(set) var dailyTotals: [(day: Int32, total: Int64)] = []
    /// The rank of the first sum of the first positive order (earliest day, then first read); nil without one.
    private(set) var firstPositiveSum: Int32?

    /// Takes the sums up to the as-of day, and counts the lines after it.
    mutating func gather(_ customer: Int, of lists: OrderDayLists, upTo asOfDay: Int32) {
        sums.removeAll(keepingCapacity: true)
        linesAfter = 0
        lists.forEachSum(of: customer) { rank, sum in
            guard sum.day <= asOfDay else {
                linesAfter += Int(sum.lines)
                return
            }
            sums.append(Sum(key: sum.key, rank: Int32(rank), day: sum.day, lines: sum.lines, amount: sum.amount))
        }
    }

    /// Sums the gathered sums per order, then per period (and per day for purchases).
    mutating func sumOrders(calendar: PeriodLookup, collectsPurchases: Bool) {
        entries.removeAll(keepingCapacity: true)
        dailyTotals.removeAll(keepingCapacity: true)
        firstPositiveSum = nil
        sums.sort { $0.key != $1.key ? $0.key < $1.key : $0.rank < $1.rank }
        var first: (day: Int32, rank: Int32) = (.max, .max)
        var start = 0
        while start < sums.count {
            let head = sums[start]
            var end = start + 1
            while end < sums.count && sums[end].key == head.key { end += 1 }
            if OrderKey(rawValue: head.key).isSingle {
                // Rows without an order id, per day: each line an order of its own, all of one sign.
                for sum in sums[start ..< end] {
                    add(sum, calendar: calendar)
                    guard sum.amount > 0 else { continue }
                    addOrders(sum.lines, total: sum.amount, day: sum.day, calendar: calendar, collectsPurchases: collectsPurchases)
                    if (sum.day, sum.rank) < first { first = (sum.day, sum.rank) }
                }
            } else {
                // One order: positive by its total, dated by its earliest line, read first where its first line was.
                var total: Int64 = 0, day = Int32.max
                for sum in sums[start ..< end] {
                    add(sum, calendar: calendar)
                    total &+= sum.amount
                    day = min(day, sum.day)
                }
                if total > 0 {
                    addOrders(1, total: total, day: day, calendar: calendar, collectsPurchases: collectsPurchases)
                    if (day, head.rank) < first { first = (day, head.rank) }
                }
            }
            start = end
        }
        if first.rank != .max { firstPositiveSum = first.rank }
        entries.sort { $0.period < $1.period }
        if collectsPurchases { mergeDays() }
    }

    /// Books a sum's lines and amount in the period of its day.
    private mutating func add(_ sum: Sum, calendar: PeriodLookup) {
        let index = entryIndex(for: sum.day, calendar: calendar)
        entries[index].rows &+= sum.lines
        entries[index].netRevenue &+= sum.amount
    }

    /// Counts `count` positive orders of `total` in all, dated `day`.
    private mutating func addOrders(_ count: Int32, total: Int64, day: Int32, calendar: PeriodLookup, collectsPurchases: Bool) {
        let index = entryIndex(for: day, calendar: calendar)
        entries[index].positiveOrders &+= count
        entries[index].positiveOrderValue &+= total
        if collectsPurchases { dailyTotals.append((day, total)) }
    }

    /// The entry of the period of `day`, added when new (a customer has a few periods: found by a scan).
    private mutating func entryIndex(for day: Int32, calendar: PeriodLookup) -> Int {
        let period = calendar[day]
        if let index = entries.lastIndex(where: { $0.period == period }) { return index }
        entries.append(CustomerAggregates.Entry(period: period, rows: 0, netRevenue: 0, positiveOrders: 0, positiveOrderValue: 0))
        return entries.count - 1
    }

    /// Daily totals sorted by day, one per day.
    private mutating func mergeDays() {
        dailyTotals.sort { $0.day < $1.day }
        var merged = 0
        for index in dailyTotals.indices {
            if merged > 0 && dailyTotals[merged - 1].day == dailyTotals[index].day {
                dailyTotals[merged - 1].total &+= dailyTotals[index].total
            } else {
                dailyTotals[merged] = dailyTotals[index]
                merged += 1
            }
        }
        dailyTotals.removeSubrange(merged...)
    }
}
