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

/// The contracts view for the terminal, one line per month.
public enum MRRTable {
    public static func render(_ contracts: ContractAnalysis) -> String {
        var table = TextTable(
            header: ["Month", "Customers", "MRR start", "New", "Expansion", "Won back", "Contraction", "Churned", "MRR end", "ARR",
                     "Due", "Renewed", "Open", "Renewal", "MRR renewal"],
            rightAligned: [false] + Array(repeating: true, count: 14))
        for month in contracts.months {
            let m = month.mrr, r = month.renewals
            table.append([
                month.label + (month.partial ? "*" : ""), NumberText.count(month.customers.end), NumberText.money(m.start),
                NumberText.money(m.new), NumberText.money(m.expansion), NumberText.money(m.reactivation), NumberText.money(m.contraction),
                NumberText.money(m.churned), NumberText.money(m.end), NumberText.money(month.arr), NumberText.count(r.due),
                NumberText.count(r.renewed), NumberText.count(r.open), NumberText.percent(r.rate), NumberText.percent(r.mrrRate),
            ])
        }
        let partial = contracts.months.last?.partial == true ? "; * = partial month, read on the as-of date" : ""
        let asOf = contracts.months.last.map { " as of \($0.evaluatedOn)" } ?? ""
        return "MRR movements and renewals\(asOf) (grace period \(contracts.graceDays) days\(partial))\n\n" + table.render()
    }
}
