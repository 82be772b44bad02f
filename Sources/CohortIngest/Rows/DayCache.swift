import CohortCore

/// The days of date texts read before in a file.
///
/// A file of millions of rows has a few thousand distinct dates, so most date fields
/// repeat one seen shortly before. A text of up to 16 bytes is its two words and its
/// length (`ByteInterner.words`), held whole in a table of 4,096 sets of two entries, the
/// one used last first: a hit is exact, and a miss just reads the date. (One entry per
/// slot missed one date in six on five years of daily dates, 1,827 texts, as texts
/// sharing a slot pushed each other out; two per set miss about one in fifty.) Only plain
/// days are kept (not readings that settle or wait for the day/month order);
/// `removeAll()` when the order of the column settles.
///
/// A plain ISO date (`2026-03-01`: ten bytes, years 1900 to 2155), the most common spelling,
/// skips the hashing: its digits index a table of its own (year, month, day → the reading),
/// whose entries for the few years of a file sit close together and stay in the first-level
/// cache, where the hashed entries of random dates spread over 192 KiB. Its readings are a day
/// or invalid (`2026-02-30`), which no day/month order changes.
///
///     let reading = cache.reading(text) { FieldParser.date(text, numericOrder: order) }
struct DayCache {
    private struct Entry {
        var word0: UInt64 = 0
        var word1: UInt64 = 0
        /// length << 32 | the day as 32 bits; 0 = empty (an empty text is never kept).
        var lengthAndDay: UInt64 = 0

        @inline(__always)
        func holds(_ word0: UInt64, _ word1: UInt64, _ length: UInt64) -> Bool {
            self.word0 == word0 && self.word1 == word1 && lengthAndDay & 0xFFFF_FFFF_0000_0000 == length
        }

        var day: Int { Int(Int32(truncatingIfNeeded: lengthAndDay)) }
    }

    /// Sets, as a power of 2; each set is two entries side by side, the one used last first.
    private static let bits = 12
    private var entries = [Entry](repeating: Entry(), count: 2 << bits)

    /// Plain ISO dates: per (year - 1900, month - 1, day - 1) of 256 years, 12 months and 31
    /// days, 1 + the day's distance from 1900-01-01 (0 not read yet, `invalidISO` not a date).
    private static let firstISOYear = 1900, isoYears = 256
    private static let firstISODay = CivilDate.dayNumber(year: firstISOYear, month: 1, day: 1)
    private static let invalidISO = Int32.min
    private var isoDays = [Int32](repeating: 0, count: isoYears * 12 * 31)

    /// The reading of `text`: remembered, or from `read` (and remembered when it is a day, or for
    /// a plain ISO date also when it is invalid).
    @inline(__always)
    mutating func reading(_ text: UnsafeBufferPointer<UInt8>, _ read: () -> FieldParser.DateReading) -> FieldParser.DateReading {
        if let index = Self.isoIndex(text) { return isoReading(at: index, read) }
        guard text.count > 0 && text.count <= 16 else { return read() }
        let (word0, word1) = ByteInterner.words(text)
        let set = Int(truncatingIfNeeded: ((word0 ^ word1 &* 0x9E37_79B9_7F4A_7C15) &* 0xFF51_AFD7_ED55_8CCD) >> UInt64(64 - Self.bits))
        let length = UInt64(text.count) << 32
        let first = entries[2 * set]
        if first.holds(word0, word1, length) { return .day(first.day) }
        let second = entries[2 * set + 1]
        if second.holds(word0, word1, length) {
            entries[2 * set] = second
            entries[2 * set + 1] = first
            return .day(second.day)
        }
        let reading = read()
        if case .day(let day) = reading, let day32 = Int32(exactly: day) {
            entries[2 * set + 1] = first
            entries[2 * set] = Entry(word0: word0, word1: word1, lengthAndDay: length | UInt64(UInt32(bitPattern: day32)))
        }
        return reading
    }

    /// Forgets the texts read (the day/month order settled); plain ISO dates stay, since no order
    /// changes how they read.
    mutating func removeAll() {
        entries = [Entry](repeating: Entry(), count: 2 << Self.bits)
    }

    /// The remembered reading of the plain ISO date of `isoDays[index]`, else `read`'s (a day or
    /// invalid, then remembered).
    @inline(__always)
    private mutating func isoReading(at index: Int, _ read: () -> FieldParser.DateReading) -> FieldParser.DateReading {
        let known = isoDays.withUnsafeBufferPointer { $0[index] }
        if known > 0 { return .day(Int(known) - 1 + Self.firstISODay) }
        if known == Self.invalidISO { return .invalid }
        let reading = read()
        switch reading {
        case .day(let day):
            if let stored = Int32(exactly: day - Self.firstISODay + 1), stored > 0 { isoDays[index] = stored }
        case .invalid:
            isoDays[index] = Self.invalidISO
        case .onlyIn, .ambiguous, .empty:
            break
        }
        return reading
    }

    /// Where a plain ISO date (`YYYY-MM-DD`, ten bytes, nothing around them, a year from 1900
    /// through 2155, a month 01 to 12 and a day 01 to 31) is in `isoDays`; nil for any other text.
    @inline(__always)
    static func isoIndex(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard text.count == 10, let bytes = text.baseAddress else { return nil }
        let dash = UInt8(ascii: "-")
        guard bytes[4] == dash && bytes[7] == dash else { return nil }
        // Each digit's value; a byte that is not a digit wraps to more than 9.
        let y0 = bytes[0] &- 48, y1 = bytes[1] &- 48, y2 = bytes[2] &- 48, y3 = bytes[3] &- 48
        let m0 = bytes[5] &- 48, m1 = bytes[6] &- 48, d0 = bytes[8] &- 48, d1 = bytes[9] &- 48
        guard max(y0, y1, y2, y3, m0, m1, d0, d1) <= 9 else { return nil }
        let year = Int(y0) * 1000 + Int(y1) * 100 + Int(y2) * 10 + Int(y3)
        let month = Int(m0) * 10 + Int(m1), day = Int(d0) * 10 + Int(d1)
        guard year >= firstISOYear && year < firstISOYear + isoYears && month >= 1 && month <= 12 && day >= 1 && day <= 31 else { return nil }
        return ((year - firstISOYear) * 12 + month - 1) * 31 + day - 1
    }
}
