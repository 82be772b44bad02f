import CohortCore
import CohortVocabulary

/// Customer records for the terminal, in the command's language.
public enum CustomerTableText {
    public static func render(_ records: [CustomerRecord], words: any Vocabulary, currency: String) -> String {
        let labels = words.customerWords()
        var table = TextTable(header: [labels.customer, "", labels.lastOrder, labels.daysSince, labels.revenue12m, labels.atStake,
                                       labels.lifetimeRevenue, labels.probabilityAlive, labels.predictedCLV],
                              rightAligned: [false, false, false, true, true, true, true, true, true])
        func money(_ value: Money) -> String { words.money(value.units, currency: currency) }
        for record in records {
            table.append([record.id, words.status(record.status), record.lastOrder.description, words.count(record.daysSinceLastOrder),
                          money(record.revenue12m), record.revenueAtStake.map(money) ?? "", money(record.revenueLifetime),
                          record.probabilityAlive.map { words.percent($0, places: 0) } ?? "",
                          record.predictedCLV12m.map { words.money($0, currency: currency) } ?? ""])
        }
        return table.render()
    }
}
