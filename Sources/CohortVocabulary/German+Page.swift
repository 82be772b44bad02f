import CohortCore

extension German: PageVocabulary {
    var fullMatrixFiles: String { "Jede Kohorte und jedes Alter dieser Matrix als Zahlen:" }
    func printedCustomerLists(atRisk rows: Int) -> String {
        "Auf Papier: die \(rows) gefährdeten Kunden mit dem meisten Umsatz im Risiko; die Listen der verlorenen und zurückgewonnenen Kunden stehen in der Bildschirmansicht."
    }

    func printedBridgeRows(_ rows: Int, of shown: Int, _ kind: PeriodKind) -> String {
        let unit: String
        switch kind {
        case .month: unit = "jeder Monat"
        case .week: unit = "jede Woche"
        case .quarter: unit = "jedes Quartal"
        }
        return "Auf Papier: die letzten \(rows) \(periodNoun(kind, plural: true)); am Bildschirm \(shown), in kpis.csv \(unit)."
    }
}
