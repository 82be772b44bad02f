/// Each analysed customer's active periods, in compressed sparse rows: the one
/// structure every matrix and KPI is computed from.
///
/// Built in O(rows + customers + periods) from an `OrderTable`: rows are
/// counting-sorted by customer (`CustomerRows`), then each customer's rows are summed
/// per period in dense scratch arrays (`HistoryPart`), a range of customers per core. Order lines sharing an order id are summed per
/// customer to decide whether an order is positive (METRICS.md, "orders").
///
/// Period indices are relative: 0 is the earliest cohort period, `periodCount − 1`
/// the as-of period. Customers without a positive order, and rows before a
/// customer's cohort, are left out and counted in `dataQuality`.
struct CustomerHistory {
    /// P: periods from the earliest cohort to the as-of period.
    let periodCount: Int
    /// Absolute period number (see `PeriodCalendar`) of index 0.
    let firstPeriod: Int
    /// Per analysed customer: its index in the `OrderTable`.
    private(set) var customer: [Int32] = []
    /// Per analysed customer: its cohort (period index).
    private(set) var cohort: [Int32] = []
    /// Per analysed customer i: its entries are `entryStart[i] ..< entryStart[i + 1]`, sorted by period.
    private(set) var entryStart: [Int] = [0]
    /// Per entry: the period index (each appears once per customer).
    private(set) var period: [Int32] = []
    /// Per entry: net sum of the customer's amounts dated in the period.
    private(set) var netRevenue: [Int64] = []
    /// Per entry: the customer's positive orders (total > 0) dated in the period.
    private(set) var positiveOrders: [Int32] = []
    /// Per entry: the sum of those positive orders' totals.
    private(set) var positiveOrderValue: [Int64] = []
    private(set) var dataQuality = DataQuality()
    /// Per analysed customer, its purchase days; nil unless asked for (`collectsPurchases`).
    private(set) var purchases: CustomerPurchases?
    /// Per analysed customer: its first positive order's id, or its table row without an order column (where its segment is read).
    private(set) var firstPositiveKey: [Int32] = []

    var customerCount: Int { cohort.count }

    /// The entries of analysed customer `i`.
    func entries(of i: Int) -> Range<Int> { entryStart[i] ..< entryStart[i + 1] }

    /// Whether the entries are still there (`removeEntries`).
    var hasEntries: Bool { entryStart.count == customerCount + 1 }

    /// Drops every entry (the analysis's largest arrays) and keeps the per-customer columns, for
    /// what reads the customers only from here on (the customer lists and the BG/NBD fit).
    mutating func removeEntries() {
        entryStart = [0]
        period = []
        netRevenue = []
        positiveOrders = []
        positiveOrderValue = []
    }

    /// Builds the history of every customer with a positive order up to `asOfDay`.
    ///
    /// `parts` splits the rows, then the customers, into that many ranges worked on
    /// concurrently (default: one per core for large tables); the result does not depend on it.
    /// `collectsPurchases` also keeps each customer's purchase days (for the customer lists).
    init(table: OrderTable, calendar: PeriodCalendar, asOfDay: Int, collectsPurchases: Bool = false, parts requestedParts: Int? = nil) throws {
        precondition(table.rowCount < Int(Int32.max), "an order table holds fewer than 2^31 rows")
        let parts = max(1, requestedParts ?? ParallelWork.parts(for: table.rowCount))
        let rowRanges = ParallelWork.ranges(table.rowCount, parts: parts)
        let asOf = Int32(clamping: asOfDay)
        let span = table.withColumns { Self.span(of: $0.day, rowRanges: rowRanges, asOf: asOf) }
        guard let earliestDay = span.earliestDay else { throw AnalysisError.noRowsUpToAsOf(asOf: CivilDate(dayNumber: asOfDay)) }
        dataQuality.rowsAfterAsOf = span.rowsAfter

        let basePeriod = calendar.period(containingDay: earliestDay)
        let spanCount = calendar.period(containingDay: asOfDay) - basePeriod + 1
        let periodOfDay = PeriodLookup(calendar: calendar, from: earliestDay, through: asOfDay, base: basePeriod)
        var rows: CustomerRows? = table.withColumns { columns in
            CustomerRows(columns, customerCount: table.customerCount, rowRanges: rowRanges, asOf: asOf)
        }
        var results = Self.parts(of: rows!, periodOfDay: periodOfDay, parts: parts, spanCount: spanCount, hasOrderColumn: table.order != nil,
                                 collectsPurchases: collectsPurchases)
        rows = nil // freed before the parts are joined: the two are the largest arrays here

        let earliestCohort = results.map(\.earliestCohort).min() ?? Int32.max
        guard earliestCohort != Int32.max else { throw AnalysisError.noPositiveOrders }
        firstPeriod = basePeriod + Int(earliestCohort)
        periodCount = spanCount - Int(earliestCohort)
        join(&results, earliestCohort: earliestCohort)
        dataQuality.customersAnalyzed = cohort.count
    }

    /// The history of some of these customers (a segment): the same periods, their entries only.
    /// Purchases are not carried over (customer statuses stay those of the whole population).
    ///
    /// Complexity: O(customers given + their entries).
    init(_ whole: CustomerHistory, customers indices: [Int]) {
        periodCount = whole.periodCount
        firstPeriod = whole.firstPeriod
        let entryCount = indices.reduce(0) { $0 + whole.entries(of: $1).count }
        customer.reserveCapacity(indices.count)
        cohort.reserveCapacity(indices.count)
        firstPositiveKey.reserveCapacity(indices.count)
        entryStart.reserveCapacity(indices.count + 1)
        period.reserveCapacity(entryCount)
        netRevenue.reserveCapacity(entryCount)
        positiveOrders.reserveCapacity(entryCount)
        positiveOrderValue.reserveCapacity(entryCount)
        for index in indices {
            customer.append(whole.customer[index])
            cohort.append(whole.cohort[index])
            firstPositiveKey.append(whole.firstPositiveKey[index])
            let entries = whole.entries(of: index)
            period.append(contentsOf: whole.period[entries])
            netRevenue.append(contentsOf: whole.netRevenue[entries])
            positiveOrders.append(contentsOf: whole.positiveOrders[entries])
            positiveOrderValue.append(contentsOf: whole.positiveOrderValue[entries])
            entryStart.append(period.count)
        }
        dataQuality.customersAnalyzed = indices.count
    }

    /// The earliest day up to the as-of date (nil when there is none), and the rows after it.
    private static func span(of days: UnsafeBufferPointer<Int32>, rowRanges: [Range<Int>], asOf: Int32) -> (earliestDay: Int?, rowsAfter: Int) {
        let scans = ParallelWork.map(rowRanges) { rows -> (earliest: Int32, after: Int) in
            var earliest = Int32.max, after = 0
            for row in rows {
                let day = days[row]
                if day > asOf { after += 1 } else if day < earliest { earliest = day }
            }
            return (earliest, after)
        }
        let earliest = scans.map(\.earliest).min() ?? .max
        return (earliest == .max ? nil : Int(earliest), scans.reduce(0) { $0 + $1.after })
    }

    /// Each range of customers (of about equal rows) summed on its own core.
    private static func parts(of rows: CustomerRows, periodOfDay: PeriodLookup, parts: Int, spanCount: Int, hasOrderColumn: Bool,
                              collectsPurchases: Bool) -> [HistoryPart] {
        let placed = rows.count
        return ParallelWork.map(Array(rows.balancedRanges(parts: parts).enumerated())) { part, customers in
            // The first part's entry arrays become the history's: room for every row's entry.
            HistoryPart(customers: customers, rows: rows, periodOfDay: periodOfDay, spanCount: spanCount, hasOrderColumn: hasOrderColumn,
                        collectsPurchases: collectsPurchases, entryRoom: part == 0 ? placed : nil)
        }
    }

    /// Joins the parts into this history, periods counted from the earliest cohort: the first
    /// part's entry arrays stay where they are, the others are appended to them.
    private mutating func join(_ results: inout [HistoryPart], earliestCohort: Int32) {
        let analysedCount = results.reduce(0) { $0 + $1.cohort.count }
        HugePages.reserve(&customer, count: analysedCount)
        HugePages.reserve(&cohort, count: analysedCount)
        HugePages.reserve(&entryStart, count: analysedCount + 1)
        swap(&period, &results[0].period)
        swap(&netRevenue, &results[0].netRevenue)
        swap(&positiveOrders, &results[0].positiveOrders)
        swap(&positiveOrderValue, &results[0].positiveOrderValue)
        period.withUnsafeMutableBufferPointer { period in
            for entry in period.indices { period[entry] -= earliestCohort }
        }
        for (index, part) in results.enumerated() {
            let offset = index == 0 ? 0 : period.count
            if index > 0 {
                period += part.period.lazy.map { $0 - earliestCohort }
                netRevenue += part.netRevenue
                positiveOrders += part.positiveOrders
                positiveOrderValue += part.positiveOrderValue
            }
            customer += part.customer
            firstPositiveKey += part.firstKey
            cohort += part.cohort.lazy.map { $0 - earliestCohort }
            entryStart += part.entryEnd.lazy.map { $0 + offset }
            dataQuality.add(part.dataQuality)
            if let more = part.purchases {
                if purchases == nil { purchases = more } else { purchases?.append(more) }
            }
        }
    }
}

extension CustomerHistory {
    /// The entry columns as buffers, for the walks over every customer; valid only inside `withColumns`.
    struct Columns {
        let period: UnsafeBufferPointer<Int32>
        let netRevenue: UnsafeBufferPointer<Int64>
        let positiveOrders: UnsafeBufferPointer<Int32>
        let positiveOrderValue: UnsafeBufferPointer<Int64>
    }

    /// `body` with the entry columns as buffers (no copy, no per-access checks).
    func withColumns<Result>(_ body: (Columns) -> Result) -> Result {
        period.withUnsafeBufferPointer { period in
            netRevenue.withUnsafeBufferPointer { netRevenue in
                positiveOrders.withUnsafeBufferPointer { positiveOrders in
                    positiveOrderValue.withUnsafeBufferPointer { positiveOrderValue in
                        body(Columns(period: period, netRevenue: netRevenue, positiveOrders: positiveOrders,
                                     positiveOrderValue: positiveOrderValue))
                    }
                }
            }
        }
    }
}

extension CustomerHistory {
    /// A history from columns assembled elsewhere (`init(aggregates:...)`, in CustomerHistory+Aggregates.swift).
    init(periodCount: Int, firstPeriod: Int, customer: [Int32], cohort: [Int32], entryStart: [Int], period: [Int32], netRevenue: [Int64],
         positiveOrders: [Int32], positiveOrderValue: [Int64], dataQuality: DataQuality, purchases: CustomerPurchases?, firstPositiveKey: [Int32]) {
        self.periodCount = periodCount
        self.firstPeriod = firstPeriod
        self.customer = customer
        self.cohort = cohort
        self.entryStart = entryStart
        self.period = period
        self.netRevenue = netRevenue
        self.positiveOrders = positiveOrders
        self.positiveOrderValue = positiveOrderValue
        self.dataQuality = dataQuality
        self.purchases = purchases
        self.firstPositiveKey = firstPositiveKey
    }
}
