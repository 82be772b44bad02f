import CohortCore
import CohortExcel

/// The KPIs by period and the Kaplan–Meier curve: one row per period, or per age.
extension ReportWorkbook {
    /// Every column of kpis.csv, in its order, one row per period (the partial one marked in
    /// its own column): counts, shares as percentages, money in the report currency.
    public func kpiSheet() -> ExcelSheet {
        let columns = words.kpiColumns, partial = words.partial
        let rows: [[WorkbookValue]] = analysis.kpis.map { kpi in
            let customers = kpi.customers, revenue = kpi.revenueBridge
            return [
                .period(analysis.periods[kpi.period], kind), kpi.partial ? .text(partial) : .empty,
                .count(customers.start), .count(customers.new), .count(customers.reactivated), .count(customers.churned), .count(customers.end),
                .percent(kpi.churnRate), .percent(kpi.customerRetentionRate), .percent(kpi.customerRetentionRate12), .percent(kpi.winBackRate),
                .money(kpi.revenue), .money(revenue.start), .money(revenue.new), .money(revenue.expansion), .money(revenue.contraction),
                .money(revenue.churned), .money(revenue.reactivation), .money(revenue.end),
                .percent(kpi.netRevenueRetentionMonthly), .percent(kpi.grossRevenueRetentionMonthly),
                .percent(kpi.netRevenueRetention12), .percent(kpi.grossRevenueRetention12), .percent(kpi.revenueChurnRate),
                .count(kpi.orders), .amount(kpi.averageOrderValue), .percent(kpi.repeatPurchaseRate12),
                .decimal(kpi.purchaseFrequency12, places: 2), .decimal(kpi.averageLifespan, places: 1), .amount(kpi.customerLifetimeValue),
            ]
        }
        var sheet = tableSheet(name: words.kpiSheet, header: columns.all, rows: rows)
        if analysis.endsWithPartialPeriod { sheet.rows += [[], [.text(vocabulary.reportLabels(kind).partialMark)]] }
        return sheet
    }

    /// The Kaplan–Meier curve, one row per age (survival.csv's columns); nil when the analysis has none.
    public func survivalSheet() -> ExcelSheet? {
        guard let survival = analysis.survival else { return nil }
        let words = self.words
        let rows: [[WorkbookValue]] = survival.map { point in
            [.count(point.age), .count(point.atRisk), .count(point.churned), .count(point.censored),
             .percent(point.survival), .percent(point.lower), .percent(point.upper)]
        }
        return tableSheet(name: words.survivalSheet,
                          header: [words.survivalAge, words.survivalAtRisk, words.survivalChurned, words.survivalCensored,
                                   words.survivalShare, words.lowerBound, words.upperBound],
                          rows: rows)
    }
}
