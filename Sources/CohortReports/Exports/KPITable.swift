import CohortCore

/// The main period KPIs for the terminal, one line per period.
public enum KPITable {
    public static func render(_ analysis: CohortAnalysis) -> String {
        var table = TextTable(
            header: ["Period", "Start", "New", "Won back", "Churned", "End", "Churn", "CRR", "NRR 12", "GRR 12", "Revenue", "Orders", "AOV"],
            rightAligned: [false] + Array(repeating: true, count: 12))
        for kpi in analysis.kpis {
            let c = kpi.customers
            table.append([
                kpi.label + (kpi.partial ? "*" : ""), NumberText.count(c.start), NumberText.count(c.new),
                NumberText.count(c.reactivated), NumberText.count(c.churned), NumberText.count(c.end),
                NumberText.percent(kpi.churnRate), NumberText.percent(kpi.customerRetentionRate),
                NumberText.percent(kpi.netRevenueRetention12), NumberText.percent(kpi.grossRevenueRetention12),
                NumberText.money(kpi.revenue), NumberText.count(kpi.orders), NumberText.money(kpi.averageOrderValue),
            ])
        }
        let partial = analysis.endsWithPartialPeriod ? "; * = partial period" : ""
        return "Period KPIs, as of \(analysis.asOf) (churn window \(analysis.churnWindow.periods)\(partial))\n\n" + table.render()
    }
}
