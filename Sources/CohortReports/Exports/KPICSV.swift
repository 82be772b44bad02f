import CohortCore

/// The period KPIs as CSV: one row per period, first period first.
///
/// Money with two decimals, ratios with four places, an undefined ratio empty;
/// the header is a contract other tools rely on (the same keys in every `CSVExportDialect`).
public enum KPICSV {
    public static let header = [
        "period", "partial", "customers_start", "new_customers", "reactivated_customers", "churned_customers",
        "customers_end", "churn_rate", "customer_retention_rate", "customer_retention_rate_12", "win_back_rate",
        "revenue", "revenue_start", "revenue_new", "revenue_expansion", "revenue_contraction", "revenue_churned",
        "revenue_reactivation", "revenue_end", "nrr_monthly", "grr_monthly", "nrr_12", "grr_12", "revenue_churn_rate",
        "orders", "average_order_value", "repeat_purchase_rate_12", "purchase_frequency_12", "average_lifespan", "clv",
    ]

    public static func render(_ analysis: CohortAnalysis, dialect: CSVExportDialect = .rfc4180) -> String {
        var text = dialect.header(header)
        for kpi in analysis.kpis {
            let customers = kpi.customers, revenue = kpi.revenueBridge
            text += dialect.line([
                .text(kpi.label), .text(kpi.partial ? "true" : "false"),
                .integer(customers.start), .integer(customers.new), .integer(customers.reactivated),
                .integer(customers.churned), .integer(customers.end),
                .number(kpi.churnRate.formatted()), .number(kpi.customerRetentionRate.formatted()),
                .number(kpi.customerRetentionRate12.formatted()), .number(kpi.winBackRate.formatted()),
                .number(kpi.revenue.description), .number(revenue.start.description), .number(revenue.new.description),
                .number(revenue.expansion.description), .number(revenue.contraction.description), .number(revenue.churned.description),
                .number(revenue.reactivation.description), .number(revenue.end.description),
                .number(kpi.netRevenueRetentionMonthly.formatted()), .number(kpi.grossRevenueRetentionMonthly.formatted()),
                .number(kpi.netRevenueRetention12.formatted()), .number(kpi.grossRevenueRetention12.formatted()),
                .number(kpi.revenueChurnRate.formatted()),
                .integer(kpi.orders), .number(kpi.averageOrderValue.formatted(places: 2)),
                .number(kpi.repeatPurchaseRate12.formatted()), .number(kpi.purchaseFrequency12.formatted()),
                .number(kpi.averageLifespan.formatted(places: 2)), .number(kpi.customerLifetimeValue.formatted(places: 2)),
            ])
        }
        return text
    }
}
