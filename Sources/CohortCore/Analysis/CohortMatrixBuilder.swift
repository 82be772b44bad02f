/// Fills the cohort × age matrices and their weighted averages (METRICS.md, "Cohort matrices").
///
/// One pass over the customer history into dense arrays of one row per cohort that acquired
/// customers (its ages up to the as-of period), then one pass over the cells.
/// O(entries + Σ over cohorts with customers of their ages) ≤ O(entries + P²): one customer
/// acquired long ago costs one row, not a square of the span.
struct CohortMatrixBuilder {
    let history: CustomerHistory
    let periods: [PeriodInfo]

    /// Where each cohort's row of cells starts in `Sums` (−1: no customer acquired then), and the cells in all.
    private struct Layout {
        var rowStart: [Int]
        var cellCount: Int

        init(history: CustomerHistory) {
            let periodCount = history.periodCount
            var acquired = [Bool](repeating: false, count: periodCount)
            for cohort in history.cohort { acquired[Int(cohort)] = true }
            rowStart = [Int](repeating: -1, count: periodCount)
            cellCount = 0
            for cohort in 0 ..< periodCount where acquired[cohort] {
                rowStart[cohort] = cellCount
                cellCount += periodCount - cohort
            }
        }
    }

    /// Sums over the customers of one range: per cohort, and per cell of the rows of `Layout`.
    private struct Sums {
        var size: [Int]
        var active: [Int]
        var lastActiveAge: [Int]
        var revenue: [Int64]
        var grossRetained: [Int64]

        init(periodCount: Int, cellCount: Int) {
            size = [Int](repeating: 0, count: periodCount)
            active = [Int](repeating: 0, count: cellCount)
            lastActiveAge = active
            revenue = [Int64](repeating: 0, count: cellCount)
            grossRetained = revenue
        }

        /// Calls `body` with the five arrays as buffers: an array checks on every change that
        /// its storage is not shared, which took a fifth of the pass over the entries.
        mutating func withBuffers(_ body: (_ size: UnsafeMutableBufferPointer<Int>, _ active: UnsafeMutableBufferPointer<Int>,
                                           _ lastActiveAge: UnsafeMutableBufferPointer<Int>, _ revenue: UnsafeMutableBufferPointer<Int64>,
                                           _ grossRetained: UnsafeMutableBufferPointer<Int64>) -> Void) {
            size.withUnsafeMutableBufferPointer { size in
                active.withUnsafeMutableBufferPointer { active in
                    lastActiveAge.withUnsafeMutableBufferPointer { lastActiveAge in
                        revenue.withUnsafeMutableBufferPointer { revenue in
                            grossRetained.withUnsafeMutableBufferPointer { body(size, active, lastActiveAge, revenue, $0) }
                        }
                    }
                }
            }
        }

        mutating func add(_ other: Sums) {
            for i in size.indices { size[i] += other.size[i] }
            for i in active.indices {
                active[i] += other.active[i]
                lastActiveAge[i] += other.lastActiveAge[i]
                revenue[i] += other.revenue[i]
                grossRetained[i] += other.grossRetained[i]
            }
        }
    }

    /// The matrices and averages; `parts` ranges of customers are summed concurrently
    /// (default: one per core for large histories), with the same result for any number.
    func build(parts requestedParts: Int? = nil) -> (cohorts: [CohortRow], averages: [AgeAverage]) {
        let periodCount = history.periodCount
        let parts = requestedParts ?? ParallelWork.parts(for: history.period.count)
        let layout = Layout(history: history)
        let partial = ParallelWork.map(ParallelWork.ranges(history.customerCount, parts: parts)) { customers in
            sums(of: customers, layout: layout)
        }
        var total = partial[0]
        for other in partial.dropFirst() { total.add(other) }
        let (size, active, lastActiveAge, revenue, grossRetained) =
            (total.size, total.active, total.lastActiveAge, total.revenue, total.grossRetained)

        var cohorts: [CohortRow] = []
        for cohort in 0 ..< periodCount where size[cohort] > 0 {
            let row = layout.rowStart[cohort]
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

    /// One pass over the entries of a range of customers.
    private func sums(of customers: Range<Int>, layout: Layout) -> Sums {
        var sums = Sums(periodCount: history.periodCount, cellCount: layout.cellCount)
        let history = history
        sums.withBuffers { size, active, lastActiveAge, revenue, grossRetained in
            for customer in customers {
                let cohort = Int(history.cohort[customer])
                let row = layout.rowStart[cohort] - cohort
                size[cohort] += 1
                var acquisitionRevenue: Int64 = 0
                var lastActive = cohort
                for entry in history.entries(of: customer) {
                    let p = Int(history.period[entry])
                    let cell = row + p
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
                lastActiveAge[row + lastActive] += 1
            }
        }
        return sums
    }

    /// Σ numerators / Σ denominators at each age over the cohorts whose cell is complete; the LTV
    /// curve by the chain-ladder rule (`AverageLTV`).
    private func averages(of cohorts: [CohortRow]) -> [AgeAverage] {
        let lifetimeValue = AverageLTV(cohorts: cohorts, through: .max)
        return (0 ..< history.periodCount).map { age in
            var cohortCount = 0, customers = 0, active = 0, unbounded = 0
            var revenue: Int64 = 0, acquisitionRevenue: Int64 = 0
            var grossRetained: Int64 = 0, grossAcquisition: Int64 = 0
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
            }
            return AgeAverage(
                age: age, cohorts: cohortCount, customers: customers, activeCustomers: active,
                retention: Ratio(active, over: customers),
                unboundedRetention: Ratio(unbounded, over: customers),
                revenueRetention: Ratio(revenue, over: acquisitionRevenue),
                grossRevenueRetention: Ratio(grossRetained, over: grossAcquisition),
                cumulativeRevenuePerCustomer: age < lifetimeValue.points.count ? Ratio(lifetimeValue.points[age].perCustomer) : .empty)
        }
    }
}
