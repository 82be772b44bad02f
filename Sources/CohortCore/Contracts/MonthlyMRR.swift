/// Each customer's MRR at the end of every month, from the month of the first contract to the
/// as-of month (METRICS.md: "Σ mrr of its contracts in force on the last day of t").
///
/// A contract is in force on a day when start ≤ day and (it runs on or end ≥ day). The as-of
/// month, when the as-of date is not its last day, is read on the as-of date: what lies after
/// it is not known yet. Contracts that start after the as-of date are not in force in any month.
///
///     let monthly = try MonthlyMRR(contracts: table, asOfDay: asOf.dayNumber)
///     monthly.value(customer: 0, month: 3)   // MRR of the first customer at the end of the fourth month
///
/// Complexity: O(contracts + customers × months); one dense row of months per customer.
struct MonthlyMRR {
    /// Absolute month number (`PeriodCalendar(.month)`) of month 0.
    let firstMonth: Int
    let monthCount: Int
    let asOfDay: Int
    /// Per month, the day its MRR is read on.
    let evaluationDay: [Int]
    /// Contract-table customer indices with at least one contract started by the as-of date, in table order.
    let customers: [Int32]
    /// `customers.count × monthCount` values, customer by customer: MRR in minor units (never below 0).
    private let values: [Int64]

    init(contracts: ContractTable, asOfDay: Int) throws(ContractError) {
        let calendar = PeriodCalendar(.month)
        let known = (0 ..< contracts.rowCount).filter { Int(contracts.start[$0]) <= asOfDay }
        guard let earliest = known.map({ Int(contracts.start[$0]) }).min() else {
            throw .noContractsUpToAsOf(asOf: CivilDate(dayNumber: asOfDay))
        }
        self.asOfDay = asOfDay
        firstMonth = calendar.period(containingDay: earliest)
        let lastMonth = calendar.period(containingDay: asOfDay)
        monthCount = lastMonth - firstMonth + 1
        evaluationDay = (firstMonth ... lastMonth).map { min(calendar.lastDay(of: $0), asOfDay) }

        var slot = [Int32](repeating: -1, count: contracts.customerCount)
        var customers: [Int32] = []
        for row in known where slot[Int(contracts.customer[row])] < 0 {
            slot[Int(contracts.customer[row])] = Int32(customers.count)
            customers.append(contracts.customer[row])
        }
        self.customers = customers
        // A difference row per customer (one extra entry), summed into values in place.
        let width = monthCount + 1
        var differences = [Int64](repeating: 0, count: customers.count * width)
        for row in known {
            let first = calendar.period(containingDay: Int(contracts.start[row])) - firstMonth
            let end = Int(contracts.end[row])
            let last: Int
            if contracts.end[row] == ContractTable.running || end >= asOfDay {
                last = monthCount - 1
            } else {
                let month = calendar.period(containingDay: end)
                last = month - firstMonth - (end == calendar.lastDay(of: month) ? 0 : 1)
            }
            guard last >= first else { continue } // ends before the first month end it could reach
            let base = Int(slot[Int(contracts.customer[row])]) * width
            differences[base + first] += contracts.mrr[row]
            differences[base + last + 1] -= contracts.mrr[row]
        }
        var values = [Int64](repeating: 0, count: customers.count * monthCount)
        for customer in 0 ..< customers.count {
            var running: Int64 = 0
            for month in 0 ..< monthCount {
                running += differences[customer * width + month]
                values[customer * monthCount + month] = max(0, running)
            }
        }
        self.values = values
    }

    /// MRR of the `customer`-th customer (an index into `customers`) read on the evaluation day of `month`.
    @inline(__always)
    func value(customer: Int, month: Int) -> Int64 { values[customer * monthCount + month] }

    /// True when the as-of date is not the last day of its month.
    var endsWithPartialMonth: Bool { evaluationDay[monthCount - 1] != PeriodCalendar(.month).lastDay(of: firstMonth + monthCount - 1) }
}
