import CohortCore

/// Turns the bytes of one field into a day number or an amount in minor units.
///
/// Byte-level and allocation-free: these run once per row. The readers of dates
/// and amounts are in `FieldParser+Date.swift` and `FieldParser+Amount.swift`;
/// this file holds what both share (blanks, digits, signs).
enum FieldParser {
    /// The field without leading and trailing blanks (space, tab, no-break space).
    @inline(__always)
    static func trimmed(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        // Most fields neither start nor end with a byte that a blank starts or ends with: most
        // start and end with a printable ASCII byte (0x21 to 0x7E), told by one comparison each.
        guard let first = field.first, let last = field.last else { return field }
        if first &- 0x21 < 0x5E && last &- 0x21 < 0x5E { return field }
        if first != 0x20, first != 0x09, first != 0xC2, first != 0xE2, last != 0x20, last != 0x09, last != 0xA0, last != 0xAF {
            return field
        }
        return trimmedByteByByte(field)
    }

    private static func trimmedByteByByte(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = field.count
        while start < end {
            let length = blankLength(field, at: start, end: end)
            guard length > 0 else { break }
            start += length
        }
        while end > start {
            if field[end - 1] == 0x20 || field[end - 1] == 0x09 { end -= 1; continue }
            if end - start >= 2 && field[end - 2] == 0xC2 && field[end - 1] == 0xA0 { end -= 2; continue }
            if end - start >= 3 && field[end - 3] == 0xE2 && field[end - 2] == 0x80 && field[end - 1] == 0xAF { end -= 3; continue }
            break
        }
        return UnsafeBufferPointer(rebasing: field[start ..< end])
    }

    /// The length of the blank at `index`: 1 for a space or tab, 2 for a no-break space
    /// (U+00A0), 3 for a narrow no-break or thin space (U+202F, U+2009); 0 when none is there.
    @inline(__always)
    static func blankLength(_ text: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
        let byte = text[index]
        if byte == 0x20 || byte == 0x09 { return 1 }
        if byte == 0xC2 && index + 1 < end && text[index + 1] == 0xA0 { return 2 }
        if byte == 0xE2 && index + 2 < end && text[index + 1] == 0x80 && (text[index + 2] == 0xAF || text[index + 2] == 0x89) { return 3 }
        return 0
    }

    /// The index after the blanks starting at `index`.
    @inline(__always)
    static func skipBlanks(_ text: UnsafeBufferPointer<UInt8>, from index: Int, end: Int) -> Int {
        var i = index
        while i < end {
            let length = blankLength(text, at: i, end: end)
            guard length > 0 else { break }
            i += length
        }
        return i
    }

    /// The length of a sign at `index` ('-', '+' or the minus sign U+2212) and whether it is negative.
    @inline(__always)
    static func sign(_ text: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (length: Int, negative: Bool)? {
        guard index < end else { return nil }
        switch text[index] {
        case UInt8(ascii: "-"): return (1, true)
        case UInt8(ascii: "+"): return (1, false)
        case 0xE2 where index + 2 < end && text[index + 1] == 0x88 && text[index + 2] == 0x92: return (3, true)
        default: return nil
        }
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// A run of up to `maxDigits` digits starting at `index`: its value and how many digits it had.
    @inline(__always)
    static func digits(_ text: UnsafeBufferPointer<UInt8>, from index: inout Int, maxDigits: Int) -> (value: Int, count: Int) {
        var value = 0, count = 0
        while index < text.count && count < maxDigits && isDigit(text[index]) {
            value = value * 10 + Int(text[index] &- UInt8(ascii: "0"))
            index += 1
            count += 1
        }
        return (value, count)
    }

    /// Whether every byte of the field is a blank (an empty field included).
    @inline(__always)
    static func isBlank(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        trimmed(field).isEmpty
    }
}
