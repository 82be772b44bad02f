import CohortCore

/// The period KPIs as CSV: one row per period, first period first.
///
/// Money with two decimals, ratios with four places, an undefined ratio empty;
/// the header is a contract other tools rely on.
public enum KPICSV {
    public static let header = [
        "period", "partial", "customers_start", "new_customers", "reactivated_customers", "churned_customers",
        "customers_end", "churn_rate", "customer_retention_rate", "customer_retention_rate_12", "win_back_rate",
        "revenue", "revenue_start", "revenue_new", "revenue_expansion", "revenue_contraction", "revenue_churned",
        "revenue_reactivation", "revenue_end", "nrr_monthly", "grr_monthly", "nrr_12", "grr_12", "revenue_churn_rate",
        "orders", "average_order_value", "repeat_purchase_rate_12", "purchase_frequency_12", "average_lifespan", "clv",
    ]

    public static func render(_ analysis: CohortAnalysis) -> String {
        var text = CSVField.line(header)
        for kpi in analysis.kpis {
            let customers = kpi.customers, revenue = kpi.revenueBridge
            text += CSVField.line([
                kpi.label, kpi.partial ? "true" : "false",
                String(customers.start), String(customers.new), String(customers.reactivated),
                String(customers.churned), String(customers.end),
                kpi.churnRate.formatted(), kpi.customerRetentionRate.formatted(),
                kpi.customerRetentionRate12.formatted(), kpi.winBackRate.formatted(),
                kpi.revenue.description, revenue.start.description, revenue.new.description,
                revenue.expansion.description, revenue.contraction.description, revenue.churned.description,
                revenue.reactivation.description, revenue.end.description,
                kpi.netRevenueRetentionMonthly.formatted(), kpi.grossRevenueRetentionMonthly.formatted(),
                kpi.netRevenueRetention12.formatted(), kpi.grossRevenueRetention12.formatted(),
                kpi.revenueChurnRate.formatted(),
                String(kpi.orders), kpi.averageOrderValue.formatted(places: 2),
                kpi.repeatPurchaseRate12.formatted(), kpi.purchaseFrequency12.formatted(),
                kpi.averageLifespan.formatted(places: 2), kpi.customerLifetimeValue.formatted(places: 2),
            ])
        }
        return text
    }
}
