/// Orders already summed per customer and period, as a database returns them when the work is
/// pushed down to it: the input `CustomerHistory` is built from instead of an `OrderTable`.
///
/// One entry per customer and period in which the customer has rows up to the as-of date,
/// before its cohort too (so that the data-quality counts come out as for files), in compressed
/// sparse rows: customer `i`'s entries are `entryStart[i] ..< entryStart[i + 1]`, sorted by period.
/// Customers without a positive order are here as well, with `positiveOrders` 0 throughout.
///
///     var aggregates = CustomerAggregates(periodKind: .month, asOfDay: nil)
///     aggregates.appendCustomer(id: "C001", entries: [
///         .init(period: 2026 * 12 + 0, rows: 2, netRevenue: 120_00, positiveOrders: 1, positiveOrderValue: 120_00),
///     ])
///     aggregates.latestDay = CivilDate(year: 2026, month: 1, day: 9)!.dayNumber
///     let analysis = try CohortAnalysis(aggregates: aggregates)
///
/// The numbers follow docs/METRICS.md exactly as `CustomerHistory` sums an order table: net revenue
/// by row date, orders (lines sharing an order id) dated by their earliest line and positive when
/// their total is above 0, purchase days as days with positive orders (a day's orders summed).
public struct CustomerAggregates: Sendable, Equatable {
    /// One customer's sums in one period.
    public struct Entry: Sendable, Equatable {
        /// Absolute period number (`PeriodCalendar.period(containingDay:)`).
        public var period: Int32
        /// The customer's rows dated in the period.
        public var rows: Int32
        /// Net sum of those rows' amounts, minor units.
        public var netRevenue: Int64
        /// Positive orders (total > 0) dated in the period.
        public var positiveOrders: Int32
        /// The sum of their totals, minor units.
        public var positiveOrderValue: Int64

        public init(period: Int32, rows: Int32, netRevenue: Int64, positiveOrders: Int32, positiveOrderValue: Int64) {
            self.period = period
            self.rows = rows
            self.netRevenue = netRevenue
            self.positiveOrders = positiveOrders
            self.positiveOrderValue = positiveOrderValue
        }
    }

    /// One customer's purchase days (days with positive orders, a day's orders summed) up to the as-of date.
    public struct Purchases: Sendable, Equatable {
        public var firstDay: Int32
        public var lastDay: Int32
        /// How many days the customer bought on (0 for a customer without a positive order).
        public var days: Int32
        /// The sum of the daily totals after the first day, minor units.
        public var repeatValue: Int64
        /// The median of the gaps in days between consecutive purchase days; nil with fewer than 3 days.
        public var medianGap: Double?

        public init(firstDay: Int32, lastDay: Int32, days: Int32, repeatValue: Int64, medianGap: Double?) {
            self.firstDay = firstDay
            self.lastDay = lastDay
            self.days = days
            self.repeatValue = repeatValue
            self.medianGap = medianGap
        }

        /// A customer who never bought.
        public static let none = Purchases(firstDay: 0, lastDay: 0, days: 0, repeatValue: 0, medianGap: nil)

        /// The purchases of a customer's daily totals of positive orders (`days`: at least one,
        /// sorted by day, one entry per day), as `CustomerPurchases` makes them from an order table.
        public init(dailyTotals days: [(day: Int32, total: Int64)]) {
            precondition(!days.isEmpty, "a customer who bought has a purchase day")
            var repeats: Int64 = 0
            var gaps: [Int] = []
            for index in days.indices.dropFirst() {
                repeats &+= days[index].total // wraps only where the amounts do not fit, which the analysis refuses
                gaps.append(Int(days[index].day - days[index - 1].day))
            }
            self.init(firstDay: days[0].day, lastDay: days[days.count - 1].day, days: Int32(days.count), repeatValue: repeats,
                      medianGap: days.count >= 3 ? CustomerPurchases.median(of: &gaps) : nil)
        }
    }

    /// The period kind the entries were summed by.
    public var periodKind: PeriodKind
    /// The as-of day the sums stop at (later rows left out, counted in `rowsAfterAsOf`); nil when
    /// nothing was cut, so that the as-of date can be the latest order's.
    public var asOfDay: Int?
    /// Customer index → customer id; ties in ranked lists follow this order. Empty when the ids
    /// were not kept because nothing made of these aggregates names a customer (a matrix or the
    /// KPIs of a large file, `OrderReader.keepsCustomerIDs`); `customerCount` counts them either way.
    public var customerIDs: [String] = []
    /// Per customer i: its entries are `entryStart[i] ..< entryStart[i + 1]`.
    public var entryStart: [Int] = [0]
    /// Per entry (see `Entry`).
    public var period: [Int32] = []
    public var rows: [Int32] = []
    public var netRevenue: [Int64] = []
    public var positiveOrders: [Int32] = []
    public var positiveOrderValue: [Int64] = []
    /// Per customer, its purchase days; nil when they were not summed (a matrix needs none).
    public var purchases: [Purchases]?
    /// `gapCounts[g]`: repeat purchases g days after the purchase day before, over every customer.
    public var gapCounts: [Int] = []
    /// The latest order day of any row, after the as-of day too; nil without rows.
    public var latestDay: Int?
    /// Rows dated after `asOfDay`.
    public var rowsAfterAsOf = 0
    /// The attributes to split customers by (`--segment-by`), each customer's value on its first
    /// positive order resolved by the database: `.rows` sources with one "row" per customer (index
    /// i is customer i), read by `SegmentBuilder` as a table's rows are.
    public var segments: [SegmentColumn] = []

    /// Whether the magnitudes of all amounts summed here add up to at most `Int64.max` minor units
    /// (see `OrderTable.amountTotalFits`); false refuses the analysis (`AnalysisError.amountTotalTooLarge`).
    public var amountTotalFits = true

    public init(periodKind: PeriodKind, asOfDay: Int?, collectsPurchases: Bool = false) {
        self.periodKind = periodKind
        self.asOfDay = asOfDay
        purchases = collectsPurchases ? [] : nil
    }

    public var customerCount: Int { entryStart.count - 1 }
    public var entryCount: Int { period.count }

    /// The entries of customer `i`.
    public func entries(of i: Int) -> Range<Int> { entryStart[i] ..< entryStart[i + 1] }

    /// Appends a customer with its entries (sorted by period) and, when collected, its purchases.
    public mutating func appendCustomer(id: String, entries: [Entry], purchases customerPurchases: Purchases = .none) {
        customerIDs.append(id)
        entries.withUnsafeBufferPointer { appendCustomer(entries: $0, purchases: customerPurchases) }
    }

    /// Appends a customer's entries and purchases, as `appendCustomer(id:...)` does, without its
    /// id: for aggregates made in parts whose ids are all known beforehand. `customerIDs` is then
    /// set whole once every customer is appended (one id per `entryStart` range), so that millions
    /// of ids are not copied from part to part.
    public mutating func appendCustomer(entries: UnsafeBufferPointer<Entry>, purchases customerPurchases: Purchases = .none) {
        var count = entries.count
        var customerPurchases = customerPurchases
        withUnsafePointer(to: &count) { count in
            withUnsafePointer(to: &customerPurchases) { purchases in
                appendCustomers(entries: entries, entryCounts: UnsafeBufferPointer(start: count, count: 1),
                                purchases: UnsafeBufferPointer(start: purchases, count: 1))
            }
        }
    }

    /// Appends customers, as `appendCustomer(entries:purchases:)` does one after the other, whose
    /// entries follow one another in `entries`: the k-th has the next `entryCounts[k]` of them and
    /// `purchases[k]` (kept when purchases are collected). Each column is written in one pass:
    /// an append per entry and column checks each time that the array's storage is not shared,
    /// which took 1 % of the CPU time on the sample's million customers, and the appends 2 %.
    public mutating func appendCustomers(entries: UnsafeBufferPointer<Entry>, entryCounts: UnsafeBufferPointer<Int>,
                                         purchases customerPurchases: UnsafeBufferPointer<Purchases>) {
        precondition(customerPurchases.count == entryCounts.count, "purchases for each customer")
        Self.append(entries, to: &period) { $0.period }
        Self.append(entries, to: &rows) { $0.rows }
        Self.append(entries, to: &netRevenue) { $0.netRevenue }
        Self.append(entries, to: &positiveOrders) { $0.positiveOrders }
        Self.append(entries, to: &positiveOrderValue) { $0.positiveOrderValue }
        let first = entryStart.count
        var end = entryStart[first - 1]
        entryStart.append(contentsOf: repeatElement(0, count: entryCounts.count))
        entryStart.withUnsafeMutableBufferPointer { entryStart in
            for (customer, count) in entryCounts.enumerated() {
                end += count
                entryStart[first + customer] = end
            }
        }
        precondition(end == period.count, "the entry counts add up to the entries")
        purchases?.append(contentsOf: customerPurchases)
    }

    /// Appends one value of each entry to `column`: room made at once, then written in a loop.
    @inline(__always)
    private static func append<Value: FixedWidthInteger>(_ entries: UnsafeBufferPointer<Entry>, to column: inout [Value],
                                                          _ value: (Entry) -> Value) {
        let first = column.count
        column.append(contentsOf: repeatElement(0, count: entries.count))
        column.withUnsafeMutableBufferPointer { column in
            for (index, entry) in entries.enumerated() { column[first + index] = value(entry) }
        }
    }

    /// Removes every customer, with their entries, purchases, gaps and rows after the as-of day;
    /// the arrays keep their room.
    public mutating func removeAllCustomers() {
        customerIDs.removeAll(keepingCapacity: true)
        entryStart.removeAll(keepingCapacity: true)
        entryStart.append(0)
        period.removeAll(keepingCapacity: true)
        rows.removeAll(keepingCapacity: true)
        positiveOrders.removeAll(keepingCapacity: true)
        netRevenue.removeAll(keepingCapacity: true)
        positiveOrderValue.removeAll(keepingCapacity: true)
        purchases?.removeAll(keepingCapacity: true)
        gapCounts.removeAll(keepingCapacity: true)
        rowsAfterAsOf = 0
    }

    /// Makes room for `customers` more customers and `entries` more entries.
    /// Large room is advised onto huge pages (`HugePages`): a large file's aggregates are appended
    /// part by part into room reserved for one entry per line, and with 4 KiB pages the faults and
    /// zeroing of the pages written first took 1.1 % of the CPU samples on the sample's 10M rows
    /// (0.75 % with huge pages).
    public mutating func reserveCapacity(customers: Int, entries: Int) {
        customerIDs.reserveCapacity(customerIDs.count + customers)
        HugePages.reserve(&entryStart, count: entryStart.count + customers)
        let customerCapacity = customerCount + customers
        purchases?.reserveCapacity(customerCapacity)
        let entryCapacity = entryCount + entries
        HugePages.reserve(&period, count: entryCapacity)
        HugePages.reserve(&rows, count: entryCapacity)
        HugePages.reserve(&positiveOrders, count: entryCapacity)
        HugePages.reserve(&netRevenue, count: entryCapacity)
        HugePages.reserve(&positiveOrderValue, count: entryCapacity)
    }

    /// Appends the customers of `other` (summed the same way) after these, with their entries,
    /// purchases, gaps and rows after the as-of day; the segments of `other` are left out.
    public mutating func append(_ other: CustomerAggregates) {
        precondition(other.periodKind == periodKind && other.asOfDay == asOfDay && (other.purchases == nil) == (purchases == nil),
                     "aggregates summed the same way")
        let base = entryCount
        customerIDs += other.customerIDs
        entryStart += other.entryStart.dropFirst().lazy.map { $0 + base }
        period += other.period
        rows += other.rows
        netRevenue += other.netRevenue
        positiveOrders += other.positiveOrders
        positiveOrderValue += other.positiveOrderValue
        if let theirs = other.purchases { purchases? += theirs }
        for (gap, count) in other.gapCounts.enumerated() where count > 0 { addGap(gap, count: count) }
        rowsAfterAsOf += other.rowsAfterAsOf
    }

    /// Counts `count` repeat purchases `gap` days after the purchase day before.
    public mutating func addGap(_ gap: Int, count: Int = 1) {
        precondition(gap >= 0, "a gap between purchase days is not negative")
        if gap >= gapCounts.count { gapCounts.append(contentsOf: repeatElement(0, count: gap + 1 - gapCounts.count)) }
        gapCounts[gap] += count
    }
}
