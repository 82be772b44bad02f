/// An order id packed exactly into 64 bits: two ids have the same key exactly when they
/// are the same bytes, so that order lines can be summed per order without keeping the
/// ids themselves (`OrderSums`).
///
/// Most order ids fit: up to 17 digits (`1000123456`, leading zeros kept), any 1 to 7
/// bytes (`#1001`), or a prefix of 1 to 4 letters, digits, `-` or `_` followed by 1 to 9
/// digits (`SO-02642152`). An id that fits none of these is numbered by whoever reads it
/// (`interned(_:)`). A row
/// without an order id is an order of its own (METRICS.md, "Input model"); such rows of
/// one customer and day are summed under `single(positive:)`, apart from each other's
/// sign, since each is an order and only its sign decides whether it counts.
///
///     OrderKey(bytes: "SO-02642152")      // the same key for the same id, wherever it is read
///     OrderKey(bytes: "ORDER-2026-000017") // nil: numbered by the reader instead
///
/// The top two bits tell the form (0 digits, 1 bytes, 2 prefix and digits, 3 numbered or
/// single); each form is one-to-one, and an id always takes the first form that fits it.
struct OrderKey: Hashable, Sendable, Comparable {
    let rawValue: UInt64

    init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// The key of an order id's bytes (not empty), or nil when it fits no packed form.
    init?(bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        guard count > 0, let base = bytes.baseAddress else { return nil }
        // Digits only: the length and the value (leading zeros are told apart by the length).
        // Most order numbers have 8 or more digits: read 8 at a time.
        if count >= 8 && count <= 17, let value = Self.digitsValue(base, count) {
            rawValue = UInt64(count) << 57 | value
            return
        }
        var digitsFrom = count
        // Ids such as SO-02642152 end in 8 digits or more: their last 8 are read at once.
        var lastEight: UInt64?
        if count >= 8, let eight = Self.eightDigits(UInt64(littleEndian: UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self))) {
            digitsFrom = count - 8
            lastEight = eight
        }
        while digitsFrom > 0 && base[digitsFrom - 1] &- UInt8(ascii: "0") < 10 { digitsFrom -= 1 }
        if digitsFrom == 0 && count <= 17 {
            rawValue = UInt64(count) << 57 | Self.value(base, 0 ..< count)
            return
        }
        if count <= 7 {
            var word: UInt64 = 0
            for index in 0 ..< count { word |= UInt64(base[index]) << UInt64(index * 8) }
            rawValue = 1 << 62 | UInt64(count) << 56 | word
            return
        }
        // A short prefix, then digits.
        let digitCount = count - digitsFrom
        guard digitsFrom <= 4, digitCount >= 1, digitCount <= 9 else { return nil }
        var prefix: UInt64 = 0
        for index in 0 ..< digitsFrom {
            guard let symbol = Self.symbol(base[index]) else { return nil }
            prefix |= UInt64(symbol) << UInt64(index * 6)
        }
        let value = lastEight.map { Self.value(base, digitsFrom ..< count - 8) &* 100_000_000 &+ $0 } ?? Self.value(base, digitsFrom ..< count)
        rawValue = 2 << 62 | UInt64(digitsFrom - 1) << 60 | prefix << 36 | UInt64(digitCount) << 32 | value
    }

    /// The key of order id number `number` given by a reader to ids that fit no packed form.
    static func interned(_ number: Int32) -> OrderKey {
        OrderKey(rawValue: 3 << 62 | UInt64(UInt32(bitPattern: number)))
    }

    /// The key under which rows without an order id of one customer and day are summed: each is
    /// an order, positive (amount > 0) or not.
    static func single(positive: Bool) -> OrderKey {
        OrderKey(rawValue: 3 << 62 | 1 << 61 | (positive ? 1 : 0))
    }

    /// The number of an `interned(_:)` key; nil for every other key.
    var internedNumber: Int32? {
        rawValue >> 61 == 0b110 ? Int32(bitPattern: UInt32(truncatingIfNeeded: rawValue)) : nil
    }

    /// Whether this key stands for rows without an order id (each row an order of its own).
    var isSingle: Bool { rawValue >> 61 == 0b111 }

    static func < (lhs: OrderKey, rhs: OrderKey) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The decimal value of the digits at `range` (at most 17 of them).
    static func value(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var value: UInt64 = 0
        for index in range { value = value &* 10 &+ UInt64(base[index] &- UInt8(ascii: "0")) }
        return value
    }

    /// The decimal value of `count` bytes (8 to 17) when all are digits, 8 at a time; nil otherwise.
    @inline(__always)
    static func digitsValue(_ base: UnsafePointer<UInt8>, _ count: Int) -> UInt64? {
        var value: UInt64 = 0
        var index = 0
        while count - index >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self))
            guard let eight = eightDigits(word) else { return nil }
            value = value &* 100_000_000 &+ eight
            index += 8
        }
        while index < count {
            let digit = base[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value &* 10 &+ UInt64(digit)
            index += 1
        }
        return value
    }

    /// The value of 8 digits read as one little-endian word (the first digit in the lowest byte),
    /// nil when a byte is no digit: each byte must be 0x30 to 0x39, that is 0x3_ before and after
    /// adding 6; then pairs, fours and the eight are joined by three multiplications.
    @inline(__always)
    static func eightDigits(_ word: UInt64) -> UInt64? {
        let high: UInt64 = 0xF0F0_F0F0_F0F0_F0F0, zeros: UInt64 = 0x3030_3030_3030_3030
        guard word & high == zeros, (word &+ 0x0606_0606_0606_0606) & high == zeros else { return nil }
        var value = word &- zeros
        value = (value &* 10 &+ (value >> 8)) & 0x00FF_00FF_00FF_00FF
        value = (value &* 100 &+ (value >> 16)) & 0x0000_FFFF_0000_FFFF
        return (value &* 10_000 &+ (value >> 32)) & 0xFFFF_FFFF
    }

    /// A prefix byte as 6 bits: `0`–`9`, `A`–`Z`, `a`–`z`, `-`, `_`; nil for any other byte.
    static func symbol(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A") ... UInt8(ascii: "Z"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a") ... UInt8(ascii: "z"): return byte - UInt8(ascii: "a") + 36
        case UInt8(ascii: "-"): return 62
        case UInt8(ascii: "_"): return 63
        default: return nil
        }
    }
}

extension OrderKey {
    /// The key of an order id given as text (tests and small inputs).
    init?(bytes text: String) {
        let bytes = Array(text.utf8)
        guard let key = bytes.withUnsafeBufferPointer({ OrderKey(bytes: $0) }) else { return nil }
        self = key
    }
}
