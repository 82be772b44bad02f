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

    init(table: OrderTable, calendar: PeriodCalendar, asOfDay: Int) throws {
        let rowCount = table.rowCount
        var earliestDay = Int.max
        var rowsAfterAsOf = 0
        for day in table.day {
            if Int(day) > asOfDay { rowsAfterAsOf += 1 } else if Int(day) < earliestDay { earliestDay = Int(day) }
        }
        guard earliestDay != Int.max else { throw AnalysisError.noRowsUpToAsOf(asOf: CivilDate(dayNumber: asOfDay)) }
        dataQuality.rowsAfterAsOf = rowsAfterAsOf

        let basePeriod = calendar.period(containingDay: earliestDay)
        let spanCount = calendar.period(containingDay: asOfDay) - basePeriod + 1
        let rowPeriod = Self.periodColumn(table.day, calendar: calendar, from: earliestDay, through: asOfDay, base: basePeriod)

        // Counting sort of the rows up to the as-of date by customer.
        var rowStart = [Int](repeating: 0, count: table.customerCount + 1)
        for row in 0 ..< rowCount where Int(table.day[row]) <= asOfDay {
            rowStart[Int(table.customer[row]) + 1] += 1
        }
        for customer in 0 ..< table.customerCount { rowStart[customer + 1] += rowStart[customer] }
        var cursor = rowStart
        var rowsByCustomer = [Int32](repeating: 0, count: rowStart[table.customerCount])
        for row in 0 ..< rowCount where Int(table.day[row]) <= asOfDay {
            let customer = Int(table.customer[row])
            rowsByCustomer[cursor[customer]] = Int32(row)
            cursor[customer] += 1
        }

        // Dense per-period scratch, reset after each customer through `touched`.
        var net = [Int64](repeating: 0, count: spanCount)
        var orders = [Int32](repeating: 0, count: spanCount)
        var orderValue = [Int64](repeating: 0, count: spanCount)
        var rowsIn = [Int32](repeating: 0, count: spanCount)
        var touched: [Int32] = []
        var orderGroups = OrderGroups(orderCount: table.order == nil ? 0 : table.orderCount)

        var earliestCohort = Int32.max
        for customer in 0 ..< table.customerCount where rowStart[customer] < rowStart[customer + 1] {
            for slot in rowStart[customer] ..< rowStart[customer + 1] {
                let row = Int(rowsByCustomer[slot])
                let p = Int(rowPeriod[row])
                if rowsIn[p] == 0 { touched.append(Int32(p)) }
                rowsIn[p] += 1
                let amount = table.amount[row]
                net[p] += amount
                if let orderColumn = table.order {
                    orderGroups.add(order: orderColumn[row], amount: amount, period: Int32(p))
                } else if amount > 0 {
                    orders[p] += 1
                    orderValue[p] += amount
                }
            }
            orderGroups.flushPositiveOrders { p, total in
                orders[Int(p)] += 1
                orderValue[Int(p)] += total
            }
            touched.sort()

            if let cohortPeriod = touched.first(where: { orders[Int($0)] > 0 }) {
                earliestCohort = min(earliestCohort, cohortPeriod)
                self.customer.append(Int32(customer))
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
                entryStart.append(period.count)
            } else {
                dataQuality.customersWithoutPositiveOrder += 1
                for p in touched { dataQuality.rowsOfCustomersWithoutPositiveOrder += Int(rowsIn[Int(p)]) }
            }
            for p in touched {
                net[Int(p)] = 0; orders[Int(p)] = 0; orderValue[Int(p)] = 0; rowsIn[Int(p)] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        guard earliestCohort != Int32.max else { throw AnalysisError.noPositiveOrders }

        // Re-base period indices on the earliest cohort.
        for i in period.indices { period[i] -= earliestCohort }
        for i in cohort.indices { cohort[i] -= earliestCohort }
        firstPeriod = basePeriod + Int(earliestCohort)
        periodCount = spanCount - Int(earliestCohort)
        dataQuality.customersAnalyzed = cohort.count
    }

    /// Row → period index relative to `base`, through a day lookup table when the date range is small.
    private static func periodColumn(_ days: [Int32], calendar: PeriodCalendar, from firstDay: Int, through lastDay: Int, base: Int) -> [Int32] {
        let dayCount = lastDay - firstDay + 1
        guard dayCount <= 1 << 20 else {
            return days.map { Int($0) <= lastDay ? Int32(calendar.period(containingDay: Int($0)) - base) : -1 }
        }
        let lookup = (0 ..< dayCount).map { Int32(calendar.period(containingDay: firstDay + $0) - base) }
        return days.map { Int($0) <= lastDay ? lookup[Int($0) - firstDay] : -1 }
    }
}

/// Sums the lines of each order of one customer, then reports the positive orders.
///
/// Order ids are scoped to the customer: lines of one id under two customers
/// are two orders. An order is dated by its earliest line.
private struct OrderGroups {
    private var slotOfOrder: [Int32]
    private var orderIDs: [Int32] = []
    private var totals: [Int64] = []
    private var periods: [Int32] = []

    init(orderCount: Int) {
        slotOfOrder = [Int32](repeating: -1, count: orderCount)
    }

    mutating func add(order: Int32, amount: Int64, period: Int32) {
        let slot = Int(slotOfOrder[Int(order)])
        if slot < 0 {
            slotOfOrder[Int(order)] = Int32(totals.count)
            orderIDs.append(order)
            totals.append(amount)
            periods.append(period)
        } else {
            totals[slot] += amount
            periods[slot] = min(periods[slot], period)
        }
    }

    /// Calls `body(period, total)` for each positive order added since the last flush, then forgets them.
    mutating func flushPositiveOrders(_ body: (Int32, Int64) -> Void) {
        for slot in totals.indices where totals[slot] > 0 { body(periods[slot], totals[slot]) }
        for order in orderIDs { slotOfOrder[Int(order)] = -1 }
        orderIDs.removeAll(keepingCapacity: true)
        totals.removeAll(keepingCapacity: true)
        periods.removeAll(keepingCapacity: true)
    }
}
