/// Computes the contracts view of METRICS.md ("Subscriptions and contracts") from a contract table.
///
/// - MRR movements per month: x_i(t) is customer i's MRR at the end of month t (`MonthlyMRR`);
///   the customer bridge counts customers with x > 0 (new in their first such month, reactivated
///   when back after a month without, churned when gone), the revenue bridge moves x exactly as the
///   revenue bridge of orders does.
/// - Renewals: a contract comes due in the month of its end date; it is renewed when the same
///   customer has another contract that starts after its start, no later than end + grace days,
///   and ends after its end (or runs on). Not renewed once the as-of date has reached end + grace
///   days; open before that.
/// - Upcoming renewals: contracts started by the as-of date that end in the `upcomingDays` after it.
///
///     let contracts = try ContractAnalysisBuilder(contracts: table, asOf: asOf).build()
///
/// Complexity: O(contracts · contracts of the same customer + customers × months).
public struct ContractAnalysisBuilder: Sendable {
    public let contracts: ContractTable
    public let asOf: CivilDate
    public let graceDays: Int
    public let upcomingDays: Int

    public init(contracts: ContractTable, asOf: CivilDate, graceDays: Int = ContractAnalysis.defaultGraceDays,
                upcomingDays: Int = ContractAnalysis.defaultUpcomingDays) {
        self.contracts = contracts
        self.asOf = asOf
        self.graceDays = graceDays
        self.upcomingDays = upcomingDays
    }

    public func build() throws(ContractError) -> ContractAnalysis {
        guard graceDays >= 0 else { throw .invalidGraceDays(graceDays) }
        let monthly = try MonthlyMRR(contracts: contracts, asOfDay: asOf.dayNumber)
        var months = bridges(monthly)
        let renewed = renewedRows()
        let asOfDay = asOf.dayNumber
        let calendar = PeriodCalendar(.month)
        var upcoming: [(row: Int, renewal: UpcomingRenewal)] = []
        var contractCount = 0
        for row in 0 ..< contracts.rowCount where Int(contracts.start[row]) <= asOfDay {
            contractCount += 1
            guard let end = contracts.endDay(ofRow: row), end >= Int(contracts.start[row]) else { continue }
            if end > asOfDay {
                if end <= asOfDay + upcomingDays {
                    upcoming.append((row, UpcomingRenewal(
                        customer: contracts.customerIDs[Int(contracts.customer[row])], contract: contracts.contractIDs?[row],
                        start: CivilDate(dayNumber: Int(contracts.start[row])), end: CivilDate(dayNumber: end), daysLeft: end - asOfDay,
                        mrr: Money(minorUnits: contracts.mrr[row]), renewalAgreed: renewed[row])))
                }
                // Ending after the as-of date inside the as-of month: due there, and open unless renewed already.
                guard calendar.period(containingDay: end) == monthly.firstMonth + monthly.monthCount - 1 else { continue }
            }
            let month = calendar.period(containingDay: end) - monthly.firstMonth
            guard month >= 0 && month < months.count else { continue }
            let mrr = Money(minorUnits: contracts.mrr[row])
            if renewed[row] {
                months[month].renewals.due += 1
                months[month].renewals.renewed += 1
                months[month].renewals.mrrDue = months[month].renewals.mrrDue + mrr
                months[month].renewals.mrrRenewed = months[month].renewals.mrrRenewed + mrr
            } else if asOfDay >= end + graceDays {
                months[month].renewals.due += 1
                months[month].renewals.mrrDue = months[month].renewals.mrrDue + mrr
            } else {
                months[month].renewals.open += 1
            }
        }
        // Highest MRR first; then the earliest end, then the order of the file.
        upcoming.sort { a, b in
            if a.renewal.mrr != b.renewal.mrr { return a.renewal.mrr > b.renewal.mrr }
            if a.renewal.end != b.renewal.end { return a.renewal.end < b.renewal.end }
            return a.row < b.row
        }
        return ContractAnalysis(graceDays: graceDays, upcomingDays: upcomingDays, isRevenueSource: false, contractCount: contractCount,
                                customerCount: monthly.customers.count, months: months, upcoming: upcoming.map(\.renewal))
    }

    /// The customer and MRR bridges of every month (renewals still empty).
    private func bridges(_ monthly: MonthlyMRR) -> [MRRMonth] {
        let count = monthly.monthCount
        var live = [Int](repeating: 0, count: count), new = live, reactivated = live, churned = live
        let zeros = [Int64](repeating: 0, count: count)
        var total = zeros, newMRR = zeros, expansion = zeros, contraction = zeros, churnedMRR = zeros, reactivation = zeros
        for customer in 0 ..< monthly.customers.count {
            var seen = false
            var previous: Int64 = 0
            for month in 0 ..< count {
                let x = monthly.value(customer: customer, month: month)
                total[month] += x
                if x > 0 {
                    live[month] += 1
                    if !seen {
                        new[month] += 1
                        newMRR[month] += x
                        seen = true
                    } else if previous == 0 {
                        reactivated[month] += 1
                        reactivation[month] += x
                    } else if x > previous {
                        expansion[month] += x - previous
                    } else {
                        contraction[month] += x - previous
                    }
                } else if previous > 0 {
                    churned[month] += 1
                    churnedMRR[month] -= previous
                }
                previous = x
            }
        }
        let calendar = PeriodCalendar(.month)
        return (0 ..< count).map { month in
            let period = monthly.firstMonth + month
            let evaluated = monthly.evaluationDay[month]
            return MRRMonth(
                label: calendar.label(of: period), partial: evaluated != calendar.lastDay(of: period),
                evaluatedOn: CivilDate(dayNumber: evaluated),
                customers: CustomerBridge(start: month > 0 ? live[month - 1] : 0, new: new[month], reactivated: reactivated[month],
                                          churned: churned[month], end: live[month]),
                mrr: RevenueBridge(start: Money(minorUnits: month > 0 ? total[month - 1] : 0), new: Money(minorUnits: newMRR[month]),
                                   expansion: Money(minorUnits: expansion[month]), contraction: Money(minorUnits: contraction[month]),
                                   churned: Money(minorUnits: churnedMRR[month]), reactivation: Money(minorUnits: reactivation[month]),
                                   end: Money(minorUnits: total[month])),
                renewals: RenewalCount())
        }
    }

    /// Per row: whether another contract of the same customer renews it (any contract of the file,
    /// also one that starts after the as-of date: a renewal agreed already).
    private func renewedRows() -> [Bool] {
        var rowsOfCustomer = [[Int]](repeating: [], count: contracts.customerCount)
        for row in 0 ..< contracts.rowCount { rowsOfCustomer[Int(contracts.customer[row])].append(row) }
        var renewed = [Bool](repeating: false, count: contracts.rowCount)
        for rows in rowsOfCustomer where rows.count > 1 {
            for row in rows where contracts.end[row] != ContractTable.running {
                let start = contracts.start[row], end = Int64(contracts.end[row])
                renewed[row] = rows.contains { other in
                    other != row && contracts.start[other] > start && Int64(contracts.start[other]) <= end + Int64(graceDays)
                        && (contracts.end[other] == ContractTable.running || Int64(contracts.end[other]) > end)
                }
            }
        }
        return renewed
    }
}
