/// Fills the cohort × age matrices and their weighted averages (METRICS.md, "Cohort matrices").
///
/// One pass over the customer history into dense P × P arrays, then one pass over
/// the cells. O(entries + P²).
struct CohortMatrixBuilder {
    let history: CustomerHistory
    let periods: [PeriodInfo]

    func build() -> (cohorts: [CohortRow], averages: [AgeAverage]) {
        let periodCount = history.periodCount
        var size = [Int](repeating: 0, count: periodCount)
        var active = [Int](repeating: 0, count: periodCount * periodCount)
        var lastActiveAge = [Int](repeating: 0, count: periodCount * periodCount)
        var revenue = [Int64](repeating: 0, count: periodCount * periodCount)
        var grossRetained = [Int64](repeating: 0, count: periodCount * periodCount)

        for customer in 0 ..< history.customerCount {
            let cohort = Int(history.cohort[customer])
            size[cohort] += 1
            var acquisitionRevenue: Int64 = 0
            var lastActive = cohort
            for entry in history.entries(of: customer) {
                let p = Int(history.period[entry])
                let cell = cohort * periodCount + p - cohort
                if history.positiveOrders[entry] > 0 {
                    active[cell] += 1
                    lastActive = p
                }
                let net = history.netRevenue[entry]
                revenue[cell] += net
                let x = max(0, net)
                if p == cohort { acquisitionRevenue = x }
                grossRetained[cell] += min(x, acquisitionRevenue)
            }
            lastActiveAge[cohort * periodCount + lastActive - cohort] += 1
        }

        var cohorts: [CohortRow] = []
        for cohort in 0 ..< periodCount where size[cohort] > 0 {
            let row = cohort * periodCount
            let ageCount = periodCount - cohort
            // Unbounded: active at age k or later = customers whose last active age is ≥ k.
            var activeFromAge = [Int](repeating: 0, count: ageCount + 1)
            for age in stride(from: ageCount - 1, through: 0, by: -1) {
                activeFromAge[age] = activeFromAge[age + 1] + lastActiveAge[row + age]
            }
            var cumulative: Int64 = 0
            let cells = (0 ..< ageCount).map { age in
                cumulative += revenue[row + age]
                return CohortCell(
                    age: age, partial: periods[cohort + age].partial, cohortSize: size[cohort],
                    activeCustomers: active[row + age], unboundedActiveCustomers: activeFromAge[age],
                    revenue: Money(minorUnits: revenue[row + age]),
                    grossRetainedRevenue: Money(minorUnits: grossRetained[row + age]),
                    cumulativeRevenue: Money(minorUnits: cumulative),
                    revenueAtAcquisition: Money(minorUnits: revenue[row]),
                    grossRevenueAtAcquisition: Money(minorUnits: grossRetained[row]))
            }
            cohorts.append(CohortRow(period: cohort, label: periods[cohort].label, size: size[cohort], cells: cells))
        }
        return (cohorts, averages(of: cohorts))
    }

    /// Σ numerators / Σ denominators at each age over the cohorts whose cell is complete.
    private func averages(of cohorts: [CohortRow]) -> [AgeAverage] {
        (0 ..< history.periodCount).map { age in
            var cohortCount = 0, customers = 0, active = 0, unbounded = 0
            var revenue: Int64 = 0, acquisitionRevenue: Int64 = 0
            var grossRetained: Int64 = 0, grossAcquisition: Int64 = 0, cumulative: Int64 = 0
            for row in cohorts where age < row.cells.count && !row.cells[age].partial {
                let cell = row.cells[age]
                cohortCount += 1
                customers += row.size
                active += cell.activeCustomers
                unbounded += cell.unboundedActiveCustomers
                revenue += cell.revenue.minorUnits
                acquisitionRevenue += row.cells[0].revenue.minorUnits
                grossRetained += cell.grossRetainedRevenue.minorUnits
                grossAcquisition += row.cells[0].grossRetainedRevenue.minorUnits
                cumulative += cell.cumulativeRevenue.minorUnits
            }
            return AgeAverage(
                age: age, cohorts: cohortCount, customers: customers, activeCustomers: active,
                retention: Ratio(active, over: customers),
                unboundedRetention: Ratio(unbounded, over: customers),
                revenueRetention: Ratio(revenue, over: acquisitionRevenue),
                grossRevenueRetention: Ratio(grossRetained, over: grossAcquisition),
                cumulativeRevenuePerCustomer: Ratio(Money(minorUnits: cumulative), over: customers))
        }
    }
}
