import Foundation

/// How wide Excel shows a cell, for fitting column widths.
extension ExcelCell {
    /// The width of the text Excel shows for this cell, in character units (an estimate).
    var shownWidth: Double {
        switch self {
        case .empty: return 0
        case .text(let text): return Self.width(of: text)
        case .header(let text): return Self.width(of: text) * 1.1
        case .integer(let value): return Self.width(of: Double(value), format: .integer)
        case .number(let value, let format): return Self.width(of: value, format: format)
        case .date(_, let format): return Self.dateWidth(format)
        }
    }

    /// The longest line of `text`; East Asian wide characters count twice.
    static func width(of text: String) -> Double {
        var widest = 0, current = 0
        for character in text {
            if character.isNewline {
                current = 0
                continue
            }
            current += character.unicodeScalars.first.map(isWide) == true ? 2 : 1
            widest = max(widest, current)
        }
        return Double(widest)
    }

    /// The number as `format` shows it: digits, grouping separators, decimals, sign and symbols.
    static func width(of value: Double, format: ExcelNumberFormat) -> Double {
        guard value.isFinite else { return 0 }
        let sign = value < 0 ? 1 : 0
        switch format {
        case .general:
            // Excel's General shows at most 11 characters in a default-width column.
            return Double(min(11, String(value).count))
        case .integer:
            return Double(sign + groupedDigits(abs(value).rounded()))
        case .decimal(let places):
            return Double(sign + groupedDigits(abs(value)) + fraction(places))
        case .percent(let places):
            return Double(sign + digits(abs(value) * 100) + fraction(places) + 1)
        case .money(let currency, let places):
            let symbol = currency.symbol.count + (currency.placement == .after ? 1 : 0)
            return Double(sign + groupedDigits(abs(value)) + fraction(places) + symbol)
        case .date:
            return 10
        case .custom(let code):
            // The code's own characters (one placeholder for the integer part), plus the value's further integer digits.
            let magnitude = code.contains("%") ? abs(value) * 100 : abs(value)
            return Double(sign + digits(magnitude) - 1 + shownLength(of: code))
        }
    }

    static func dateWidth(_ format: ExcelNumberFormat) -> Double {
        switch format {
        case .custom(let code): return Double(shownLength(of: code))
        default: return 10
        }
    }

    /// Integer digits of a magnitude (at least one).
    private static func digits(_ magnitude: Double) -> Int {
        magnitude < 1 ? 1 : Int(log10(magnitude.rounded(.down))) + 1
    }

    /// Integer digits with a separator every three.
    private static func groupedDigits(_ magnitude: Double) -> Int {
        let count = digits(magnitude)
        return count + (count - 1) / 3
    }

    private static func fraction(_ places: Int) -> Int { places > 0 ? places + 1 : 0 }

    /// A format code without quotes and escapes, roughly what it shows (`yyyy-mm` → 7).
    private static func shownLength(of code: String) -> Int {
        let section = code.split(separator: ";", maxSplits: 1).first.map(String.init) ?? code
        return section.filter { $0 != "\"" && $0 != "\\" && $0 != "[" && $0 != "]" }.count
    }

    /// East Asian wide and fullwidth ranges (CJK, Hangul, fullwidth forms, emoji).
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
