/// Something about the input worth a look that does not stop the run, with its data;
/// the vocabulary words it.
public enum InputWarning: Sendable, Codable, Equatable {
    /// Rows of a later file that repeat an earlier file's rows; they were skipped.
    case duplicateRows(count: Int, first: RejectedRow)
    /// Rows dated more than `farPastYears` before the latest order up to today (a placeholder
    /// date such as 1900-01-01, or a typo); `at` is the earliest.
    case datesFarInPast(count: Int, latest: CivilDate, earliest: CivilDate, at: RowLocation)
    /// Rows dated after the day of the run; `at` is the latest.
    case datesInFuture(count: Int, today: CivilDate, latest: CivilDate, at: RowLocation)
    /// Amounts marked with a currency other than the report's (`--currency`).
    case currencyDiffers(source: String, mark: String, count: Int, line: Int, expected: String)
    /// Amounts of one file marked with different currencies (when no `--currency` is given).
    case mixedCurrencies(source: String, marks: [CurrencyCount])
    /// Rows dated outside the days the report accepts (`RejectReason.dateOutOfRange`); they were set aside.
    case datesOutOfRange(count: Int, earliest: CivilDate, latest: CivilDate, first: RejectedRow)
    /// A file named again (the same file under another name, or a copy with the same bytes): read once.
    case sameInputTwice(source: String, original: String, sameFile: Bool)
    /// Rows of a database without a customer id, a date or an amount; they were left out (a file
    /// rejects such rows one by one, with their lines).
    case incompleteRows(source: String, count: Int, read: Int)

    /// How many years before the latest order a date counts as far in the past.
    public static let farPastYears = 20
}

/// A currency mark as written beside amounts ("€", "USD") and how many amounts carry it.
public struct CurrencyCount: Sendable, Codable, Equatable {
    public var mark: String
    public var count: Int

    public init(mark: String, count: Int) {
        self.mark = mark
        self.count = count
    }
}
