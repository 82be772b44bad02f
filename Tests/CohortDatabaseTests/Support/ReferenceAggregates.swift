import CohortCore

/// Sums an order table per customer and period the plain way, straight from docs/METRICS.md, as
/// a database would return them: the reference for `CohortAnalysis(aggregates:)` without a server.
///
/// Customers keep the table's numbering (so ties in lists fall the same way); lines after the
/// as-of date are left out before orders are formed; an order (lines of one customer sharing an
/// order id, or one line) is dated by its earliest line and positive when its total is above 0.
enum ReferenceAggregates {
    static func build(_ table: OrderTable, period kind: PeriodKind, asOfDay: Int?, collectsPurchases: Bool) -> CustomerAggregates {
        let calendar = PeriodCalendar(kind)
        var aggregates = CustomerAggregates(periodKind: kind, asOfDay: asOfDay, collectsPurchases: collectsPurchases)
        aggregates.latestDay = table.day.max().map(Int.init)
        var rowsOf = [[Int]](repeating: [], count: table.customerCount)
        for row in 0 ..< table.rowCount { rowsOf[Int(table.customer[row])].append(row) }
        for customer in 0 ..< table.customerCount {
            var rows: [Int: Int32] = [:], net: [Int: Int64] = [:], orders: [Int: Int32] = [:], value: [Int: Int64] = [:]
            var orderDay: [Int: Int], orderTotal: [Int: Int64]
            (orderDay, orderTotal) = ([:], [:])
            for row in rowsOf[customer] {
                let day = Int(table.day[row])
                if let asOfDay, day > asOfDay {
                    aggregates.rowsAfterAsOf += 1
                    continue
                }
                let period = calendar.period(containingDay: day)
                rows[period, default: 0] += 1
                net[period, default: 0] += table.amount[row]
                let order = table.order.map { Int($0[row]) } ?? -1 - row
                orderDay[order] = min(orderDay[order] ?? day, day)
                orderTotal[order, default: 0] += table.amount[row]
            }
            var dayTotals: [Int: Int64] = [:]
            for (order, total) in orderTotal where total > 0 {
                let day = orderDay[order]!
                orders[calendar.period(containingDay: day), default: 0] += 1
                value[calendar.period(containingDay: day), default: 0] += total
                dayTotals[day, default: 0] += total
            }
            let entries = rows.keys.sorted().map { period in
                CustomerAggregates.Entry(period: Int32(period), rows: rows[period]!, netRevenue: net[period]!, positiveOrders: orders[period] ?? 0,
                                         positiveOrderValue: value[period] ?? 0)
            }
            let days = dayTotals.keys.sorted()
            var purchases = CustomerAggregates.Purchases.none
            if let first = days.first, let last = days.last {
                let gaps = zip(days.dropFirst(), days).map { $0 - $1 }
                for gap in gaps { aggregates.addGap(gap) }
                let sorted = gaps.sorted()
                let median: Double? = days.count < 3 ? nil
                    : sorted.count % 2 == 1 ? Double(sorted[sorted.count / 2]) : Double(sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
                purchases = .init(firstDay: Int32(first), lastDay: Int32(last), days: Int32(days.count),
                                  repeatValue: days.dropFirst().reduce(0) { $0 + dayTotals[$1]! }, medianGap: median)
            }
            aggregates.appendCustomer(id: table.customerIDs[customer], entries: entries, purchases: purchases)
        }
        return aggregates
    }
}
