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
/// or invalid (`2026-02-30`), which no day/month order changes. `knownISODay` is that lookup
/// alone, for the row reader to inline: the call into `reading` cost as much as the lookup
/// (3 to 5 % of all CPU time on 10M rows).
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
        if known > 0 { return .day(Self.day(stored: known)) }
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

    /// The day of a plain ISO date read before, from `isoDays` alone; nil for any other text
    /// (then `reading` tells). Small enough to be inlined where the rows are read.
    @inline(__always)
    func knownISODay(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let index = Self.isoIndex(text) else { return nil }
        let known = isoDays.withUnsafeBufferPointer { $0[index] }
        return known > 0 ? Self.day(stored: known) : nil
    }

    /// The day of an entry of `isoDays` above 0.
    @inline(__always)
    private static func day(stored: Int32) -> Int { Int(stored) - 1 + firstISODay }

    /// Where a plain ISO date (`YYYY-MM-DD`, ten bytes, nothing around them, a year from 1900
    /// through 2155, a month 01 to 12 and a day 01 to 31) is in `isoDays`; nil for any other text.
    ///
    /// The ten bytes are read as two words. XOR with the form's bytes (`0`, or `-` for a dash)
    /// turns a digit into its value and a dash into 0, and any other byte into something else:
    /// XOR is one to one, so only `0`...`9` give 0 to 9. A byte's value then has its top bit set
    /// after adding 0x76 (digits: 9 + 0x76 = 0x7F is the most that stays below) or 0x7F (dashes:
    /// only 0 stays below), its low seven bits added so that no carry crosses into the next byte.
    @inline(__always)
    static func isoIndex(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard text.count == 10, let bytes = UnsafeRawPointer(text.baseAddress) else { return nil }
        // Little-endian: byte i of the text is bits 8i ..< 8i + 8 of the word.
        let head = UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self)) ^ 0x2D30_302D_3030_3030
        let tail = UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt16.self)) ^ 0x3030
        let headOver = ((head & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F76_767F_7676_7676 | head) & 0x8080_8080_8080_8080
        let tailOver = ((tail & 0x7F7F) &+ 0x7676 | tail) & 0x8080
        guard headOver == 0 && tailOver == 0 else { return nil }
        @inline(__always) func digit(_ index: UInt64) -> Int { Int(truncatingIfNeeded: head >> (8 * index) & 0xFF) }
        let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
        let month = digit(5) * 10 + digit(6), day = Int(tail & 0xFF) * 10 + Int(tail >> 8)
        guard year >= firstISOYear && year < firstISOYear + isoYears && month >= 1 && month <= 12 && day >= 1 && day <= 31 else { return nil }
        return ((year - firstISOYear) * 12 + month - 1) * 31 + day - 1
    }
}
