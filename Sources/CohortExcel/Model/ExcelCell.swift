import CohortCore

/// The content of one cell: a real number, date or text, never a formula.
///
/// Text is always stored as text, whatever it starts with (`=`, `+`, `-`, `@`), so a
/// customer name cannot become a formula. Numbers keep full precision; the number
/// format only changes how Excel shows them.
///
///     .header("Kohortengröße")                       // bold, with a line below
///     .number(0.4567, .percent(places: 1))            // 45.7%
///     .number(1234.5, .money(.euro, places: 2))       // 1,234.50 €
///     .integer(1200)                                  // 1,200
///     .date(CivilDate(year: 2026, month: 3, day: 1)!) // 2026-03-01, a real date
public enum ExcelCell: Sendable, Hashable {
    case empty
    case text(String)
    /// Column or row heading: bold text with a thin line below.
    case header(String)
    /// A number; NaN and infinities are left empty (``ExcelWarning/nonFiniteNumberLeftEmpty(_:)``).
    case number(Double, ExcelNumberFormat)
    /// A whole number shown with grouping (`#,##0`).
    case integer(Int)
    /// A calendar date, stored as Excel's date serial number and shown with `format`.
    case date(CivilDate, ExcelNumberFormat = .date)
}
