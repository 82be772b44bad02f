import CohortCore

/// The words of the input's limits: amounts and dates the report cannot hold, inputs named
/// twice, and files too large, too wide or changing while they are read.
public protocol InputLimitVocabulary {
    /// "'12345678901234567890' is too large an amount (more than 15 digits before the decimal separator)".
    func amountTooLarge(_ text: String) -> String
    /// "'9999-12-31' is outside the dates the report accepts (1900-01-01 to 2031-10-31)".
    func dateOutOfRange(_ text: String, earliest: CivilDate, latest: CivilDate) -> String
    /// The warning about rows set aside for their dates, with the first one.
    func datesOutOfRange(count: Int, earliest: CivilDate, latest: CivilDate, first: String) -> String
    /// "b.csv is the same file as a.csv (or has the same content); it was read once".
    func sameInputTwice(source: String, original: String, sameFile: Bool) -> String
    /// The one line when the amounts add up beyond what the report holds exactly.
    var amountTotalTooLarge: String { get }
    func tooManyColumns(source: String, line: Int, count: Int, limit: Int) -> String
    func recordTooLong(source: String, line: Int, megabytes: Int) -> String
    func changedWhileRead(source: String) -> String
    func noWriter(source: String, seconds: Int) -> String
    /// "xl/worksheets/sheet1.xml unpacks to more than 206 MB (raise the limit with --max-sheet-mb)".
    func partTooLarge(part: String, megabytes: Int) -> String
}
