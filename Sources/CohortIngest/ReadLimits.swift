import CohortCore

/// The limits reading keeps, so that no input can cost memory or time out of proportion
/// to the orders it holds (METRICS.md, "Input model", limits).
public enum ReadLimits {
    /// The earliest date accepted: 1900-01-01 (earlier dates are typos or placeholders).
    public static let earliestDate = CivilDate(year: 1900, month: 1, day: 1)!
    /// Dates more than this many years before the reference day are set aside too: placeholders
    /// such as 1900-01-01 or 1970-01-01, which would otherwise stretch every chart over decades.
    public static let yearsBeforeReference = 50
    /// Dates more than this many years after the reference day (the as-of date, else the day of the run) are set aside.
    public static let yearsAfterReference = 5
    /// Without any reference day (a library caller that sets neither `asOf` nor `today`): the latest date accepted.
    public static let latestDateWithoutReference = CivilDate(year: 2199, month: 12, day: 31)!
    /// A header with more fields is refused.
    public static let maximumColumns = 10_000
    /// A record (a line, or quoted fields over several lines) longer than this is refused.
    public static let maximumRecordBytes = 16 << 20
    /// The default absolute limit of an unpacked workbook part, in MB (`--max-sheet-mb`).
    public static let defaultSheetMegabytes = 1024
    /// A workbook part may unpack to at most this many times its packed size, plus `sheetSlackBytes`.
    public static let sheetInflationRatio = 100
    public static let sheetSlackBytes = 16 << 20
    /// How long reading a named pipe waits for a first byte.
    public static let pipeWaitSeconds = 10
}

extension ReadOptions {
    /// The days (since 1970-01-01) a row may be dated: from `yearsBeforeReference` years before the
    /// as-of date (or the day of the run without one), but not before 1900-01-01, up to
    /// `yearsAfterReference` years after it.
    /// A date outside is a rejected row (`RejectReason.dateOutOfRange`): the tables the analysis
    /// indexes by period then span at most (reference year − 1900 + 6) years.
    public var acceptedDays: ClosedRange<Int> {
        let floor = ReadLimits.earliestDate.dayNumber
        guard let reference = asOf ?? today else { return floor ... ReadLimits.latestDateWithoutReference.dayNumber }
        func shifted(years: Int) -> Int {
            let year = reference.year + years
            return CivilDate.dayNumber(year: year, month: reference.month, day: min(reference.day, CivilDate.daysIn(month: reference.month, year: year)))
        }
        let earliest = max(floor, shifted(years: -ReadLimits.yearsBeforeReference))
        return earliest ... max(earliest, shifted(years: ReadLimits.yearsAfterReference))
    }
}
