import CohortCore

/// Human-readable numbers for terminal tables and the Markdown report (English style).
///
///     NumberText.percent(Ratio(0.8534))      // "85.3%"
///     NumberText.money(Money(minorUnits: 123456_78))   // "123,456.78"
///     NumberText.count(12345)                 // "12,345"
enum NumberText {
    /// A ratio as a percentage with `places` decimals; "–" when empty.
    static func percent(_ ratio: Ratio, places: Int = 1) -> String {
        guard let value = ratio.value else { return "–" }
        return Ratio(value * 100).formatted(places: places) + "%"
    }

    /// Money with thousands separators and two decimals.
    static func money(_ money: Money) -> String {
        let text = money.description
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let parts = digits.split(separator: ".")
        return (negative ? "-" : "") + grouped(String(parts[0])) + "." + parts[1]
    }

    /// An amount in currency units (an average), rounded to cents; "–" when empty.
    static func money(_ ratio: Ratio) -> String {
        guard let value = ratio.value else { return "–" }
        return money(Money(minorUnits: Int64((value * Double(Money.minorUnitsPerUnit)).rounded())))
    }

    /// A plain number with `places` decimals; "–" when empty.
    static func decimal(_ ratio: Ratio, places: Int = 2) -> String {
        ratio.isEmpty ? "–" : ratio.formatted(places: places)
    }

    /// A whole number with thousands separators.
    static func count(_ value: Int) -> String {
        (value < 0 ? "-" : "") + grouped(String(value.magnitude))
    }

    /// A signed whole number: "+41", "−37", "0".
    static func signed(_ value: Int) -> String {
        value > 0 ? "+" + count(value) : value < 0 ? "−" + count(-value) : "0"
    }

    private static func grouped(_ digits: String) -> String {
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}
