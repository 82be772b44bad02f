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

    /// The reading of `text`: remembered, or from `read` (and remembered when it is a day).
    @inline(__always)
    mutating func reading(_ text: UnsafeBufferPointer<UInt8>, _ read: () -> FieldParser.DateReading) -> FieldParser.DateReading {
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

    mutating func removeAll() {
        entries = [Entry](repeating: Entry(), count: 2 << Self.bits)
    }
}
