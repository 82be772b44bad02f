extension CohortAnalysis {
    /// Every broken invariant of the analysis, as readable sentences; empty when sound.
    ///
    /// Checks the two bridge identities of METRICS.md in every period, that each
    /// bridge starts where the previous one ended, and the matrix facts that hold by
    /// definition (age 0 is the whole cohort, unbounded ≥ active, cohort revenue adds
    /// up to period revenue). Tests call it on randomly generated data.
    public func invariantViolations() -> [String] {
        var problems: [String] = []
        for (t, kpi) in kpis.enumerated() {
            let c = kpi.customers
            if !c.balances {
                problems.append("\(kpi.label): customer bridge \(c.start) + \(c.new) + \(c.reactivated) − \(c.churned) ≠ \(c.end)")
            }
            let r = kpi.revenueBridge
            if !r.balances { problems.append("\(kpi.label): revenue bridge does not add up to \(r.end)") }
            if t > 0 {
                if c.start != kpis[t - 1].customers.end { problems.append("\(kpi.label): S ≠ previous E") }
                if r.start != kpis[t - 1].revenueBridge.end { problems.append("\(kpi.label): revenue start ≠ previous end") }
            }
        }
        var revenueByPeriod = [Int64](repeating: 0, count: periods.count)
        var newByPeriod = [Int](repeating: 0, count: periods.count)
        for row in cohorts {
            newByPeriod[row.period] += row.size
            if row.cells.count != periods.count - row.period { problems.append("cohort \(row.label): wrong number of ages") }
            if row.cells.first?.activeCustomers != row.size { problems.append("cohort \(row.label): age 0 is not the whole cohort") }
            for cell in row.cells {
                if cell.activeCustomers > cell.unboundedActiveCustomers || cell.unboundedActiveCustomers > row.size {
                    problems.append("cohort \(row.label) age \(cell.age): active ≤ unbounded ≤ size fails")
                }
                revenueByPeriod[row.period + cell.age] += cell.revenue.minorUnits
            }
        }
        for (t, kpi) in kpis.enumerated() {
            if kpi.revenue.minorUnits != revenueByPeriod[t] { problems.append("\(kpi.label): period revenue ≠ Σ cohort revenue") }
            if kpi.customers.new != newByPeriod[t] { problems.append("\(kpi.label): new customers ≠ cohort size") }
        }
        return problems
    }
}
