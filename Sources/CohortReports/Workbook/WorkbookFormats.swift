import CohortCore
import CohortExcel
import CohortVocabulary

/// Turns `WorkbookValue`s into cells with Excel number formats in a report's currency, the
/// symbol on the side the report's language puts it.
///
/// The format codes are locale-independent in the file; Excel shows them with the reader's
/// separators, so a German Excel shows `#,##0.00 "€"` as `1.234,50 €`. A marked cell (the
/// partial period) shows a `*` after its number and keeps its value.
///
///     let formats = WorkbookFormats(currency: "EUR", language: .german)
///     formats.cell(.percent(0.4567))                  // .number(0.4567, .percent(places: 1))
///     formats.cell(.percent(0.4567), marked: true)    // .number(0.4567, .custom("0.0%\\*"))
struct WorkbookFormats: Sendable {
    let currency: ExcelCurrency

    init(currency code: String, language: Language) {
        currency = ExcelCurrency(symbol: CurrencySymbol.of(code),
                                 placement: language.words.currencyFollowsAmount ? .after : .before)
    }

    static let percent = ExcelNumberFormat.percent(places: 1)
    /// Months as Excel shows them in cohort tables: `2026-03`.
    static let month = ExcelNumberFormat.custom("yyyy-mm")

    func cell(_ value: WorkbookValue, marked: Bool = false) -> ExcelCell {
        func number(_ value: Double?, _ format: ExcelNumberFormat) -> ExcelCell {
            guard let value, value.isFinite else { return .empty }
            guard marked, let code = format.code else { return .number(value, format) }
            return .number(value, .custom(code + "\\*"))
        }
        switch value {
        case .empty: return .empty
        case .text(let text): return .text(marked ? text + "*" : text)
        case .count(let count): return marked ? number(Double(count), .integer) : .integer(count)
        case .percent(let fraction): return number(fraction, Self.percent)
        case .money(let money, let places): return number(money.units, .money(currency, places: places))
        case .amount(let units, let places): return number(units, .money(currency, places: places))
        case .decimal(let value, let places): return number(value, .decimal(places: places))
        case .date(let date): return .date(date)
        case .period(let period, let kind):
            guard kind == .month else { return .text(period.label + (marked ? "*" : "")) }
            return .date(period.firstDay, marked ? .custom("yyyy-mm\\*") : Self.month)
        }
    }
}
