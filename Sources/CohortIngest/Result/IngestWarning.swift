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

    public var description: String { text(german: false) }

    /// The same line in German, for a German report.
    public var germanDescription: String { text(german: true) }

    private func text(german: Bool) -> String {
        func pick(_ english: String, _ deutsch: String) -> String { german ? deutsch : english }
        switch self {
        case .duplicateRows(let count, let first):
            return count == 1
                ? pick("1 row repeats a row of an earlier file and was skipped (same order id, customer, date and amount); first: \(first.source):\(first.line) \(first.reason)",
                       "1 Zeile wiederholt eine Zeile einer früheren Datei und wurde übersprungen (gleiche Bestellnummer, Kunde, Datum und Betrag): \(first.source):\(first.line)")
                : pick("\(count) rows repeat rows of an earlier file and were skipped (same order id, customer, date and amount); first: \(first.source):\(first.line) \(first.reason)",
                       "\(count) Zeilen wiederholen Zeilen einer früheren Datei und wurden übersprungen (gleiche Bestellnummer, Kunde, Datum und Betrag); erste: \(first.source):\(first.line)")
        case .datesFarInPast(let count, let latest, let earliest, let location):
            return pick("\(count) \(count == 1 ? "row is" : "rows are") dated more than \(Self.farPastYears) years before the latest order (\(latest)); "
                        + "the earliest, \(earliest), is at \(location): a placeholder date or a typo?",
                        "\(count) \(count == 1 ? "Zeile ist" : "Zeilen sind") mehr als \(Self.farPastYears) Jahre vor der letzten Bestellung (\(latest)) datiert; "
                        + "die früheste, \(earliest), steht in \(location): ein Platzhalterdatum oder ein Tippfehler?")
        case .datesInFuture(let count, let today, let latest, let location):
            return pick("\(count) \(count == 1 ? "row is" : "rows are") dated after today (\(today)), the latest \(latest) at \(location); "
                        + "without --as-of the report runs up to that date",
                        "\(count) \(count == 1 ? "Zeile ist" : "Zeilen sind") nach heute (\(today)) datiert, die späteste \(latest) in \(location); "
                        + "ohne --as-of reicht der Bericht bis zu diesem Datum")
        case .currencyDiffers(let source, let mark, let count, let line, let expected):
            return "\(source):\(line): " + pick("\(count) \(count == 1 ? "amount is" : "amounts are") marked '\(mark)' but the report's currency is "
                                                + "\(expected) (--currency); they are added up as they are",
                                                "\(count) \(count == 1 ? "Betrag ist" : "Beträge sind") mit '\(mark)' ausgezeichnet, die Währung des Berichts ist aber "
                                                + "\(expected) (--currency); sie werden addiert, wie sie sind")
        case .mixedCurrencies(let source, let marks):
            return "\(source): " + pick("amounts are marked with different currencies (\(marks.joined(separator: ", "))); they are added up as they are",
                                         "Beträge sind mit verschiedenen Währungen ausgezeichnet (\(marks.joined(separator: ", "))); sie werden addiert, wie sie sind")
        }
    }
}
