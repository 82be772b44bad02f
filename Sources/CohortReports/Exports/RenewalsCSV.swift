import CohortCore

/// The contracts coming up for renewal in the days after the as-of date, by MRR (renewals.csv): for
/// the account managers' list or a CRM import. The header is a contract; ids are neutralized for
/// spreadsheets, dates ISO, money with two decimals; `latest_nps` is empty without survey answers.
public enum RenewalsCSV {
    public static let header = [
        "customer_id", "contract_id", "contract_start", "contract_end", "days_until_end", "mrr", "renewal_agreed", "latest_nps",
    ]

    public static func render(_ contracts: ContractAnalysis, satisfaction: SatisfactionAnalysis? = nil,
                              dialect: CSVExportDialect = .rfc4180) -> String {
        var text = dialect.header(header)
        for renewal in contracts.upcoming {
            text += dialect.line([
                .data(renewal.customer), .data(renewal.contract ?? ""), .text(renewal.start.description), .text(renewal.end.description),
                .integer(renewal.daysLeft), .number(renewal.mrr.description), .text(renewal.renewalAgreed ? "true" : "false"),
                .text(satisfaction?.latestScore(of: renewal.customer).map { String($0.score) } ?? ""),
            ])
        }
        return text
    }
}
