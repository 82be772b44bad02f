/// The history of one range of customers, built on its own scratch arrays (one part per core).
///
/// Per customer: its rows (side by side in `CustomerRows`) are sorted by order id when there is
/// an order column, so that the lines of an order follow each other and are summed in one pass
/// (an order is dated by its earliest line, and counts when its total is > 0). Rows are summed
/// per period in dense arrays reset through the periods touched. With `collectsPurchases`, each
/// customer's positive orders are also summed per calendar day (`CustomerPurchases`).
struct HistoryPart {
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
    /// Per customer, its purchase days (when collected).
    var purchases: CustomerPurchases?
    /// Per customer: its first positive order's id, or its row without an order column (for its segment).
    var firstKey: [Int32] = []

    /// `entryRoom`: room to make in the entry arrays (default: this part's rows, as a row is at
    /// most one entry); pages are used only as entries are written.
    init(customers: Range<Int>, rows: CustomerRows, periodOfDay: PeriodLookup, spanCount: Int, hasOrderColumn: Bool,
         collectsPurchases: Bool, entryRoom: Int? = nil) {
        let entries = entryRoom ?? (customers.isEmpty ? 0 : rows.start[customers.upperBound] - rows.start[customers.lowerBound])
        HugePages.reserve(&customer, count: customers.count)
        HugePages.reserve(&cohort, count: customers.count)
        HugePages.reserve(&entryEnd, count: customers.count)
        HugePages.reserve(&period, count: entries)
        HugePages.reserve(&netRevenue, count: entries)
        HugePages.reserve(&positiveOrders, count: entries)
        HugePages.reserve(&positiveOrderValue, count: entries)
        var sums = PeriodSums(spanCount: spanCount, collectsOrders: collectsPurchases)
        if collectsPurchases { purchases = CustomerPurchases(capacity: customers.count) }
        for index in customers {
            let own = rows.rows(of: index)
            guard !own.isEmpty else { continue }
            if hasOrderColumn && own.count > 1 { own.sortFew(by: { $0.order }, limit: 24) }
            sums.add(own, ordersByID: hasOrderColumn, periodOfDay: periodOfDay)
            if append(customer: index, sums), purchases != nil {
                sums.mergeOrdersByDay()
                purchases?.append(sums.positiveOrderDays)
            }
            sums.reset()
        }
    }

    /// Appends one customer's periods from its cohort on, or counts it as left out; true when appended.
    private mutating func append(customer index: Int, _ sums: PeriodSums) -> Bool {
        guard let cohortPeriod = sums.touched.first(where: { sums.orders[Int($0)] > 0 }) else {
            dataQuality.customersWithoutPositiveOrder += 1
            for p in sums.touched { dataQuality.rowsOfCustomersWithoutPositiveOrder += Int(sums.rowsIn[Int(p)]) }
            return false
        }
        earliestCohort = min(earliestCohort, cohortPeriod)
        customer.append(Int32(index))
        firstKey.append(sums.firstPositive.key)
        cohort.append(cohortPeriod)
        for p32 in sums.touched {
            let p = Int(p32)
            if p32 < cohortPeriod {
                dataQuality.rowsBeforeAcquisition += Int(sums.rowsIn[p])
                dataQuality.amountBeforeAcquisition.minorUnits += sums.net[p]
            } else {
                dataQuality.rowsAnalyzed += Int(sums.rowsIn[p])
                period.append(p32)
                netRevenue.append(sums.net[p])
                positiveOrders.append(sums.orders[p])
                positiveOrderValue.append(sums.orderValue[p])
            }
        }
        entryEnd.append(period.count)
        return true
    }

}

/// One customer's rows summed per period, in dense arrays over every period; `touched` lists
/// the periods written (sorted after `add`), so that `reset` clears only those. With
/// `collectsOrders`, its positive orders are kept too, as (day, total).
struct PeriodSums {
    var net: [Int64]
    var orders: [Int32]
    var orderValue: [Int64]
    var rowsIn: [Int32]
    private(set) var touched: [Int32] = []
    private let collectsOrders: Bool
    /// The positive orders of the customer as (day, total), in no particular order.
    private(set) var positiveOrderDays: [(day: Int32, total: Int64)] = []
    /// The customer's first positive order: its day and its order id (its row without an order
    /// column); the earliest day, and on that day the first in reading order.
    private(set) var firstPositive: (day: Int32, key: Int32) = (.max, -1)

    init(spanCount: Int, collectsOrders: Bool = false) {
        net = [Int64](repeating: 0, count: spanCount)
        orders = [Int32](repeating: 0, count: spanCount)
        orderValue = [Int64](repeating: 0, count: spanCount)
        rowsIn = [Int32](repeating: 0, count: spanCount)
        self.collectsOrders = collectsOrders
        touched.reserveCapacity(64)
    }

    /// Adds a customer's rows; with `ordersByID` they are sorted by order id and an order's lines
    /// are summed to decide whether it is positive, else each row is an order.
    mutating func add(_ rows: UnsafeMutableBufferPointer<CustomerRow>, ordersByID: Bool, periodOfDay: PeriodLookup) {
        var groupOrder: Int32 = -1, groupTotal: Int64 = 0, groupDay = Int32.max
        for row in rows {
            let period = periodOfDay[row.day]
            let p = Int(period)
            if rowsIn[p] == 0 { touched.append(period) }
            rowsIn[p] += 1
            net[p] += row.amount
            if ordersByID {
                if row.order != groupOrder {
                    countOrder(groupTotal, on: groupDay, key: groupOrder, periodOfDay)
                    (groupOrder, groupTotal, groupDay) = (row.order, row.amount, row.day)
                } else {
                    groupTotal += row.amount
                    groupDay = min(groupDay, row.day)
                }
            } else {
                countOrder(row.amount, on: row.day, key: row.order, periodOfDay)
            }
        }
        countOrder(groupTotal, on: groupDay, key: groupOrder, periodOfDay)
        Self.insertionSort(&touched)
    }

    /// Counts an order of `total` dated `day` when it is positive.
    @inline(__always)
    private mutating func countOrder(_ total: Int64, on day: Int32, key: Int32, _ periodOfDay: PeriodLookup) {
        guard total > 0 else { return }
        // Orders come in reading order (order ids are numbered as first read; rows without one are in file order).
        if day < firstPositive.day { firstPositive = (day, key) }
        let p = Int(periodOfDay[day])
        orders[p] += 1
        orderValue[p] += total
        if collectsOrders { positiveOrderDays.append((day, total)) }
    }

    /// Sums the positive orders per calendar day, first day first (METRICS.md: one purchase per
    /// day), in place: `positiveOrderDays` then holds one entry per purchase day.
    mutating func mergeOrdersByDay() {
        guard positiveOrderDays.count > 1 else { return }
        var sorted = true
        for index in 1 ..< positiveOrderDays.count where positiveOrderDays[index].day < positiveOrderDays[index - 1].day {
            sorted = false
            break
        }
        if !sorted { positiveOrderDays.sort { $0.day < $1.day } }
        var kept = 0
        for index in 1 ..< positiveOrderDays.count {
            if positiveOrderDays[index].day == positiveOrderDays[kept].day {
                positiveOrderDays[kept].total += positiveOrderDays[index].total
            } else {
                kept += 1
                positiveOrderDays[kept] = positiveOrderDays[index]
            }
        }
        positiveOrderDays.removeLast(positiveOrderDays.count - kept - 1)
    }

    /// Clears the periods touched.
    mutating func reset() {
        for p in touched {
            net[Int(p)] = 0; orders[Int(p)] = 0; orderValue[Int(p)] = 0; rowsIn[Int(p)] = 0
        }
        touched.removeAll(keepingCapacity: true)
        positiveOrderDays.removeAll(keepingCapacity: true)
        firstPositive = (.max, -1)
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
