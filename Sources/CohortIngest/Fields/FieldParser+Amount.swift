import CohortCore
import Foundation

extension FieldParser {
    /// What reading an amount gave: its value in minor units, or why there is none,
    /// with the decimal-separator candidates and the currency mark seen on the way.
    struct Amount: Equatable {
        enum Status: Equatable {
            case value
            case invalid
            /// A third decimal (or more) that is not zero: the column holds no money in cents.
            case tooManyDecimals
            /// More whole digits than an amount may have (`maximumWholeDigits`): sums of such amounts
            /// would not fit the report's exact arithmetic.
            case tooLarge
            case empty
        }

        var status: Status
        var minorUnits: Int64 = 0
        /// Bit 0: a '.' occurs in the number, bit 1: a ',' does (either may be the decimal separator);
        /// only for a value or `.tooManyDecimals`, not when reading stopped at an invalid byte.
        var separators: UInt8 = 0
        var currency: CurrencyMark = .none

        static let invalid = Amount(status: .invalid)
        static let tooLarge = Amount(status: .tooLarge)
        static let empty = Amount(status: .empty)
        static func value(_ minorUnits: Int64, currency: CurrencyMark = .none) -> Amount {
            Amount(status: .value, minorUnits: minorUnits, currency: currency)
        }
    }

    /// An amount in minor units, read with `decimal` as the decimal separator.
    ///
    /// Accepts `1234.56`, `1.234,56`, `1,234.56`, `1 234,56` (space, no-break space or
    /// apostrophe grouping), `12,50 €`, `€ 12.50`, `EUR 12,50`, `-12,50`, `12,50-`
    /// (SAP), `(12.50)` (accounting), `12,-` (whole euros). Thousands groups must have
    /// three digits, so `12.5` is no number when the decimal separator is ','.
    /// More than two decimals are refused unless they are zeros.
    ///
    ///     amount("1.234,56 €", decimal: .comma)   // .value(123_456), currency €
    ///     amount("1.234,56", decimal: .point)     // .invalid
    ///
    /// Complexity: O(length), no allocation.
    static func amount(_ field: UnsafeBufferPointer<UInt8>, decimal: DecimalSeparator) -> Amount {
        let text = trimmed(field)
        return plainAmount(text, decimal: decimal) ?? anyAmount(text, decimal: decimal)
    }

    /// The common case at a glance: `-1234.5`, `450` or `0,99` (an optional '-', up to 15 digits,
    /// and `decimal` with one or two digits); nil for anything else, which `anyAmount` reads.
    /// Gives exactly what `anyAmount` gives for the texts it accepts (tests compare the two).
    @inline(__always)
    static func plainAmount(_ text: UnsafeBufferPointer<UInt8>, decimal: DecimalSeparator) -> Amount? {
        let end = text.count
        var i = 0
        let negative = end > 0 && text[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        var whole: Int64 = 0
        let wholeStart = i
        while i < end, isDigit(text[i]) {
            // Wrapping: more than 15 digits are handed to `anyAmount`, which refuses them, before `whole` is used.
            whole = whole &* 10 &+ Int64(text[i] &- UInt8(ascii: "0"))
            i += 1
        }
        let wholeDigits = i - wholeStart
        guard wholeDigits > 0, wholeDigits <= maximumWholeDigits else { return nil }
        var cents: Int64 = 0
        var separators: UInt8 = 0
        if i < end {
            let fractionDigits = end - i - 1
            guard text[i] == decimal.byte, fractionDigits == 1 || fractionDigits == 2, isDigit(text[i + 1]),
                  fractionDigits == 1 || isDigit(text[i + 2]) else { return nil }
            cents = Int64(text[i + 1] &- UInt8(ascii: "0")) * 10
            if fractionDigits == 2 { cents += Int64(text[i + 2] &- UInt8(ascii: "0")) }
            separators = decimal.byte == UInt8(ascii: ".") ? 1 : 2
        }
        let minorUnits = whole * 100 + cents
        return Amount(status: .value, minorUnits: negative ? -minorUnits : minorUnits, separators: separators)
    }

    /// Whole digits an amount may have: below 10^15 units, so that the sum of every amount of
    /// a table of up to 92 rows fits in `Int64` minor units whatever it holds; larger tables are
    /// checked once (`OrderTable.checkAmountTotal()`).
    static let maximumWholeDigits = 15

    /// Any amount `amount(_:decimal:)` accepts, from trimmed text.
    static func anyAmount(_ text: UnsafeBufferPointer<UInt8>, decimal: DecimalSeparator) -> Amount {
        var end = text.count
        guard end > 0 else { return .empty }
        var i = 0
        var negative = false, signed = false
        if text[0] == UInt8(ascii: "("), text[end - 1] == UInt8(ascii: ")") {
            negative = true
            i = 1
            end -= 1
        }
        var currency = CurrencyMark.none
        // Prefix: a sign and a currency mark, in either order, blanks between.
        while true {
            i = skipBlanks(text, from: i, end: end)
            if !signed, let found = sign(text, at: i, end: end) {
                negative = negative || found.negative
                signed = true
                i += found.length
                continue
            }
            if currency == .none, let found = CurrencyMark.at(i, in: text, end: end) {
                currency = found.mark
                i += found.length
                continue
            }
            break
        }

        let decimalByte = decimal.byte
        var whole: Int64 = 0, wholeDigits = 0, leadingZero = false
        var cents: Int64 = 0, fractionDigits = 0, excessDecimals = false
        var inFraction = false, tooManyDigits = false
        var groupKind: UInt8 = 0, groupDigits = 0, groups = 0
        var separators: UInt8 = 0
        body: while i < end {
            let byte = text[i]
            if isDigit(byte) {
                let digit = Int64(byte &- UInt8(ascii: "0"))
                if inFraction {
                    fractionDigits += 1
                    if fractionDigits <= 2 { cents = cents * 10 + digit } else if digit != 0 { excessDecimals = true }
                } else {
                    if wholeDigits == 0 && digit == 0 { leadingZero = true }
                    wholeDigits += 1
                    groupDigits += 1
                    // Counted on to the end: the text may still be no number at all.
                    if wholeDigits > maximumWholeDigits { tooManyDigits = true } else { whole = whole * 10 + digit }
                }
                i += 1
                continue
            }
            var kind: UInt8
            var length = 1
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
                separators |= byte == UInt8(ascii: ".") ? 1 : 2
                if byte == decimalByte {
                    guard !inFraction, groups == 0 || groupDigits == 3 else { return .invalid }
                    inFraction = true
                    i += 1
                    // "12,-": whole units, written the German way.
                    if i < end, text[i] == UInt8(ascii: "-"), i + 1 == end || blankLength(text, at: i + 1, end: end) > 0 {
                        i += 1
                        break body
                    }
                    continue
                }
                kind = byte
            } else {
                length = blankLength(text, at: i, end: end)
                if length > 0 {
                    kind = UInt8(ascii: " ")
                } else if byte == UInt8(ascii: "'") {
                    kind = byte
                    length = 1
                } else if byte == 0xE2, i + 2 < end, text[i + 1] == 0x80, text[i + 2] == 0x99 { // ’
                    kind = UInt8(ascii: "'")
                    length = 3
                } else {
                    break body
                }
                // A blank or apostrophe groups thousands only between digits.
                guard i + length < end, isDigit(text[i + length]) else { break body }
            }
            // A thousands separator.
            guard !inFraction, wholeDigits > 0 else { return .invalid }
            if groups == 0 {
                guard groupDigits <= 3, !leadingZero else { return .invalid }
                groupKind = kind
            } else {
                guard groupKind == kind, groupDigits == 3 else { return .invalid }
            }
            groups += 1
            groupDigits = 0
            i += length
        }
        if groups > 0 && !inFraction && groupDigits != 3 { return .invalid }
        guard wholeDigits + fractionDigits > 0 else { return .invalid }

        // Suffix: a currency mark and a trailing minus, in either order, blanks between.
        while true {
            i = skipBlanks(text, from: i, end: end)
            if currency == .none, let found = CurrencyMark.at(i, in: text, end: end) {
                currency = found.mark
                i += found.length
                continue
            }
            if !signed, let found = sign(text, at: i, end: end), found.negative {
                negative = true
                signed = true
                i += found.length
                continue
            }
            break
        }
        guard i == end else { return .invalid }
        if tooManyDigits { return Amount(status: .tooLarge, separators: separators, currency: currency) }
        if excessDecimals { return Amount(status: .tooManyDecimals, separators: separators, currency: currency) }
        if fractionDigits == 1 { cents *= 10 }
        let minorUnits = whole * 100 + cents
        return Amount(status: .value, minorUnits: negative ? -minorUnits : minorUnits, separators: separators, currency: currency)
    }

    /// An amount from a workbook cell stored as a number (`1234.5599999999999`, `1.5E3`):
    /// rounded to the cent when it is one up to binary noise, else `.tooManyDecimals`.
    static func excelNumberAmount(_ field: UnsafeBufferPointer<UInt8>) -> Amount {
        let text = trimmed(field)
        guard !text.isEmpty else { return .empty }
        guard let number = Double(String(decoding: text, as: UTF8.self)), number.isFinite else { return .invalid }
        // Beyond 10^13 a binary number no longer holds every cent exactly.
        guard abs(number) < 1e13 else { return .tooLarge }
        let scaled = number * 100
        let rounded = scaled.rounded()
        guard abs(scaled - rounded) <= max(1e-6, abs(scaled) * 1e-12) else { return Amount(status: .tooManyDecimals) }
        return .value(Int64(rounded))
    }
}
