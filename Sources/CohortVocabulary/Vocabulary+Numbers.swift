import CohortCore
import Foundation

/// Numbers, money, percentages and dates in a vocabulary's conventions: `en` gives
/// "85.3%" and "€1,234", `de` gives "85,3 %" and "1.234 €".
extension Vocabulary {
    /// A model parameter in a sentence: three decimals, none from 1,000 on, "< 0.001" below.
    public func parameterValue(_ value: Double) -> String {
        if value >= 1000 { return decimal(value, places: 0) }
        if value < 0.001 { return "< " + decimal(0.001, places: 3) }
        return decimal(value, places: 3)
    }

    /// A number with fixed decimals and the language's separators; half away from zero
    /// (1.25 → "1.3"), as people round (printf would round half to even).
    public func decimal(_ value: Double, places: Int) -> String {
        let factor = pow(10, Double(places))
        let rounded = (abs(value) * factor).rounded(.toNearestOrAwayFromZero) / factor
        let fixed = String(format: "%.\(places)f", rounded)
        let parts = fixed.split(separator: ".")
        let whole = String(parts[0])
        var grouped = ""
        for (offset, character) in whole.enumerated() {
            if offset > 0 && (whole.count - offset) % 3 == 0 { grouped += groupingMark }
            grouped.append(character)
        }
        let fraction = parts.count > 1 ? decimalMark + parts[1] : ""
        let isZero = !fixed.contains(where: { $0 != "0" && $0 != "." })
        return (value < 0 && !isZero ? "−" : "") + grouped + fraction
    }

    /// A whole number with grouping: 12345 → "12,345" / "12.345".
    public func count(_ value: Int) -> String { decimal(Double(value), places: 0) }

    /// "+41", "−37", "0".
    public func signedCount(_ value: Int) -> String {
        value > 0 ? "+" + count(value) : value < 0 ? "−" + count(-value) : "0"
    }

    /// A fraction as a percentage: 0.8534 → "85.3%" / "85,3 %".
    public func percent(_ fraction: Double, places: Int = 1) -> String {
        percentText(decimal(fraction * 100, places: places))
    }

    /// A fraction as a whole percentage: 0.8534 → "85%" / "85 %".
    public func wholePercent(_ fraction: Double) -> String { percent(fraction, places: 0) }

    /// An amount in currency units: 1234.5 → "€1,235" / "1.235 €" (places 0), "€1,234.50" (places 2).
    public func money(_ units: Double, currency: String, places: Int = 0) -> String {
        let number = decimal(abs(units), places: places)
        let sign = units < 0 && number.contains(where: { $0 != "0" && $0.isNumber }) ? "−" : ""
        return moneyText(sign: sign, number: number, symbol: CurrencySymbol.of(currency))
    }

    /// A compact amount for axes: 1_250_000 → "€1.3M" / "1,3 Mio. €".
    public func compactMoney(_ units: Double, currency: String) -> String {
        let magnitude = abs(units)
        let (value, suffix): (Double, String) = magnitude >= 1_000_000
            ? (units / 1_000_000, millionSuffix)
            : magnitude >= 10_000 ? (units / 1_000, thousandSuffix) : (units, "")
        let places = suffix.isEmpty || abs(value) >= 100 || value == value.rounded() ? 0 : 1
        let number = decimal(abs(value), places: places)
        return moneyText(sign: value < 0 ? "−" : "", number: number + suffix, symbol: CurrencySymbol.of(currency))
    }

    /// A period label for axes: months as "Mar 26" / "Mär 26"; weeks and quarters as given.
    public func shortPeriod(_ period: PeriodInfo, _ kind: PeriodKind) -> String {
        guard kind == .month else { return period.label }
        let year = period.firstDay.year % 100
        return "\(shortMonthNames[period.firstDay.month - 1]) \(year < 10 ? "0" : "")\(year)"
    }

    /// A rejected row in one line: "orders.csv:1204: column 'Betrag': '12,5O' is not a number".
    public func describe(_ row: RejectedRow) -> String {
        "\(row.source):\(row.line): " + (row.column.map(columnPrefix) ?? "") + reason(row.reason)
    }

    /// "2026-11-23 18:45 UTC" / "23.11.2026, 18:45 UTC" for a moment (UTC).
    public func timestamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        let hour = secondOfDay / 3_600, minute = secondOfDay % 3_600 / 60
        let time = "\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute) UTC"
        return timestamp(CivilDate(dayNumber: days), time: time)
    }
}

/// The symbol a currency code is written with: EUR → "€", USD → "$", GBP → "£"; others as their code.
public enum CurrencySymbol {
    public static func of(_ currency: String) -> String {
        switch currency.uppercased() {
        case "EUR": return "€"
        case "USD": return "$"
        case "GBP": return "£"
        case "CHF": return "CHF"
        default: return currency.uppercased()
        }
    }
}

/// The ISO week number and week-year of a weekly period, from its label ("2026-W09" → (9, "2026")).
func isoWeek(of period: PeriodInfo) -> (week: Int, year: String) {
    let parts = period.label.split(separator: "-W")
    return (parts.count == 2 ? Int(parts[1]) ?? 0 : 0, parts.first.map(String.init) ?? "")
}
