/// The headline figures of METRICS.md for one period t, each with its value at t − 1 and a
/// year earlier: active customers, churn, customers kept, revenue and AOV from the period KPIs,
/// NRR and GRR over the longest window the history allows, and the first year's revenue per
/// customer from the average LTV curve.
///
/// Complexity: O(history entries + cohorts × ages).
struct HeadlineBuilder {
    let history: CustomerHistory
    let kpis: [PeriodKPIs]
    let cohorts: [CohortRow]
    let kind: PeriodKind

    private var year: Int { kind.periodsPerYear }

    func build(period t: Int) -> Headline {
        let earlier = [t - 1, t - year]
        func figure(_ key: HeadlineKey, missing: MissingFigure? = nil, _ value: (PeriodKPIs) -> Double?) -> HeadlineFigure {
            let values = ([t] + earlier).map { $0 >= 0 && $0 < kpis.count ? value(kpis[$0]) : nil }
            return HeadlineFigure(key: key, value: values[0], previous: values[1], yearAgo: values[2], missing: values[0] == nil ? missing : nil)
        }
        let (nrr, grr) = revenueRetention(at: t)
        return Headline(period: t, figures: [
            figure(.activeCustomers) { Double($0.customers.end) },
            figure(.churnRate, missing: .noCustomersAtStart) { $0.churnRate.value },
            figure(.customersKept, missing: .noCustomersAtStart) { Ratio($0.customers.start - $0.customers.churned, over: $0.customers.start).value },
            figure(.revenue) { $0.revenue.units },
            nrr, grr,
            firstYearRevenue(at: t),
            figure(.averageOrderValue, missing: .noOrders) { $0.averageOrderValue.value },
        ])
    }

    // MARK: NRR and GRR

    /// NRR and GRR over a year when two years of history exist, else over the longest window w ≥ 3
    /// with 2w periods up to t; the same window at t − 1 and a year earlier where they have 2w periods.
    private func revenueRetention(at t: Int) -> (HeadlineFigure, HeadlineFigure) {
        let present = t + 1
        let window = present >= 2 * year ? year : present / 2
        guard window >= 3 else {
            let missing = MissingFigure.needsPeriods(needed: 2 * min(year, 3), present: present)
            return (HeadlineFigure(key: .nrr, value: nil, missing: missing), HeadlineFigure(key: .grr, value: nil, missing: missing))
        }
        let targets = [t, t - 1, t - year]
        let sums = windowSums(at: targets.map { $0 + 1 >= 2 * window ? $0 : nil }, window: window)
        let nrr = sums.map { Ratio($0.current, over: $0.base).value }
        let grr = sums.map { Ratio($0.gross, over: $0.base).value }
        let missing: MissingFigure? = nrr[0] == nil ? .noBaseRevenue : nil
        return (HeadlineFigure(key: .nrr, value: nrr[0], previous: nrr[1], yearAgo: nrr[2], span: window, missing: missing),
                HeadlineFigure(key: .grr, value: grr[0], previous: grr[1], yearAgo: grr[2], span: window, missing: missing))
    }

    /// Per target period T (nil: skipped): over customers with base_i > 0, Σ base_i, Σ current_i and
    /// Σ min(current_i, base_i), base over T − 2w + 1 … T − w and current over T − w + 1 … T (x = max(0, net)).
    private func windowSums(at targets: [Int?], window: Int) -> [(base: Int64, current: Int64, gross: Int64)] {
        let parts = ParallelWork.parts(for: history.period.count)
        let partial = history.withColumns { columns in
            ParallelWork.map(ParallelWork.ranges(history.customerCount, parts: parts)) { customers in
                var sums = [(base: Int64, current: Int64, gross: Int64)](repeating: (0, 0, 0), count: targets.count)
                for customer in customers {
                    for (index, target) in targets.enumerated() {
                        guard let target else { continue }
                        var base: Int64 = 0, current: Int64 = 0
                        for entry in history.entries(of: customer) {
                            let p = Int(columns.period[entry])
                            if p > target { break }
                            let x = max(0, columns.netRevenue[entry])
                            if p > target - window { current += x } else if p > target - 2 * window { base += x }
                        }
                        guard base > 0 else { continue }
                        sums[index].base += base
                        sums[index].current += current
                        sums[index].gross += min(base, current)
                    }
                }
                return sums
            }
        }
        return targets.indices.map { index in
            partial.reduce((base: Int64(0), current: Int64(0), gross: Int64(0))) {
                ($0.base + $1[index].base, $0.current + $1[index].current, $0.gross + $1[index].gross)
            }
        }
    }

    // MARK: Revenue per customer in the first year

    /// L at the age that ends the first year (L_11 for months), over the cohorts complete by t;
    /// with fewer than three such cohorts, at the longest age with three. The same age at t − 1
    /// and a year earlier, where three cohorts reach it.
    private func firstYearRevenue(at t: Int) -> HeadlineFigure {
        let now = AverageLTV(cohorts: cohorts, through: t)
        guard let quoted = now.quoted(upTo: year - 1) else {
            let cohortsPresent = now.points.first?.cohorts ?? 0
            return HeadlineFigure(key: .clv12m, value: nil, missing: .needsCohorts(needed: AverageLTV.minimumCohorts, present: cohortsPresent))
        }
        func earlier(_ period: Int) -> Double? {
            guard period >= 0 else { return nil }
            let curve = AverageLTV(cohorts: cohorts, through: period)
            guard quoted.age < curve.points.count, curve.points[quoted.age].cohorts >= AverageLTV.minimumCohorts else { return nil }
            return curve.points[quoted.age].perCustomer
        }
        return HeadlineFigure(key: .clv12m, value: quoted.perCustomer, previous: earlier(t - 1), yearAgo: earlier(t - year), span: quoted.age + 1)
    }
}
