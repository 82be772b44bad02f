import CohortCore

/// Something about the input worth a look that does not stop the run: each renders as one line.
///
///     IngestWarning.datesInFuture(count: 2, today: today, latest: latest, at: "orders.csv:9").description
///     // 2 rows are dated after today (2026-11-23), the latest 2062-01-05 at orders.csv:9; without --as-of the report runs up to that date
public enum IngestWarning: Sendable, Equatable, CustomStringConvertible {
    /// Rows of a later file that repeat an earlier file's rows; they were skipped.
    case duplicateRows(count: Int, first: RejectedRow)
    /// Rows dated more than `farPastYears` before the latest order up to today (a placeholder
    /// date such as 1900-01-01, or a typo).
    case datesFarInPast(count: Int, latest: CivilDate, earliest: CivilDate, at: String)
    /// Rows dated after the day of the run.
    case datesInFuture(count: Int, today: CivilDate, latest: CivilDate, at: String)
    /// Amounts marked with a currency other than the report's (`--currency`).
    case currencyDiffers(source: String, mark: String, count: Int, line: Int, expected: String)
    /// Amounts of one file marked with different currencies (when no `--currency` is given).
    case mixedCurrencies(source: String, marks: [String])

    /// How many years before the latest order a date counts as far in the past.
    public static let farPastYears = 20

    public var description: String {
        switch self {
        case .duplicateRows(let count, let first):
            return "\(count) \(count == 1 ? "row repeats a row" : "rows repeat rows") of an earlier file and "
                + "\(count == 1 ? "was" : "were") skipped (same order id, customer, date and amount); first: \(first.source):\(first.line) \(first.reason)"
        case .datesFarInPast(let count, let latest, let earliest, let location):
            return "\(count) \(count == 1 ? "row is" : "rows are") dated more than \(Self.farPastYears) years before the latest order (\(latest)); "
                + "the earliest, \(earliest), is at \(location): a placeholder date or a typo?"
        case .datesInFuture(let count, let today, let latest, let location):
            return "\(count) \(count == 1 ? "row is" : "rows are") dated after today (\(today)), the latest \(latest) at \(location); "
                + "without --as-of the report runs up to that date"
        case .currencyDiffers(let source, let mark, let count, let line, let expected):
            return "\(source):\(line): \(count) \(count == 1 ? "amount is" : "amounts are") marked '\(mark)' but the report's currency is "
                + "\(expected) (--currency); they are added up as they are"
        case .mixedCurrencies(let source, let marks):
            return "\(source): amounts are marked with different currencies (\(marks.joined(separator: ", "))); they are added up as they are"
        }
    }
}
