/// Each analysed customer's active periods, in compressed sparse rows: the one
/// structure every matrix and KPI is computed from.
///
/// Built in O(rows + customers + periods) from an `OrderTable`: rows are
/// counting-sorted by customer, then each customer's rows are summed per period
/// in dense scratch arrays. Order lines sharing an order id are summed per
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

    var customerCount: Int { cohort.count }

    /// The entries of analysed customer `i`.
    func entries(of i: Int) -> Range<Int> { entryStart[i] ..< entryStart[i + 1] }

    /// Builds the history of every customer with a positive order up to `asOfDay`.
    ///
    /// `parts` splits the rows, then the customers, into that many ranges worked on
    /// concurrently (default: one per core for large tables); the result does not depend on it.
    init(table: OrderTable, calendar: PeriodCalendar, asOfDay: Int, parts requestedParts: Int? = nil) throws {
        let rowCount = table.rowCount
        precondition(rowCount < Int(Int32.max), "an order table holds fewer than 2^31 rows")
        let parts = max(1, requestedParts ?? ParallelWork.parts(for: rowCount))
        let rowRanges = ParallelWork.ranges(rowCount, parts: parts)
        let customerCount = table.customerCount
        let asOf = Int32(clamping: asOfDay)

        // The earliest date up to the as-of date, and the rows after it.
        let scans = table.day.withUnsafeBufferPointer { days in
            ParallelWork.map(rowRanges) { rows -> (earliest: Int, after: Int) in
                var earliest = Int32.max, after = 0
                for row in rows {
                    let day = days[row]
                    if day > asOf { after += 1 } else if day < earliest { earliest = day }
                }
                return (earliest == .max ? Int.max : Int(earliest), after)
            }
        }
        let earliestDay = scans.map(\.earliest).min() ?? Int.max
        guard earliestDay != Int.max else { throw AnalysisError.noRowsUpToAsOf(asOf: CivilDate(dayNumber: asOfDay)) }
        dataQuality.rowsAfterAsOf = scans.reduce(0) { $0 + $1.after }

        let basePeriod = calendar.period(containingDay: earliestDay)
        let spanCount = calendar.period(containingDay: asOfDay) - basePeriod + 1
        let periodOfDay = PeriodLookup(calendar: calendar, from: earliestDay, through: asOfDay, base: basePeriod)

        // Counting sort of the rows up to the as-of date by customer, each part counting and
        // placing its own rows (part 0's rows of a customer first): the rows are copied, as
        // (order, period, amount), so that each customer's rows lie side by side.
        let cursors = UnsafeMutableBufferPointer<Int32>.allocate(capacity: parts * customerCount)
        cursors.initialize(repeating: 0)
        defer { cursors.deallocate() }
        table.customer.withUnsafeBufferPointer { customers in
            table.day.withUnsafeBufferPointer { days in
                ParallelWork.forEach(parts) { part in
                    let count = cursors.baseAddress! + part * customerCount
                    for row in rowRanges[part] where days[row] <= asOf { count[Int(customers[row])] += 1 }
                }
            }
        }
        var rowStart = [Int](repeating: 0, count: customerCount + 1)
        var placed = 0
        rowStart.withUnsafeMutableBufferPointer { rowStart in
            for customer in 0 ..< customerCount {
                rowStart[customer] = placed
                for part in 0 ..< parts {
                    let count = Int(cursors[part * customerCount + customer])
                    cursors[part * customerCount + customer] = Int32(placed)
                    placed += count
                }
            }
            rowStart[customerCount] = placed
        }
        let rows = UnsafeMutableBufferPointer<CustomerRow>.allocate(capacity: max(placed, 1))
        HugePages.advise(UnsafeMutableRawBufferPointer(rows)) // written at random below
        table.customer.withUnsafeBufferPointer { customers in
            table.day.withUnsafeBufferPointer { days in
                table.amount.withUnsafeBufferPointer { amounts in
                    Self.withOptionalBuffer(table.order) { orders in
                        ParallelWork.forEach(parts) { part in
                            let cursor = cursors.baseAddress! + part * customerCount
                            for row in rowRanges[part] {
                                let day = days[row]
                                guard day <= asOf else { continue }
                                let customer = Int(customers[row])
                                let slot = Int(cursor[customer])
                                cursor[customer] += 1
                                (rows.baseAddress! + slot).initialize(to: CustomerRow(
                                    order: orders?[row] ?? 0, period: periodOfDay[day], amount: amounts[row]))
                            }
                        }
                    }
                }
            }
        }

        // Each customer's rows summed per period; customers split into parts of about equal rows.
        var customerBounds = [0]
        for part in 1 ..< parts {
            let target = placed * part / parts
            var low = customerBounds[part - 1], high = customerCount
            while low < high {
                let middle = (low + high) / 2
                if rowStart[middle] < target { low = middle + 1 } else { high = middle }
            }
            customerBounds.append(low)
        }
        customerBounds.append(customerCount)
        let customerRanges = (0 ..< parts).map { customerBounds[$0] ..< customerBounds[$0 + 1] }
        let hasOrderColumn = table.order != nil
        var results = rowStart.withUnsafeBufferPointer { rowStart in
            ParallelWork.map(Array(customerRanges.enumerated())) { part, customers in
                // The first part's entry arrays become the history's: room for every row's entry.
                HistoryPart(customers: customers, rowStart: rowStart, rows: rows, spanCount: spanCount, hasOrderColumn: hasOrderColumn,
                            entryRoom: part == 0 ? placed : nil)
            }
        }
        rows.deallocate() // before the parts are joined: the two are the largest arrays here

        let earliestCohort = results.map(\.earliestCohort).min() ?? Int32.max
        guard earliestCohort != Int32.max else { throw AnalysisError.noPositiveOrders }
        let analysedCount = results.reduce(0) { $0 + $1.cohort.count }
        HugePages.reserve(&customer, count: analysedCount)
        HugePages.reserve(&cohort, count: analysedCount)
        HugePages.reserve(&entryStart, count: analysedCount + 1)
        // The entries of the first part stay where they are; the others are appended to them.
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
            cohort += part.cohort.lazy.map { $0 - earliestCohort }
            entryStart += part.entryEnd.lazy.map { $0 + offset }
            dataQuality.rowsAnalyzed += part.dataQuality.rowsAnalyzed
            dataQuality.rowsBeforeAcquisition += part.dataQuality.rowsBeforeAcquisition
            dataQuality.amountBeforeAcquisition.minorUnits += part.dataQuality.amountBeforeAcquisition.minorUnits
            dataQuality.customersWithoutPositiveOrder += part.dataQuality.customersWithoutPositiveOrder
            dataQuality.rowsOfCustomersWithoutPositiveOrder += part.dataQuality.rowsOfCustomersWithoutPositiveOrder
        }
        firstPeriod = basePeriod + Int(earliestCohort)
        periodCount = spanCount - Int(earliestCohort)
        dataQuality.customersAnalyzed = cohort.count
    }

    private static func withOptionalBuffer<Result>(_ array: [Int32]?, _ body: (UnsafeBufferPointer<Int32>?) -> Result) -> Result {
        guard let array else { return body(nil) }
        return array.withUnsafeBufferPointer { body($0) }
    }
}

/// One order row, placed among its customer's rows by the counting sort.
private struct CustomerRow {
    /// Interned order id (0 without an order column).
    var order: Int32
    /// Period index relative to the earliest period with rows.
    var period: Int32
    var amount: Int64
}

/// Day number → period index relative to `base`, through a table when the date range is small.
private struct PeriodLookup {
    private let calendar: PeriodCalendar
    private let firstDay: Int
    private let base: Int
    private let table: [Int32]

    init(calendar: PeriodCalendar, from firstDay: Int, through lastDay: Int, base: Int) {
        self.calendar = calendar
        self.firstDay = firstDay
        self.base = base
        let dayCount = lastDay - firstDay + 1
        table = dayCount <= 1 << 20 ? (0 ..< dayCount).map { Int32(calendar.period(containingDay: firstDay + $0) - base) } : []
    }

    /// The period index of a day from `firstDay` through `lastDay`.
    @inline(__always)
    subscript(day: Int32) -> Int32 {
        let offset = Int(day) - firstDay
        return offset < table.count ? table[offset] : Int32(calendar.period(containingDay: Int(day)) - base)
    }
}

/// The history of one range of customers, built on its own scratch arrays.
///
/// Per customer: its rows (side by side in `rows`) are sorted by order id when there is
/// an order column, so that the lines of an order follow each other and are summed in
/// one pass (an order is dated by its earliest line, and counts when its total is > 0).
/// Rows are summed per period in dense arrays reset through `touched`.
private struct HistoryPart {
    var customer: [Int32] = []
    var cohort: [Int32] = []
    /// Per customer: the end of its entries, counted from the part's first entry.
    var entryEnd: [Int] = []
    var period: [Int32] = []
    var netRevenue: [Int64] = []
    var positiveOrders: [Int32] = []
    var positiveOrderValue: [Int64] = []
    var dataQuality = DataQuality()
    var earliestCohort = Int32.max

    /// `entryRoom`: room to make in the entry arrays (default: this part's rows, as a row is
    /// at most one entry); pages are used only as entries are written.
    init(customers: Range<Int>, rowStart: UnsafeBufferPointer<Int>, rows: UnsafeMutableBufferPointer<CustomerRow>,
         spanCount: Int, hasOrderColumn: Bool, entryRoom: Int? = nil) {
        var net = [Int64](repeating: 0, count: spanCount)
        var orders = [Int32](repeating: 0, count: spanCount)
        var orderValue = [Int64](repeating: 0, count: spanCount)
        var rowsIn = [Int32](repeating: 0, count: spanCount)
        var touched: [Int32] = []
        touched.reserveCapacity(64)
        let entries = entryRoom ?? (customers.isEmpty ? 0 : rowStart[customers.upperBound] - rowStart[customers.lowerBound])
        HugePages.reserve(&customer, count: customers.count)
        HugePages.reserve(&cohort, count: customers.count)
        HugePages.reserve(&entryEnd, count: customers.count)
        HugePages.reserve(&period, count: entries)
        HugePages.reserve(&netRevenue, count: entries)
        HugePages.reserve(&positiveOrders, count: entries)
        HugePages.reserve(&positiveOrderValue, count: entries)

        for customerIndex in customers where rowStart[customerIndex] < rowStart[customerIndex + 1] {
            let first = rowStart[customerIndex], end = rowStart[customerIndex + 1]
            if hasOrderColumn && end - first > 1 { Self.sortByOrder(UnsafeMutableBufferPointer(rebasing: rows[first ..< end])) }
            var groupOrder: Int32 = -1, groupTotal: Int64 = 0, groupPeriod: Int32 = 0
            for slot in first ..< end {
                let row = rows[slot]
                let p = Int(row.period)
                if rowsIn[p] == 0 { touched.append(row.period) }
                rowsIn[p] += 1
                net[p] += row.amount
                if hasOrderColumn {
                    if row.order != groupOrder {
                        if groupTotal > 0 {
                            orders[Int(groupPeriod)] += 1
                            orderValue[Int(groupPeriod)] += groupTotal
                        }
                        groupOrder = row.order
                        groupTotal = row.amount
                        groupPeriod = row.period
                    } else {
                        groupTotal += row.amount
                        groupPeriod = min(groupPeriod, row.period)
                    }
                } else if row.amount > 0 {
                    orders[p] += 1
                    orderValue[p] += row.amount
                }
            }
            if groupTotal > 0 {
                orders[Int(groupPeriod)] += 1
                orderValue[Int(groupPeriod)] += groupTotal
            }
            Self.insertionSort(&touched)

            if let cohortPeriod = touched.first(where: { orders[Int($0)] > 0 }) {
                earliestCohort = min(earliestCohort, cohortPeriod)
                customer.append(Int32(customerIndex))
                cohort.append(cohortPeriod)
                for p32 in touched {
                    let p = Int(p32)
                    if p32 < cohortPeriod {
                        dataQuality.rowsBeforeAcquisition += Int(rowsIn[p])
                        dataQuality.amountBeforeAcquisition.minorUnits += net[p]
                    } else {
                        dataQuality.rowsAnalyzed += Int(rowsIn[p])
                        period.append(p32)
                        netRevenue.append(net[p])
                        positiveOrders.append(orders[p])
                        positiveOrderValue.append(orderValue[p])
                    }
                }
                entryEnd.append(period.count)
            } else {
                dataQuality.customersWithoutPositiveOrder += 1
                for p in touched { dataQuality.rowsOfCustomersWithoutPositiveOrder += Int(rowsIn[Int(p)]) }
            }
            for p in touched {
                net[Int(p)] = 0; orders[Int(p)] = 0; orderValue[Int(p)] = 0; rowsIn[Int(p)] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
    }

    /// Sorts one customer's rows by order id (insertion sort for the usual handful).
    private static func sortByOrder(_ rows: UnsafeMutableBufferPointer<CustomerRow>) {
        guard rows.count > 24 else {
            for i in 1 ..< rows.count {
                let row = rows[i]
                var j = i
                while j > 0 && rows[j - 1].order > row.order {
                    rows[j] = rows[j - 1]
                    j -= 1
                }
                rows[j] = row
            }
            return
        }
        var rows = rows
        rows.sort { $0.order < $1.order }
    }

    /// Sorts a few period indices.
    private static func insertionSort(_ values: inout [Int32]) {
        guard values.count > 1 else { return }
        guard values.count <= 32 else { values.sort(); return }
        values.withUnsafeMutableBufferPointer { values in
            for i in 1 ..< values.count {
                let value = values[i]
                var j = i
                while j > 0 && values[j - 1] > value {
                    values[j] = values[j - 1]
                    j -= 1
                }
                values[j] = value
            }
        }
    }
}
