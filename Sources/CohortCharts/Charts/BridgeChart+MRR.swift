import CohortCore
import CohortVocabulary

extension BridgeChart {
    /// The MRR movements of the contracts view, drawn as a revenue bridge: new, expansion and
    /// won back above zero, contraction and churned below, the net change as a line (the last 24 months).
    /// Without contracts it says there is nothing to draw.
    static func mrr(analysis: CohortAnalysis, style: ChartStyle) -> BridgeChart {
        var monthly = analysis
        let months = analysis.contracts?.months ?? []
        monthly.periods = months.enumerated().map { index, month in
            let calendar = PeriodCalendar(.month)
            let period = calendar.period(containingDay: month.evaluatedOn.dayNumber)
            return PeriodInfo(index: index, label: month.label, firstDay: CivilDate(dayNumber: calendar.firstDay(of: period)),
                              lastDay: CivilDate(dayNumber: calendar.lastDay(of: period)), partial: month.partial)
        }
        monthly.options.period = .month
        monthly.kpis = months.enumerated().map { index, month in
            PeriodKPIs(period: index, label: month.label, partial: month.partial, customers: month.customers, churnRate: .empty,
                       customerRetentionRate: .empty, customerRetentionRate12: .empty, winBackRate: .empty, revenue: month.mrr.end,
                       revenueBridge: month.mrr, netRevenueRetentionMonthly: .empty, grossRevenueRetentionMonthly: .empty,
                       netRevenueRetention12: .empty, grossRevenueRetention12: .empty, revenueChurnRate: .empty, orders: 0,
                       averageOrderValue: .empty, repeatPurchaseRate12: .empty, purchaseFrequency12: .empty, averageLifespan: .empty,
                       customerLifetimeValue: .empty)
        }
        return BridgeChart(analysis: monthly, style: style, kind: .revenue, isMRR: true)
    }

    /// The revenue bridge of a report made from contracts alone is the MRR movements: titled so.
    func labelledAsMRR(_ isMRR: Bool) -> BridgeChart {
        guard isMRR else { return self }
        return BridgeChart(analysis: analysis, style: style, kind: kind, isMRR: true)
    }
}
