import CohortDatabase

/// The words about orders read from a database (`cohort report postgresql://...`): errors, the
/// warning about incomplete rows, and the headings of `--explain`. Part of every `Vocabulary`.
public protocol DatabaseVocabulary: Sendable {
    /// One line per error, naming the source (its URL without a password).
    func describe(_ error: DatabaseError) -> String
    /// "postgresql://…/shop (table orders): 3 of 1,200 rows have no customer id, date or amount and were left out".
    func incompleteRows(source: String, count: Int, read: Int) -> String
    /// `--explain`: the comment above the statement, and above the server's plan.
    var explainStatementHeading: String { get }
    var explainPlanHeading: String { get }
    /// `--explain` without a connection: why there is no plan, and that the columns are assumed as named.
    func explainWithoutPlan(_ error: DatabaseError) -> String
}

extension DatabaseVocabulary {
    /// "1.5 %", "2 %": a share in messages, to one decimal (with the decimal point, as the messages of the CLI use).
    func shareText(_ part: Int, of whole: Int, decimalMark: String) -> String {
        let share = (Double(part) / Double(max(whole, 1)) * 1000).rounded() / 10
        return percentText(share, decimalMark: decimalMark)
    }

    func percentText(_ value: Double, decimalMark: String) -> String {
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? "\(Int(rounded))" : "\(rounded)".replacingOccurrences(of: ".", with: decimalMark)
        return text + " %"
    }
}
