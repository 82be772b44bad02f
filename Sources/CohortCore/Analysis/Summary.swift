/// The facts of a report's written summary (3–6 sentences once worded), from the analysis and
/// the report's targets: the churn window, the customers and their churn, the revenue and what
/// drove its change, and revenue retention, each against the period before, a year earlier
/// and its target.
///
///     let facts = Summary(analysis: analysis, targets: targets).facts
///     facts.map(Language.english.words.sentence)   // ["A customer counts as lost after 3 months …", …]
public struct Summary: Sendable {
    public let facts: [SummaryFact]

    public init(analysis: CohortAnalysis, targets: KPITargets) {
        var facts: [SummaryFact] = [.churnWindow(analysis.churnWindow)]
        guard let headline = analysis.headline, headline.period < analysis.kpis.count else {
            self.facts = facts + [.tooShort(periods: analysis.periods.count)]
            return
        }
        let t = headline.period
        let kpi = analysis.kpis[t], period = analysis.periods[t]
        let year = analysis.options.period.periodsPerYear
        let previous = t > 0 ? analysis.kpis[t - 1] : nil
        let yearAgo = t >= year ? analysis.kpis[t - year] : nil
        facts.append(.activeCustomers(period: period, count: kpi.customers.end, previous: previous?.customers.end, yearAgo: yearAgo?.customers.end))
        if let rate = kpi.churnRate.value, let kept = headline[.customersKept]?.value {
            facts.append(.churn(period: period, rate: rate, previous: previous?.churnRate.value, kept: kept,
                                target: targets.values[.customersKept], status: targets.status(of: .customersKept, kept)))
        }
        facts.append(.revenue(period: period, revenue: kpi.revenue, previous: previous?.revenue, yearAgo: yearAgo?.revenue,
                              churned: Money(minorUnits: -kpi.revenueBridge.churned.minorUnits)))
        if t > 0, let drivers = Self.drivers(analysis, period: t) { facts.append(drivers) }
        if let nrr = headline[.nrr], let value = nrr.value, let grr = headline[.grr]?.value, let window = nrr.span {
            facts.append(.revenueRetention(nrr: value, grr: grr, window: window, target: targets.values[.nrr],
                                           status: targets.status(of: .nrr, value)))
        }
        facts += Self.segmentDifferences(analysis)
        self.facts = facts
    }

    /// Per segment attribute (the first two), its best and worst segment by churn when their intervals do not overlap.
    static func segmentDifferences(_ analysis: CohortAnalysis) -> [SummaryFact] {
        (analysis.segments ?? []).prefix(2).compactMap { attribute in
            let compared = attribute.segments.filter { ($0.comparison?.churn.total ?? 0) > 0 }
            guard let best = compared.min(by: { $0.comparison!.churn.value! < $1.comparison!.churn.value! }),
                  let worst = compared.max(by: { $0.comparison!.churn.value! < $1.comparison!.churn.value! }),
                  best.comparison!.churn.differs(from: worst.comparison!.churn) else { return nil }
            // The fact carries the two segments without their analyses (a summary needs their names and churn only).
            func bare(_ segment: Segment) -> Segment {
                var bare = segment
                bare.analysis.cohorts = []; bare.analysis.averages = []; bare.analysis.kpis = []; bare.analysis.survival = nil
                return bare
            }
            return .segmentDifference(attribute: attribute.name, best: bare(best), worst: bare(worst))
        }
    }

    /// The largest movement of the revenue bridge in period t, and the cohort acquired before t
    /// whose revenue changed most against t − 1.
    private static func drivers(_ analysis: CohortAnalysis, period t: Int) -> SummaryFact? {
        let bridge = analysis.kpis[t].revenueBridge
        let movements: [(RevenueMovement, Money)] = [(.new, bridge.new), (.expansion, bridge.expansion), (.contraction, bridge.contraction),
                                                     (.churned, bridge.churned), (.reactivation, bridge.reactivation)]
        guard let largest = movements.max(by: { abs($0.1.minorUnits) < abs($1.1.minorUnits) }), largest.1.minorUnits != 0 else { return nil }
        var cohort: (label: String, change: Int64)?
        for row in analysis.cohorts where row.period < t {
            let age = t - row.period
            guard age < row.cells.count else { continue }
            let change = row.cells[age].revenue.minorUnits - row.cells[age - 1].revenue.minorUnits
            if change != 0, abs(change) > abs(cohort?.change ?? 0) { cohort = (row.label, change) }
        }
        return .drivers(movement: largest.0, amount: largest.1, cohort: cohort?.label, cohortChange: cohort.map { Money(minorUnits: $0.change) })
    }
}
