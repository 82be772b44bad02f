/// The layout of one order line in the spill (`SumsSpill`), in one place for the writer and for
/// `PartitionLines`, which reads partitions back: 20 bytes, and 4 per segment column.
///
/// - bytes 0–3: the customer's place in its partition (the low `partitionShift` bits) and the
///   line's day counted from 1900-01-01 (the bits above). A partition's customers follow from
///   where its blocks are, so the customer's number is not written whole, and the record is 20
///   bytes instead of 24: a sixth less to write, read back and sort.
/// - bytes 4–11: the order key (`OrderKey.rawValue`); bytes 12–19: the amount in minor units
///   (both at offsets that are not multiples of 8, read with `loadUnaligned`).
/// - from byte 20: the segment value ids, 4 bytes each.
enum SpillRecord {
    /// Bytes of a record with `segmentCount` segment columns.
    static func bytes(segmentCount: Int) -> Int { 20 + 4 * segmentCount }

    /// The most customers a partition may have, as a power of 2: 2^10, which leaves 22 bits for
    /// the day, 11,483 years from 1900-01-01, the earliest day read (`ReadLimits.earliestDate`):
    /// every date of four digits, as the dates are read.
    static let largestPartitionShift = 10

    /// The day counted 0: 1900-01-01 (`ReadLimits.earliestDate`), 70 years of 365 days and 17 leap
    /// days before 1970-01-01 (day 0). A literal, not that date's `dayNumber`: a constant computed
    /// at run time is a lazily made global, checked (`swift_once`) at every line written, 0.6 % of
    /// all CPU time on order lines.
    static let firstDay: Int32 = -25_567

    /// Writes a line of the customer at `place` in its partition of 2^`shift` customers.
    @inline(__always)
    static func write(place: Int32, day: Int32, key: UInt64, amount: Int64, shift: Int, to record: UnsafeMutableRawPointer) {
        let days = UInt32(bitPattern: day &- firstDay)
        precondition(days >> UInt32(32 - shift) == 0, "a day from 1900 on, of four digits") // as every day read is
        record.storeBytes(of: days << UInt32(shift) | UInt32(bitPattern: place), as: UInt32.self)
        record.storeBytes(of: key, toByteOffset: 4, as: UInt64.self)
        record.storeBytes(of: amount, toByteOffset: 12, as: Int64.self)
    }

    /// The customer's place in its partition of 2^`shift` customers.
    @inline(__always)
    static func place(_ record: UnsafeRawPointer, shift: Int) -> Int {
        Int(record.loadUnaligned(as: UInt32.self) & (1 << UInt32(shift) &- 1))
    }

    @inline(__always)
    static func day(_ record: UnsafeRawPointer, shift: Int) -> Int32 {
        Int32(bitPattern: record.loadUnaligned(as: UInt32.self) >> UInt32(shift)) &+ firstDay
    }

    @inline(__always)
    static func key(_ record: UnsafeRawPointer) -> UInt64 { record.loadUnaligned(fromByteOffset: 4, as: UInt64.self) }

    @inline(__always)
    static func amount(_ record: UnsafeRawPointer) -> Int64 { record.loadUnaligned(fromByteOffset: 12, as: Int64.self) }

    /// Copies a record of `bytes` bytes (20 and 4 per segment column): two words and a word of 4
    /// bytes per 4 left, without a call to `memmove` for so few bytes (which took 2 % of all CPU
    /// time on order lines, in the sort of a partition read back).
    @inline(__always)
    static func copy(_ bytes: Int, from record: UnsafeRawPointer, to target: UnsafeMutableRawPointer) {
        target.storeBytes(of: record.loadUnaligned(as: UInt64.self), as: UInt64.self)
        target.storeBytes(of: record.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
        var offset = 16
        while offset < bytes {
            target.storeBytes(of: record.loadUnaligned(fromByteOffset: offset, as: UInt32.self), toByteOffset: offset, as: UInt32.self)
            offset += 4
        }
    }

    /// Where segment slot `slot`'s value id is.
    @inline(__always)
    static func segmentOffset(_ slot: Int) -> Int { 20 + 4 * slot }
}
