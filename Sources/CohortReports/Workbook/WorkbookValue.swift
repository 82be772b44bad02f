import CohortCore

/// One cell of a report's workbook as the report knows it (a share, an amount, a period), before
/// `WorkbookFormats` gives it Excel's number format in the report's currency.
///
///     .percent(0.853)                      // 85.3 %, stored as 0.853
///     .money(Money(minorUnits: 123_450))   // €1,234.50 / 1.234,50 €, stored as 1234.5
///     .period(period, .month)              // a real date (the month's first day), shown 2026-03
public enum WorkbookValue: Sendable, Equatable {
    case empty
    case text(String)
    /// A whole number with grouping.
    case count(Int)
    /// A fraction shown as a percentage; nil (an empty ratio) leaves the cell empty.
    case percent(Double?)
    /// An exact amount in the report currency.
    case money(Money, places: Int = 2)
    /// An amount in currency units that is a quotient (AOV, CLV, revenue per customer); nil leaves the cell empty.
    case amount(Double?, places: Int = 2)
    /// A plain number with `places` decimals; nil leaves the cell empty.
    case decimal(Double?, places: Int)
    /// A calendar day, as a real date.
    case date(CivilDate)
    /// A period: a month as a real date (its first day) shown `yyyy-mm`; a week or quarter as its label (`2026-W09`, `2026-Q1`).
    case period(PeriodInfo, PeriodKind)

    /// An empty ratio is an empty cell (METRICS.md: "Ratios whose denominator is 0 are empty").
    static func percent(_ ratio: Ratio) -> WorkbookValue { .percent(ratio.value) }
    static func amount(_ ratio: Ratio, places: Int = 2) -> WorkbookValue { .amount(ratio.value, places: places) }
    static func decimal(_ ratio: Ratio, places: Int) -> WorkbookValue { .decimal(ratio.value, places: places) }
}
