import CohortCore

/// The words of the HTML page itself, beyond the report's labels: where the full tables
/// are, and what a printout leaves out.
///
/// Part of `Vocabulary`; each language implements it in its own file (`English+Page.swift`,
/// `German+Page.swift`).
public protocol PageVocabulary {
    /// Before the links to the files with the full matrices: "Every cohort and age of this matrix, as numbers:".
    var fullMatrixFiles: String { get }
    /// Printed under the customer lists, which paper shortens: "On paper: the 10 at-risk customers with the most revenue at stake; the lists of lost and won-back customers are on screen."
    func printedCustomerLists(atRisk rows: Int) -> String
    /// Printed under a bridge table, which paper shortens: "On paper: the last 6 months; the screen shows 12, kpis.csv every month."
    func printedBridgeRows(_ rows: Int, of shown: Int, _ kind: PeriodKind) -> String
}
