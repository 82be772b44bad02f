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

    public static func render(_ contracts: ContractAnalysis) -> String {
        var text = CSVField.line(header)
        for month in contracts.months {
            let c = month.customers, m = month.mrr, r = month.renewals
            text += CSVField.line([
                month.label, month.partial ? "true" : "false",
                String(c.start), String(c.new), String(c.reactivated), String(c.churned), String(c.end),
                m.start.description, m.new.description, m.expansion.description, m.contraction.description, m.churned.description,
                m.reactivation.description, m.end.description, month.arr.description,
                String(r.due), String(r.renewed), r.rate.formatted(), r.mrrDue.description, r.mrrRenewed.description, r.mrrRate.formatted(),
            ])
        }
        return text
    }
}
