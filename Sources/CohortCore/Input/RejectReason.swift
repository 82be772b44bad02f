/// Why a row of the input was set aside, with the data a message needs.
public enum RejectReason: Sendable, Codable, Equatable {
    /// The row has another number of fields than the header.
    case fieldCount(found: Int, header: Int)
    case emptyDate
    /// Not a date; `order` is the column's day/month order when it was known, and `evidence` what settled it.
    case notADate(text: String, order: DateOrder?, evidence: ConventionEvidence?)
    case emptyAmount
    case tooManyDecimals(text: String)
    case notANumber(text: String)
    /// An amount with more whole digits than the report adds up exactly (more than 15: a quadrillion or more).
    case amountTooLarge(text: String)
    /// A date before `earliest` or after `latest`, the days the report accepts (METRICS.md, "Input model"):
    /// a typo such as 9999-12-31 would otherwise stretch every table indexed by period.
    case dateOutOfRange(text: String, earliest: CivilDate, latest: CivilDate)
    /// A number only with the other separator: it contradicts the column's decimal separator.
    case separatorMismatch(text: String, separator: DecimalSeparator, evidence: ConventionEvidence)
    case emptyCustomer
    /// The same order line (order id, customer, date and amount) as a row of an earlier file.
    case repeats(RowLocation)
    /// A contract whose end date lies before its start date.
    case endBeforeStart(start: CivilDate, end: CivilDate)
    /// A contract with a negative monthly recurring revenue.
    case negativeMRR(text: String)
    /// A survey answer without a score.
    case emptyScore
    /// Not a whole number from 0 to 10 ("9/10", "8.5", "11").
    case notAScore(text: String)
}

/// What settled how a column writes its values (its decimal separator, its day/month order).
public enum ConventionEvidence: Sendable, Codable, Equatable {
    /// Given on the command line (`--decimal`, `--date-format`).
    case given
    /// Proven by a value of the data that only one choice can read.
    case proven(line: Int, text: String)
    /// Settled at the end of the file: whole amounts without `grouping` beside groups of three digits after it.
    case wholeAmountsBesideGroups(grouping: DecimalSeparator)
}
