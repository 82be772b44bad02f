import CohortCore
import Dispatch
import Foundation

/// The order lines of a large file, summed per customer, order and day (`OrderReader.readSums`):
/// what cohort keeps of such a file instead of a table of its rows. While the file is read, its
/// lines go to a temporary file in partitions of customers (`SumsSpill`); `aggregates` sums them
/// a group of partitions at a time, so that memory follows the customers and their periods, not the rows.
///
/// Nothing the analysis needs is lost: an order's lines are summed per day (a refund line
/// booked later under the order's id stays a sum of its own, dated by its row), so that an
/// order is still dated by its earliest line, positive by its total up to the as-of date, and
/// revenue booked by row date (METRICS.md, "Input model" and "orders"). Rows without an order
/// id, each an order of its own, are summed per customer, day and sign. Each sum keeps the
/// segment values of its first line.
///
///     let read = try OrderReader(options: options).readSums(sources: ["orders.csv"])!
///     let aggregates = try read.sums.aggregates(period: .month, asOf: nil, collectsPurchases: true)
///     let analysis = try CohortAnalysis(aggregates: aggregates)
///
/// `aggregates` sums them once more, per customer and period, into the form a database returns
/// when the work is pushed down to it; the analysis finishes from there with the same code.
public struct OrderSums: @unchecked Sendable {
    // @unchecked: the spill is a class filled by one reader and only read afterwards.

    /// The lines, in a temporary file in partitions of customers, summed a group of partitions at a time.
    let spill: SumsSpill
    /// The customers, numbered in reading order.
    public let customerCount: Int
    /// Customer index → the customer id as it appeared in the input (trimmed); empty when the ids
    /// were not kept (`OrderReader.keepsCustomerIDs`).
    public let customerIDs: [String]
    /// The earliest and latest order day of any row; nil without rows.
    let days: ClosedRange<Int>?
    /// The segment columns of the orders the file has, their values (`source` is filled by `aggregates`).
    public let segments: [SegmentColumn]
    /// Per column of `segments`, its place among the values each sum keeps.
    let segmentSlots: [Int]
    /// Whether the magnitudes of all amounts add up to at most `Int64.max` minor units.
    public let amountTotalFits: Bool

    /// The latest order day of any row; nil without rows.
    public var latestDay: Int? { days?.upperBound }

    /// The order-day sums (about the orders of the file; never more than its rows), summed once
    /// more from the spill: O(lines).
    public func countSums() throws(IngestError) -> Int {
        var count = 0
        let lines = spill.emptyLines()
        for group in spill.readGroups() {
            try spill.read(group, into: lines)
            lines.forEachCustomer { _, sums in count += sums.count }
        }
        return count
    }
}

extension OrderSums {
    /// The sums per customer and period up to the as-of date (`asOf`, or the latest order's day),
    /// with the purchase days when `collectsPurchases`: the same numbers `CustomerHistory` makes
    /// of the order table of the same rows.
    ///
    /// Per customer, its sums up to the as-of date are taken order by order (reading order within one);
    /// an order's total decides whether it is positive and its earliest day dates it; each sum's
    /// lines and amount count in the period of its own day. The customer's segment values are
    /// those of the first line of its first positive order (earliest day, then first read).
    ///
    /// When the amounts do not fit (`amountTotalFits` false), the sums wrap instead of stopping the
    /// program: the analysis refuses such aggregates anyway.
    ///
    /// The lines are summed from the spill a group of partitions of customers at a time, one group
    /// on each core at once, so that memory follows the groups and the aggregates. Throws when
    /// the spill cannot be read back, or the system has no memory for a group.
    ///
    /// Complexity: O(lines), and per customer a sort of its periods (and of its purchase days).
    public func aggregates(period kind: PeriodKind, asOf: CivilDate?, collectsPurchases: Bool) throws(IngestError) -> CustomerAggregates {
        let span = days ?? 0 ... 0
        let calendar = PeriodLookup(calendar: PeriodCalendar(kind), from: span.lowerBound, through: span.upperBound, base: 0)
        let asOfDay = Int32(clamping: asOf?.dayNumber ?? Int(Int32.max))
        var aggregates = CustomerAggregates(periodKind: kind, asOfDay: asOf?.dayNumber, collectsPurchases: collectsPurchases)
        aggregates.latestDay = latestDay
        aggregates.amountTotalFits = amountTotalFits
        let periods = calendar[Int32(span.lowerBound)] ..< calendar[Int32(span.upperBound)] + 1
        let summing = Summing(segmentSlots: segmentSlots, calendar: calendar, periods: periods, asOfDay: asOfDay,
                              template: aggregates)
        // A group of partitions on each core at a time, taken in turn as a core comes free; each
        // group's part appended in customer order as soon as those before it are.
        let groups = spill.readGroups()
        let queue = PartQueue(count: groups.count, whole: summing.wholePart(customers: customerCount, lines: spill.lineCount)) { (whole: inout Summing.Part, part: Summing.Part) in
            whole.aggregates.append(part.aggregates)
            for column in whole.segmentValues.indices { whole.segmentValues[column] += part.segmentValues[column] }
        }
        let workers = min(max(1, ProcessInfo.processInfo.activeProcessorCount), max(1, groups.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let lines = spill.emptyLines()
            while var taken = queue.next(emptyPart: summing.emptyPart) {
                do throws(IngestError) {
                    try spill.read(groups[taken.number], into: lines)
                    summing.sum(spill.customers(of: groups[taken.number]), of: lines, into: &taken.part)
                    queue.finish(taken.number, taken.part)
                } catch {
                    queue.fail(taken.number, error)
                }
            }
        }
        if let failure = queue.failure { throw failure }
        let whole = queue.takeWhole()
        aggregates = whole.aggregates
        precondition(aggregates.entryStart.count == customerCount + 1, "every customer summed, in order")
        aggregates.customerIDs = customerIDs // the parts left the ids out: customer i is customerIDs[i]
        let segmentValues = whole.segmentValues
        aggregates.segments = zip(segments, segmentValues).map { column, values in
            SegmentColumn(name: column.name, values: column.values, source: .rows(values))
        }
        return aggregates
    }
}

/// Sums a stretch of customers into `CustomerAggregates` (see `OrderSums.aggregates`).
private struct Summing: Sendable {

    /// The aggregates of a stretch of customers, and their segment values (per column, per customer).
    struct Part {
        var aggregates: CustomerAggregates
        var segmentValues: [[Int32]]
    }

    let segmentSlots: [Int]
    let calendar: PeriodLookup
    /// The periods of the days read (`calendar`'s, absolute).
    let periods: Range<Int32>
    let asOfDay: Int32
    /// Empty aggregates with the settings of the result.
    let template: CustomerAggregates

    /// A part without customers.
    var emptyPart: Part { Part(aggregates: template, segmentValues: segmentSlots.map { _ in [] }) }

    /// A part to append all the others to, with room for the most entries there can be (one per
    /// line): only what is written takes memory, and nothing is copied as the arrays grow.
    func wholePart(customers: Int, lines: Int) -> Part {
        var part = emptyPart
        part.aggregates.reserveCapacity(customers: customers, entries: lines)
        return part
    }

    /// Sums the customers of a group of partitions (numbered from `customers.lowerBound` in `lines`) into
    /// `part`, emptied first (its arrays keep their room).
    func sum(_ customers: Range<Int>, of lines: PartitionLines, into part: inout Part) {
        part.aggregates.removeAllCustomers()
        for column in part.segmentValues.indices { part.segmentValues[column].removeAll(keepingCapacity: true) }
        let collectsPurchases = template.purchases != nil
        let none = CustomerAggregates.Purchases.none // a global of another module: a call each time it is read
        var customer = CustomerSums(periods: periods)
        var batch = EntryBatch()
        lines.forEachCustomer { _, sums in
            customer.gather(sums, upTo: asOfDay)
            part.aggregates.rowsAfterAsOf += customer.linesAfter
            customer.sumOrders(calendar: calendar, collectsPurchases: collectsPurchases)
            for (column, slot) in segmentSlots.enumerated() {
                part.segmentValues[column].append(customer.firstPositiveSum.map { sums.segment(slot, rank: Int($0)) } ?? 0)
            }
            var purchases = none
            if collectsPurchases && !customer.dailyTotals.isEmpty {
                purchases = CustomerAggregates.Purchases(dailyTotals: customer.dailyTotals)
                for day in customer.dailyTotals.indices.dropFirst() {
                    part.aggregates.addGap(Int(customer.dailyTotals[day].day - customer.dailyTotals[day - 1].day))
                }
            }
            customer.withEntries { entries in batch.add(entries, purchases: purchases, to: &part.aggregates) }
        }
        batch.append(to: &part.aggregates)
        precondition(part.aggregates.customerCount == customers.count, "every customer of the group summed")
    }
}

/// Customers' entries and purchases gathered to be appended to the aggregates a few thousand
/// entries at a time (`CustomerAggregates.appendCustomers`), not customer by customer. Not
/// copyable: it frees its buffers when it goes.
private struct EntryBatch: ~Copyable {
    /// The most entries, and customers, gathered: 128 KiB of entries.
    static let capacity = 4_096

    private let entries = UnsafeMutablePointer<CustomerAggregates.Entry>.allocate(capacity: capacity)
    private let entryCounts = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
    private let purchases = UnsafeMutablePointer<CustomerAggregates.Purchases>.allocate(capacity: capacity)
    private var entryCount = 0
    private var customerCount = 0

    deinit {
        entries.deallocate()
        entryCounts.deallocate()
        purchases.deallocate()
    }

    /// Gathers a customer after those gathered, appending them to `aggregates` first when it does
    /// not fit (and the customer at once when it alone does not).
    mutating func add(_ customerEntries: UnsafeBufferPointer<CustomerAggregates.Entry>, purchases customerPurchases: CustomerAggregates.Purchases,
                      to aggregates: inout CustomerAggregates) {
        if entryCount + customerEntries.count > Self.capacity || customerCount == Self.capacity { append(to: &aggregates) }
        guard customerEntries.count <= Self.capacity else {
            return aggregates.appendCustomer(entries: customerEntries, purchases: customerPurchases)
        }
        if let first = customerEntries.baseAddress { (entries + entryCount).initialize(from: first, count: customerEntries.count) }
        entryCount += customerEntries.count
        (entryCounts + customerCount).initialize(to: customerEntries.count)
        (purchases + customerCount).initialize(to: customerPurchases)
        customerCount += 1
    }

    /// Appends the customers gathered to `aggregates`, in the order gathered, and starts afresh.
    mutating func append(to aggregates: inout CustomerAggregates) {
        guard customerCount > 0 else { return }
        aggregates.appendCustomers(entries: UnsafeBufferPointer(start: entries, count: entryCount),
                                   entryCounts: UnsafeBufferPointer(start: entryCounts, count: customerCount),
                                   purchases: UnsafeBufferPointer(start: purchases, count: customerCount))
        entryCount = 0
        customerCount = 0
    }
}

/// One customer's sums on their way to `CustomerAggregates` entries; reused from customer to customer.
///
/// The sums and entries are buffers of its own, as long as the most sums of a customer so far,
/// not arrays: an array checks that its storage is not shared (a call into the runtime) each time
/// it is changed or lent as a buffer, which took about 2 % of the CPU time on the sample, several
/// times per customer. Not copyable: it frees its buffers when it goes.
private struct CustomerSums: ~Copyable {
    struct Sum {
        var key: UInt64
        /// Reading order among the customer's sums.
        var rank: Int32
        var day: Int32
        var lines: Int32
        var amount: Int64
    }

    /// The gathered sums: the first `sumCount`.
    private var sums: UnsafeMutablePointer<Sum>
    private var sumCount = 0
    private(set) var linesAfter = 0
    /// Per period, sorted by period: the first `entryCount`.
    private var entries: UnsafeMutablePointer<CustomerAggregates.Entry>
    /// Room to sort `entries` into (`Periods.sort`), as long.
    private var sortedEntries: UnsafeMutablePointer<CustomerAggregates.Entry>
    private var entryCount = 0
    /// Room in `sums`, `entries` and `sortedEntries`: a customer has at most one entry per sum.
    private var capacity = 0
    /// Per period from `firstPeriod` on, its entry + 1 among the customer's being summed (0: none).
    /// The days read lie from 1900 to 2199 at most (`ReadLimits`): 15,700 weeks, 62 KiB.
    private let entryOfPeriod: UnsafeMutableBufferPointer<Int32>
    private let firstPeriod: Int32
    /// The positive orders summed per day, sorted by day (with `collectsPurchases`).
    private(set) var dailyTotals: [(day: Int32, total: Int64)] = []
    /// The rank of the first sum of the first positive order (earliest day, then first read); nil without one.
    private(set) var firstPositiveSum: Int32?

    /// Sums for customers whose days fall in `periods`.
    init(periods: Range<Int32>) {
        firstPeriod = periods.lowerBound
        entryOfPeriod = .allocate(capacity: periods.count)
        entryOfPeriod.initialize(repeating: 0)
        sums = .allocate(capacity: 0)
        entries = .allocate(capacity: 0)
        sortedEntries = .allocate(capacity: 0)
    }

    deinit {
        entryOfPeriod.deallocate()
        sums.deallocate()
        entries.deallocate()
        sortedEntries.deallocate()
    }

    /// Takes the customer's sums up to the as-of day, those of one order one after the other, and
    /// counts the lines after it.
    mutating func gather(_ customer: PartitionLines.Sums, upTo asOfDay: Int32) {
        if customer.count > capacity {
            capacity = max(customer.count, 2 * capacity)
            sums = sums.replaced(capacity: capacity)
            entries = entries.replaced(capacity: capacity)
            sortedEntries = sortedEntries.replaced(capacity: capacity)
        }
        var count = 0, after = 0
        let sums = sums
        customer.forEachByOrder { rank, sum in
            guard sum.day <= asOfDay else {
                after += Int(sum.lines)
                return
            }
            sums[count] = Sum(key: sum.key, rank: Int32(rank), day: sum.day, lines: sum.lines, amount: sum.amount)
            count += 1
        }
        sumCount = count
        linesAfter = after
    }

    /// Calls `body` with the entries summed last (sorted by period).
    func withEntries<Result>(_ body: (UnsafeBufferPointer<CustomerAggregates.Entry>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: entries, count: entryCount))
    }

    /// Sums the gathered sums per order, then per period (and per day for purchases). The orders
    /// may come in any order: what is summed per period and per day does not depend on it, and
    /// the first positive order is the least (day, rank).
    mutating func sumOrders(calendar: PeriodLookup, collectsPurchases: Bool) {
        if !dailyTotals.isEmpty { dailyTotals.removeAll(keepingCapacity: true) }
        firstPositiveSum = nil
        var first: (day: Int32, rank: Int32) = (.max, .max)
        let sums = UnsafeBufferPointer(start: sums, count: sumCount)
        let entries = UnsafeMutableBufferPointer(start: entries, count: sumCount)
        var periods = Periods(entryOfPeriod: entryOfPeriod, firstPeriod: firstPeriod)
        var start = 0
        while start < sums.count {
            let head = sums[start]
            var end = start + 1
            while end < sums.count && sums[end].key == head.key { end += 1 }
            if OrderKey(rawValue: head.key).isSingle {
                // Rows without an order id, per day: each line an order of its own, all of one sign.
                for index in start ..< end {
                    let sum = sums[index]
                    let entry = periods.add(sum, to: entries, calendar: calendar)
                    guard sum.amount > 0 else { continue }
                    Self.addOrders(sum.lines, total: sum.amount, day: sum.day, to: &entries[entry], dailyTotals: &dailyTotals, collectsPurchases: collectsPurchases)
                    if (sum.day, sum.rank) < first { first = (sum.day, sum.rank) }
                }
            } else {
                // One order: positive by its total, dated by its earliest line, read first where its first line was.
                var total: Int64 = 0, day = Int32.max, dayEntry = 0
                for index in start ..< end {
                    let sum = sums[index]
                    let entry = periods.add(sum, to: entries, calendar: calendar)
                    total &+= sum.amount
                    if sum.day < day { (day, dayEntry) = (sum.day, entry) }
                }
                if total > 0 {
                    Self.addOrders(1, total: total, day: day, to: &entries[dayEntry], dailyTotals: &dailyTotals, collectsPurchases: collectsPurchases)
                    if (day, head.rank) < first { first = (day, head.rank) }
                }
            }
            start = end
        }
        periods.sort(entries, using: UnsafeMutableBufferPointer(start: sortedEntries, count: sumCount))
        entryCount = periods.count
        if first.rank != .max { firstPositiveSum = first.rank }
        if collectsPurchases { Self.mergeDays(&dailyTotals) }
    }

    /// Counts `count` positive orders of `total` in all, dated `day`, in `entry`, the entry of the
    /// period of `day` (and the day's total in `dailyTotals`, when purchases are collected).
    @inline(__always)
    private static func addOrders(_ count: Int32, total: Int64, day: Int32, to entry: inout CustomerAggregates.Entry,
                                  dailyTotals: inout [(day: Int32, total: Int64)], collectsPurchases: Bool) {
        entry.positiveOrders &+= count
        entry.positiveOrderValue &+= total
        if collectsPurchases { dailyTotals.append((day, total)) }
    }

    /// The entries of one customer's periods as they are added, in a buffer with room for all.
    /// (The calendar is passed to each call, not kept: a copy would retain its table per customer.)
    private struct Periods {
        /// Entries in use.
        private(set) var count = 0
        /// Per period from `firstPeriod` on, its entry + 1 (0: none yet).
        let entryOfPeriod: UnsafeMutableBufferPointer<Int32>
        let firstPeriod: Int32
        /// The least and greatest slot of `entryOfPeriod` in use.
        private(set) var lowest = Int.max, highest = -1

        /// Books a sum's lines and amount in the entry of its day's period; returns that entry.
        @inline(__always)
        mutating func add(_ sum: Sum, to entries: UnsafeMutableBufferPointer<CustomerAggregates.Entry>, calendar: PeriodLookup) -> Int {
            let index = entry(for: calendar[sum.day], in: entries)
            entries[index].rows &+= sum.lines
            entries[index].netRevenue &+= sum.amount
            return index
        }

        /// The entry of `period`, added when new: looked up by period. (A scan of the customer's
        /// entries, after a look at the one found last, took a tenth more of the summing on the
        /// sample, where a customer's orders fall in random months, and a fifth more by week.)
        @inline(__always)
        private mutating func entry(for period: Int32, in entries: UnsafeMutableBufferPointer<CustomerAggregates.Entry>) -> Int {
            let slot = Int(period - firstPeriod)
            precondition(slot >= 0 && slot < entryOfPeriod.count, "a day of the days read")
            if entryOfPeriod[slot] > 0 { return Int(entryOfPeriod[slot]) - 1 }
            entries[count] = CustomerAggregates.Entry(period: period, rows: 0, netRevenue: 0, positiveOrders: 0, positiveOrderValue: 0)
            count += 1
            entryOfPeriod[slot] = Int32(count)
            lowest = min(lowest, slot)
            highest = max(highest, slot)
            return count - 1
        }

        /// Sorts the entries by period and clears their periods from `entryOfPeriod`, for the next
        /// customer. Where the periods lie close together (at most 4 slots of `entryOfPeriod` per
        /// entry), they are taken in order from there into `sorted` and copied back; else sorted by
        /// insertion. (Insertion took a third of the summing per order on order lines by month,
        /// 18 periods or so a customer, with its moves of whole entries.)
        func sort(_ entries: UnsafeMutableBufferPointer<CustomerAggregates.Entry>,
                  using sorted: UnsafeMutableBufferPointer<CustomerAggregates.Entry>) {
            guard count > 8 && highest - lowest < 4 * count else {
                for entry in entries[..<count] { entryOfPeriod[Int(entry.period - firstPeriod)] = 0 }
                // A customer's few periods: by insertion, without a closure call per comparison.
                UnsafeMutableBufferPointer(rebasing: entries[..<count]).sortFew(by: { $0.period })
                return
            }
            var taken = 0
            for slot in lowest ... highest where entryOfPeriod[slot] > 0 {
                sorted[taken] = entries[Int(entryOfPeriod[slot]) - 1]
                entryOfPeriod[slot] = 0
                taken += 1
            }
            precondition(taken == count, "every entry's period in entryOfPeriod")
            entries.baseAddress!.update(from: sorted.baseAddress!, count: count)
        }
    }

    /// Daily totals sorted by day, one per day.
    private static func mergeDays(_ dailyTotals: inout [(day: Int32, total: Int64)]) {
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
