/// The average LTV curve by the chain-ladder rule of METRICS.md, so that it never falls:
/// with C_k the cohorts whose period c + k is complete (and at most `through`), the revenue
/// added per customer at age k is a_k = Σ_{c∈C_k} revenue[c][k] / Σ_{c∈C_k} n_c, and
/// L_k = Σ_{j≤k} a_j. Ages resting on fewer than `minimumCohorts` cohorts are drawn dashed
/// and never quoted.
///
///     let curve = AverageLTV(cohorts: analysis.cohorts, through: lastComplete)
///     curve.points[11].perCustomer   // revenue per customer in the first 12 months
///
/// Complexity: O(cohorts × ages).
struct AverageLTV {
    /// L_k per age, and |C_k|; the curve ends at the first age without a complete cell.
    let points: [(perCustomer: Double, cohorts: Int)]

    /// Ages quoted and drawn solid rest on at least this many cohorts.
    static let minimumCohorts = 3

    init(cohorts: [CohortRow], through last: Int) {
        var points: [(Double, Int)] = []
        var cumulative = 0.0
        for age in 0... {
            var revenue: Int64 = 0, customers = 0, count = 0
            for row in cohorts where row.period + age <= last && age < row.cells.count && !row.cells[age].partial {
                revenue += row.cells[age].revenue.minorUnits
                customers += row.size
                count += 1
            }
            guard customers > 0 else { break }
            cumulative += Ratio(Money(minorUnits: revenue), over: customers).value ?? 0
            points.append((cumulative, count))
        }
        self.points = points
    }

    /// The longest age up to `age` that rests on enough cohorts, with its value; nil when none does.
    func quoted(upTo age: Int) -> (age: Int, perCustomer: Double)? {
        let last = min(age, points.count - 1)
        guard last >= 0, let found = (0 ... last).last(where: { points[$0].cohorts >= Self.minimumCohorts }) else { return nil }
        return (found, points[found].perCustomer)
    }
}
