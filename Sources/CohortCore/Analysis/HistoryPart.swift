/// The history of one range of customers, built on its own scratch arrays (one part per core).
///
/// Per customer: its rows (side by side in `CustomerRows`) are sorted by order id when there is
/// an order column, so that the lines of an order follow each other and are summed in one pass
/// (an order is dated by its earliest line, and counts when its total is > 0). Rows are summed
/// per period in dense arrays reset through the periods touched.
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

    /// `entryRoom`: room to make in the entry arrays (default: this part's rows, as a row is at
    /// most one entry); pages are used only as entries are written.
    init(customers: Range<Int>, rows: CustomerRows, spanCount: Int, hasOrderColumn: Bool, entryRoom: Int? = nil) {
        let entries = entryRoom ?? (customers.isEmpty ? 0 : rows.start[customers.upperBound] - rows.start[customers.lowerBound])
        HugePages.reserve(&customer, count: customers.count)
        HugePages.reserve(&cohort, count: customers.count)
        HugePages.reserve(&entryEnd, count: customers.count)
        HugePages.reserve(&period, count: entries)
        HugePages.reserve(&netRevenue, count: entries)
        HugePages.reserve(&positiveOrders, count: entries)
        HugePages.reserve(&positiveOrderValue, count: entries)
        var sums = PeriodSums(spanCount: spanCount)
        for index in customers {
            let own = rows.rows(of: index)
            guard !own.isEmpty else { continue }
            if hasOrderColumn && own.count > 1 { Self.sortByOrder(own) }
            sums.add(own, ordersByID: hasOrderColumn)
            append(customer: index, sums)
            sums.reset()
        }
    }

    /// Appends one customer's periods from its cohort on, or counts it as left out.
    private mutating func append(customer index: Int, _ sums: PeriodSums) {
        guard let cohortPeriod = sums.touched.first(where: { sums.orders[Int($0)] > 0 }) else {
            dataQuality.customersWithoutPositiveOrder += 1
            for p in sums.touched { dataQuality.rowsOfCustomersWithoutPositiveOrder += Int(sums.rowsIn[Int(p)]) }
            return
        }
        earliestCohort = min(earliestCohort, cohortPeriod)
        customer.append(Int32(index))
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
}

/// One customer's rows summed per period, in dense arrays over every period; `touched` lists
/// the periods written (sorted after `add`), so that `reset` clears only those.
struct PeriodSums {
    var net: [Int64]
    var orders: [Int32]
    var orderValue: [Int64]
    var rowsIn: [Int32]
    private(set) var touched: [Int32] = []

    init(spanCount: Int) {
        net = [Int64](repeating: 0, count: spanCount)
        orders = [Int32](repeating: 0, count: spanCount)
        orderValue = [Int64](repeating: 0, count: spanCount)
        rowsIn = [Int32](repeating: 0, count: spanCount)
        touched.reserveCapacity(64)
    }

    /// Adds a customer's rows; with `ordersByID` they are sorted by order id and an order's lines
    /// are summed to decide whether it is positive, else each row is an order.
    mutating func add(_ rows: UnsafeMutableBufferPointer<CustomerRow>, ordersByID: Bool) {
        var groupOrder: Int32 = -1, groupTotal: Int64 = 0, groupPeriod: Int32 = 0
        for row in rows {
            let p = Int(row.period)
            if rowsIn[p] == 0 { touched.append(row.period) }
            rowsIn[p] += 1
            net[p] += row.amount
            if ordersByID {
                if row.order != groupOrder {
                    countOrder(groupTotal, in: groupPeriod)
                    (groupOrder, groupTotal, groupPeriod) = (row.order, row.amount, row.period)
                } else {
                    groupTotal += row.amount
                    groupPeriod = min(groupPeriod, row.period)
                }
            } else {
                countOrder(row.amount, in: row.period)
            }
        }
        countOrder(groupTotal, in: groupPeriod)
        Self.insertionSort(&touched)
    }

    /// Counts an order of `total` in period `p` when it is positive.
    @inline(__always)
    private mutating func countOrder(_ total: Int64, in p: Int32) {
        guard total > 0 else { return }
        orders[Int(p)] += 1
        orderValue[Int(p)] += total
    }

    /// Clears the periods touched.
    mutating func reset() {
        for p in touched {
            net[Int(p)] = 0; orders[Int(p)] = 0; orderValue[Int(p)] = 0; rowsIn[Int(p)] = 0
        }
        touched.removeAll(keepingCapacity: true)
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
