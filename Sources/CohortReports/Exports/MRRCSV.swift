import CohortCore

/// The contracts view month by month as CSV (`cohort mrr --format csv`, mrr.csv): customers and MRR
/// movements, ARR and renewals. The header is a contract other tools rely on; money with two
/// decimals, rates with four places, an undefined rate empty.
public enum MRRCSV {
    public static let header = [
        "period", "partial", "customers_start", "new_customers", "reactivated_customers", "churned_customers", "customers_end",
        "mrr_start", "mrr_new", "mrr_expansion", "mrr_contraction", "mrr_churned", "mrr_reactivation", "mrr_end", "arr_end",
        "contracts_due", "contracts_renewed", "renewal_rate", "mrr_due", "mrr_renewed", "mrr_renewal_rate",
    ]

    public static func render(_ contracts: ContractAnalysis, dialect: CSVExportDialect = .rfc4180) -> String {
        var text = dialect.header(header)
        for month in contracts.months {
            let c = month.customers, m = month.mrr, r = month.renewals
            text += dialect.line([
                .text(month.label), .text(month.partial ? "true" : "false"),
                .integer(c.start), .integer(c.new), .integer(c.reactivated), .integer(c.churned), .integer(c.end),
                .number(m.start.description), .number(m.new.description), .number(m.expansion.description),
                .number(m.contraction.description), .number(m.churned.description), .number(m.reactivation.description),
                .number(m.end.description), .number(month.arr.description),
                .integer(r.due), .integer(r.renewed), .number(r.rate.formatted()), .number(r.mrrDue.description),
                .number(r.mrrRenewed.description), .number(r.mrrRate.formatted()),
            ])
        }
        return text
    }
}
