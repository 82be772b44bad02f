import CohortCore

/// The cohort matrix as tidy CSV rows: one row per cohort and age, sorted by cohort then age.
///
/// The header and formats are a contract other tools rely on (money with two
/// decimals, ratios with four places, an empty ratio as an empty field):
/// `cohort,age,cohort_size,active_customers,retention,unbounded_retention,revenue,revenue_retention,grr_revenue,grr,cumulative_revenue_per_customer,partial`
/// (in `excel-de`, the same keys and digits with `;` and a decimal comma).
public enum MatrixCSV {
    public static let header = [
        "cohort", "age", "cohort_size", "active_customers", "retention", "unbounded_retention", "revenue",
        "revenue_retention", "grr_revenue", "grr", "cumulative_revenue_per_customer", "partial",
    ]

    public static func render(_ analysis: CohortAnalysis, dialect: CSVExportDialect = .rfc4180) -> String {
        var text = dialect.header(header)
        for row in analysis.cohorts {
            for cell in row.cells {
                text += dialect.line([
                    .text(row.label), .integer(cell.age), .integer(row.size), .integer(cell.activeCustomers),
                    .number(cell.retention.formatted()), .number(cell.unboundedRetention.formatted()), .number(cell.revenue.description),
                    .number(cell.revenueRetention.formatted()), .number(cell.grossRetainedRevenue.description),
                    .number(cell.grossRevenueRetention.formatted()), .number(cell.cumulativeRevenuePerCustomer.formatted(places: 2)),
                    .text(cell.partial ? "true" : "false"),
                ])
            }
        }
        return text
    }
}
