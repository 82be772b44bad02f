/// The days of date texts read before in a file.
///
/// A file of millions of rows has a few thousand distinct dates, so most date fields
/// repeat one seen shortly before. A text of up to 16 bytes is its two words and its
/// length (`ByteInterner.words`), held whole in a direct-mapped table: a hit is exact,
/// and a miss just reads the date. Only plain days are kept (not readings that settle or
/// wait for the day/month order); `removeAll()` when the order of the column settles.
///
///     let reading = cache.reading(text) { FieldParser.date(text, numericOrder: order) }
struct DayCache {
    private struct Entry {
        var word0: UInt64 = 0
        var word1: UInt64 = 0
        /// length << 32 | the day as 32 bits; 0 = empty (an empty text is never kept).
        var lengthAndDay: UInt64 = 0
    }

    private static let bits = 12
    private var entries = [Entry](repeating: Entry(), count: 1 << bits)

    /// The reading of `text`: remembered, or from `read` (and remembered when it is a day).
    @inline(__always)
    mutating func reading(_ text: UnsafeBufferPointer<UInt8>, _ read: () -> FieldParser.DateReading) -> FieldParser.DateReading {
        guard text.count > 0 && text.count <= 16 else { return read() }
        let (word0, word1) = ByteInterner.words(text)
        let index = Int(truncatingIfNeeded: ((word0 ^ word1 &* 0x9E37_79B9_7F4A_7C15) &* 0xFF51_AFD7_ED55_8CCD) >> UInt64(64 - Self.bits))
        let length = UInt64(text.count) << 32
        let entry = entries[index]
        if entry.word0 == word0 && entry.word1 == word1 && entry.lengthAndDay & 0xFFFF_FFFF_0000_0000 == length {
            return .day(Int(Int32(truncatingIfNeeded: entry.lengthAndDay)))
        }
        let reading = read()
        if case .day(let day) = reading, let day32 = Int32(exactly: day) {
            entries[index] = Entry(word0: word0, word1: word1, lengthAndDay: length | UInt64(UInt32(bitPattern: day32)))
        }
        return reading
    }

    mutating func removeAll() {
        entries = [Entry](repeating: Entry(), count: 1 << Self.bits)
    }
}
