import CohortCore

/// Turns the bytes of one field into a day number or an amount in minor units.
///
/// Byte-level and allocation-free: these run once per row. Both trim blanks.
enum FieldParser {
    /// A date as days since 1970-01-01: `2026-03-01` (a time or offset after it,
    /// separated by `T` or a blank, is ignored) or German `01.03.2026` / `1.3.2026`.
    static func day(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        let text = trimmed(field)
        guard text.count >= 8 else { return nil }
        if let (year, afterYear) = number(text, from: 0, maxDigits: 4), afterYear == 4, text[4] == UInt8(ascii: "-") {
            guard let (month, afterMonth) = number(text, from: 5, maxDigits: 2), afterMonth == 7, text[7] == UInt8(ascii: "-"),
                  let (day, afterDay) = number(text, from: 8, maxDigits: 2), afterDay == 10,
                  afterDay == text.count || text[afterDay] == UInt8(ascii: "T") || text[afterDay] == UInt8(ascii: " ") else { return nil }
            return validDay(year: year, month: month, day: day)
        }
        let dot = UInt8(ascii: ".")
        guard let (day, afterDay) = number(text, from: 0, maxDigits: 2), afterDay < text.count, text[afterDay] == dot,
              let (month, afterMonth) = number(text, from: afterDay + 1, maxDigits: 2), afterMonth < text.count, text[afterMonth] == dot,
              let (year, afterYear) = number(text, from: afterMonth + 1, maxDigits: 4), afterYear - afterMonth - 1 == 4,
              afterYear == text.count || text[afterYear] == UInt8(ascii: " ") else { return nil }
        return validDay(year: year, month: month, day: day)
    }

    /// An amount in minor units: `1234.56`, `-12,5`, `1.234,56`, `1,234.56`, `+7`.
    /// With both '.' and ',' the last one is the decimal separator and the other
    /// groups thousands. More than two decimals are refused unless they are zeros.
    static func amount(_ field: UnsafeBufferPointer<UInt8>) -> AmountResult {
        let text = trimmed(field)
        guard !text.isEmpty else { return .invalid }
        var i = 0
        var negative = false
        if text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") { negative = text[0] == UInt8(ascii: "-"); i = 1 }
        var lastSeparator = -1
        for j in i ..< text.count where text[j] == UInt8(ascii: ".") || text[j] == UInt8(ascii: ",") { lastSeparator = j }
        let decimalSeparator: UInt8? = lastSeparator >= 0 ? text[lastSeparator] : nil
        var whole: Int64 = 0, fraction: Int64 = 0, fractionDigits = 0, digits = 0
        var inFraction = false
        while i < text.count {
            let byte = text[i]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                let digit = Int64(byte - UInt8(ascii: "0"))
                digits += 1
                if inFraction {
                    fractionDigits += 1
                    if fractionDigits <= 2 { fraction = fraction * 10 + digit } else if digit != 0 { return .tooManyDecimals }
                } else {
                    guard digits <= 15 else { return .invalid }
                    whole = whole * 10 + digit
                }
            } else if i == lastSeparator && byte == decimalSeparator {
                inFraction = true
            } else if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")) && byte != decimalSeparator && !inFraction && digits > 0 {
                // thousands grouping
            } else {
                return .invalid
            }
            i += 1
        }
        guard digits > 0 else { return .invalid }
        if fractionDigits == 1 { fraction *= 10 }
        let minorUnits = whole * Money.minorUnitsPerUnit + fraction
        return .value(negative ? -minorUnits : minorUnits)
    }

    enum AmountResult: Equatable {
        case value(Int64)
        case invalid
        case tooManyDecimals
    }

    /// The field without leading and trailing blanks (space, tab).
    static func trimmed(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = field.count
        while start < end && (field[start] == 0x20 || field[start] == 0x09) { start += 1 }
        while end > start && (field[end - 1] == 0x20 || field[end - 1] == 0x09) { end -= 1 }
        return UnsafeBufferPointer(rebasing: field[start ..< end])
    }

    private static func number(_ text: UnsafeBufferPointer<UInt8>, from start: Int, maxDigits: Int) -> (Int, Int)? {
        var value = 0, i = start
        while i < text.count && i - start < maxDigits && text[i] >= UInt8(ascii: "0") && text[i] <= UInt8(ascii: "9") {
            value = value * 10 + Int(text[i] - UInt8(ascii: "0"))
            i += 1
        }
        return i == start ? nil : (value, i)
    }

    private static func validDay(year: Int, month: Int, day: Int) -> Int? {
        guard year >= 1000, CivilDate(year: year, month: month, day: day) != nil else { return nil }
        return CivilDate.dayNumber(year: year, month: month, day: day)
    }
}
