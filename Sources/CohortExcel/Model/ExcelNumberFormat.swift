/// How Excel shows a number: an Excel number format code.
///
/// The codes are locale-independent in the file (`,` groups, `.` is the decimal
/// point); Excel shows them with the reader's own separators, so a German Excel
/// shows `#,##0.00 "€"` as `1.234,50 €`.
///
///     ExcelNumberFormat.percent(places: 1).code        // "0.0%"
///     ExcelNumberFormat.money(.euro, places: 2).code   // "#,##0.00 \"€\""
///     ExcelNumberFormat.money(.dollar, places: 0).code // "\"$\"#,##0"
public enum ExcelNumberFormat: Sendable, Hashable {
    /// Excel's `General`: as many digits as fit.
    case general
    /// Whole number with grouping: `#,##0`.
    case integer
    /// Grouping and a fixed number of decimal places: `#,##0.00`.
    case decimal(places: Int)
    /// A fraction shown as percent (0.25 → 25%): `0.0%`.
    case percent(places: Int)
    /// An amount in `currency` units with grouping: `#,##0.00 "€"` or `"$"#,##0.00`.
    case money(ExcelCurrency, places: Int)
    /// A date as `yyyy-mm-dd`.
    case date
    /// Any Excel format code, used as given (`"yyyy-mm"`, `"0.000"`).
    case custom(String)

    /// The format code written to the file; `nil` for `General`.
    public var code: String? {
        switch self {
        case .general: return nil
        case .integer: return "#,##0"
        case .decimal(let places): return "#,##0" + Self.fraction(places)
        case .percent(let places): return "0" + Self.fraction(places) + "%"
        case .money(let currency, let places):
            let number = "#,##0" + Self.fraction(places)
            let symbol = "\"" + currency.symbol.filter { $0 != "\"" } + "\""
            switch currency.placement {
            case .before: return symbol + number
            case .after: return number + " " + symbol
            }
        case .date: return "yyyy-mm-dd"
        case .custom(let code): return code.isEmpty ? nil : code
        }
    }

    /// `.00` for two places; Excel allows at most 30.
    private static func fraction(_ places: Int) -> String {
        let places = min(max(places, 0), 30)
        return places == 0 ? "" : "." + String(repeating: "0", count: places)
    }
}
