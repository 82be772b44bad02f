import CohortCore

extension English: PageVocabulary {
    var fullMatrixFiles: String { "Every cohort and age of this matrix, as numbers:" }
    func printedCustomerLists(atRisk rows: Int) -> String {
        "On paper: the \(rows) at-risk customers with the most revenue at stake; the lists of lost and won-back customers are on screen."
    }

    func printedBridgeRows(_ rows: Int, of shown: Int, _ kind: PeriodKind) -> String {
        "On paper: the last \(rows) \(periodNoun(kind, plural: true)); the screen shows \(shown), kpis.csv every \(periodNoun(kind, plural: false))."
    }
}
