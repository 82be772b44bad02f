import CohortCore
import CohortVocabulary

/// The main period KPIs for the terminal, one line per period, in `words`' language.
public enum KPITable {
    public static func render(_ analysis: CohortAnalysis, words: any Vocabulary = Language.english.words) -> String {
        let number = TableNumbers(words: words)
        var table = TextTable(header: words.kpiTableHeader, rightAligned: [false] + Array(repeating: true, count: 12))
        for kpi in analysis.kpis {
            let c = kpi.customers
            table.append([
                kpi.label + (kpi.partial ? "*" : ""), number.count(c.start), number.count(c.new),
                number.count(c.reactivated), number.count(c.churned), number.count(c.end),
                number.percent(kpi.churnRate), number.percent(kpi.customerRetentionRate),
                number.percent(kpi.netRevenueRetention12), number.percent(kpi.grossRevenueRetention12),
                number.money(kpi.revenue), number.count(kpi.orders), number.money(kpi.averageOrderValue),
            ])
        }
        return words.kpiTableTitle(asOf: analysis.asOf, churnWindow: analysis.churnWindow.periods, partial: analysis.endsWithPartialPeriod)
            + "\n\n" + table.render()
    }
}
