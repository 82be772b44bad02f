import CohortCore
import Foundation

/// Language and number conventions of chart labels: `en` gives "85.3%" and "€1,234",
/// `de` gives "85,3 %" and "1.234 €", with German month names.
public enum ChartLocale: String, Sendable, CaseIterable {
    case english = "en"
    case german = "de"

    /// A fraction as a percentage: 0.8534 → "85.3%" / "85,3 %".
    public func percent(_ fraction: Double, places: Int = 1) -> String {
        let number = decimal(fraction * 100, places: places)
        return self == .german ? "\(number) %" : "\(number)%"
    }

    /// A fraction as a whole percentage: 0.8534 → "85%" / "85 %".
    public func wholePercent(_ fraction: Double) -> String { percent(fraction, places: 0) }

    /// An amount in currency units: 1234.5 → "€1,235" / "1.235 €" (places 0), "€1,234.50" (places 2).
    public func money(_ units: Double, currency: String, places: Int = 0) -> String {
        let symbol = Self.symbol(of: currency)
        let number = decimal(abs(units), places: places)
        let sign = units < 0 && number.contains(where: { $0 != "0" && $0.isNumber }) ? "−" : ""
        switch self {
        case .english: return "\(sign)\(symbol)\(number)"
        case .german: return "\(sign)\(number) \(symbol)"
        }
    }

    /// A compact amount for axes: 1_250_000 → "€1.3M" / "1,3 Mio. €".
    public func compactMoney(_ units: Double, currency: String) -> String {
        let magnitude = abs(units)
        let (value, suffix): (Double, String) = magnitude >= 1_000_000
            ? (units / 1_000_000, self == .german ? " Mio." : "M")
            : magnitude >= 10_000 ? (units / 1_000, self == .german ? " Tsd." : "k") : (units, "")
        let places = suffix.isEmpty || abs(value) >= 100 || value == value.rounded() ? 0 : 1
        let symbol = Self.symbol(of: currency)
        let number = decimal(abs(value), places: places)
        let sign = value < 0 ? "−" : ""
        return self == .german ? "\(sign)\(number)\(suffix) \(symbol)" : "\(sign)\(symbol)\(number)\(suffix)"
    }

    /// A whole number with grouping: 12345 → "12,345" / "12.345".
    public func count(_ value: Int) -> String {
        decimal(Double(value), places: 0)
    }

    /// A number with fixed decimals and the locale's separators.
    public func decimal(_ value: Double, places: Int) -> String {
        // Half away from zero (1.25 → "1.3"), as people round; printf would round half to even.
        let factor = pow(10, Double(places))
        let rounded = (abs(value) * factor).rounded(.toNearestOrAwayFromZero) / factor
        let fixed = String(format: "%.\(places)f", rounded)
        let parts = fixed.split(separator: ".")
        let whole = String(parts[0])
        var grouped = ""
        for (offset, character) in whole.enumerated() {
            if offset > 0 && (whole.count - offset) % 3 == 0 { grouped.append(self == .german ? "." : ",") }
            grouped.append(character)
        }
        let fraction = parts.count > 1 ? (self == .german ? "," : ".") + parts[1] : ""
        let isZero = !fixed.contains(where: { $0 != "0" && $0 != "." })
        return (value < 0 && !isZero ? "−" : "") + grouped + fraction
    }

    /// A date in words: "31 October 2026" / "31. Oktober 2026".
    public func longDate(_ date: CivilDate) -> String {
        let month = monthNames[date.month - 1]
        return self == .german ? "\(date.day). \(month) \(date.year)" : "\(date.day) \(month) \(date.year)"
    }

    /// A period label for axes: months as "Mar 26" / "Mär 26"; weeks and quarters as given.
    public func shortPeriod(_ period: PeriodInfo, kind: PeriodKind) -> String {
        guard kind == .month else { return period.label }
        let month = period.firstDay.month
        let year = period.firstDay.year % 100
        return "\(shortMonthNames[month - 1]) \(year < 10 ? "0" : "")\(year)"
    }

    public var monthNames: [String] {
        switch self {
        case .english: return ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        case .german: return ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
        }
    }

    public var shortMonthNames: [String] {
        switch self {
        case .english: return ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        case .german: return ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]
        }
    }

    public static func symbol(of currency: String) -> String {
        switch currency.uppercased() {
        case "EUR": return "€"
        case "USD": return "$"
        case "GBP": return "£"
        case "CHF": return "CHF"
        default: return currency.uppercased()
        }
    }
}
