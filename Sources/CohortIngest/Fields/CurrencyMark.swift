/// A currency written beside an amount: a symbol (€ $ £ ¥) or a three-letter code (EUR, CHF).
///
/// Packed into one integer so that the row loop can count marks without allocating:
/// symbols are small numbers, a code is its three ASCII letters.
///
///     CurrencyMark.euroSign.matches(code: "EUR")   // true
///     CurrencyMark(code: "USD").matches(code: "EUR") // false
struct CurrencyMark: Hashable, Comparable, CustomStringConvertible {
    let rawValue: UInt32

    static let none = CurrencyMark(rawValue: 0)
    static let euroSign = CurrencyMark(rawValue: 1)
    static let dollarSign = CurrencyMark(rawValue: 2)
    static let poundSign = CurrencyMark(rawValue: 3)
    static let yenSign = CurrencyMark(rawValue: 4)

    init(rawValue: UInt32) { self.rawValue = rawValue }

    /// A three-letter code from its ASCII bytes.
    init(letters a: UInt8, _ b: UInt8, _ c: UInt8) {
        rawValue = UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)
    }

    /// A three-letter code, e.g. "EUR" (upper-cased).
    init(code: String) {
        let bytes = Array(code.uppercased().utf8.prefix(3)) + [0, 0, 0]
        self.init(letters: bytes[0], bytes[1], bytes[2])
    }

    /// The mark as written: "€", "$", "£", "¥" or the code.
    var description: String {
        switch self {
        case .none: return ""
        case .euroSign: return "€"
        case .dollarSign: return "$"
        case .poundSign: return "£"
        case .yenSign: return "¥"
        default:
            let bytes = [UInt8(rawValue >> 16 & 0xFF), UInt8(rawValue >> 8 & 0xFF), UInt8(rawValue & 0xFF)]
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Whether amounts with this mark are in the currency `code` (ISO 4217, e.g. "EUR").
    /// `$` matches every dollar (USD, CAD, AUD, ...), `¥` yen and yuan.
    func matches(code: String) -> Bool {
        let code = code.uppercased()
        switch self {
        case .none: return true
        case .euroSign: return code == "EUR"
        case .dollarSign: return code.count == 3 && code.hasSuffix("D")
        case .poundSign: return code == "GBP"
        case .yenSign: return code == "JPY" || code == "CNY"
        default: return description == code
        }
    }

    /// The code for a symbol that stands for one currency (€ → EUR, £ → GBP), so that `12 €` and
    /// `EUR 12` count as one currency; any other mark as it is.
    var canonical: CurrencyMark {
        switch self {
        case .euroSign: return CurrencyMark(code: "EUR")
        case .poundSign: return CurrencyMark(code: "GBP")
        default: return self
        }
    }

    static func < (lhs: CurrencyMark, rhs: CurrencyMark) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The mark starting at `index` of `text` and its length in bytes, or nil.
    static func at(_ index: Int, in text: UnsafeBufferPointer<UInt8>, end: Int) -> (mark: CurrencyMark, length: Int)? {
        guard index < end else { return nil }
        let byte = text[index]
        switch byte {
        case UInt8(ascii: "$"): return (.dollarSign, 1)
        case 0xE2 where index + 2 < end && text[index + 1] == 0x82 && text[index + 2] == 0xAC: return (.euroSign, 3)
        case 0xC2 where index + 1 < end && text[index + 1] == 0xA3: return (.poundSign, 2)
        case 0xC2 where index + 1 < end && text[index + 1] == 0xA5: return (.yenSign, 2)
        case UInt8(ascii: "A") ... UInt8(ascii: "Z"):
            guard index + 2 < end, isUpper(text[index + 1]), isUpper(text[index + 2]) else { return nil }
            if index + 3 < end, isUpper(text[index + 3]) || isLower(text[index + 3]) { return nil }
            return (CurrencyMark(letters: byte, text[index + 1], text[index + 2]), 3)
        default: return nil
        }
    }

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    private static func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
}
