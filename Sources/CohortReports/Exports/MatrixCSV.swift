import CohortCore

/// The cohort matrix as tidy CSV rows: one row per cohort and age, sorted by cohort then age.
///
/// The header and formats are a contract other tools rely on (money with two
/// decimals, ratios with four places, an empty ratio as an empty field):
/// `cohort,age,cohort_size,active_customers,retention,unbounded_retention,revenue,revenue_retention,grr_revenue,grr,cumulative_revenue_per_customer,partial`
public enum MatrixCSV {
    public static let header = [
        "cohort", "age", "cohort_size", "active_customers", "retention", "unbounded_retention", "revenue",
        "revenue_retention", "grr_revenue", "grr", "cumulative_revenue_per_customer", "partial",
    ]

    public static func render(_ analysis: CohortAnalysis) -> String {
        var text = CSVField.line(header)
        for row in analysis.cohorts {
            for cell in row.cells {
                text += CSVField.line([
                    row.label, String(cell.age), String(row.size), String(cell.activeCustomers),
                    cell.retention.formatted(), cell.unboundedRetention.formatted(), cell.revenue.description,
                    cell.revenueRetention.formatted(), cell.grossRetainedRevenue.description,
                    cell.grossRevenueRetention.formatted(), cell.cumulativeRevenuePerCustomer.formatted(places: 2),
                    cell.partial ? "true" : "false",
                ])
            }
        }
        return text
    }
}
