import CohortCore
import CohortVocabulary

/// The contracts view for the terminal (`cohort mrr`), in the command's language: MRR movements,
/// ARR and renewals by month. A partial month is marked `*`.
public enum MRRTable {
    public static func render(_ contracts: ContractAnalysis, words: any Vocabulary = Language.english.words) -> String {
        let labels = words.contractWords()
        let number = TableNumbers(words: words)
        var table = TextTable(
            header: [labels.month, labels.customers, labels.mrrStart, labels.new, labels.expansion, labels.reactivation, labels.contraction,
                     labels.churned, labels.mrrEnd, labels.arr, labels.due, labels.renewed, labels.open, labels.renewalRate, labels.mrrRenewalRate],
            rightAligned: [false] + Array(repeating: true, count: 14))
        for month in contracts.months {
            let m = month.mrr, r = month.renewals
            table.append([
                month.label + (month.partial ? "*" : ""), number.count(month.customers.end), number.money(m.start),
                number.money(m.new), number.money(m.expansion), number.money(m.reactivation), number.money(m.contraction),
                number.money(m.churned), number.money(m.end), number.money(month.arr), number.count(r.due),
                number.count(r.renewed), number.count(r.open), number.percent(r.rate), number.percent(r.mrrRate),
            ])
        }
        return "\(labels.mrrHeading) · \(labels.renewalsHeading)\n"
            + words.contractsLine(contracts: contracts.contractCount, customers: contracts.customerCount, graceDays: contracts.graceDays)
            + "\n\n" + table.render()
    }
}
