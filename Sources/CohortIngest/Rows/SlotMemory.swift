import CohortCore
import Foundation

/// The memory of a hash table that doubles in place: address space reserved once, of
/// which the table uses the start, and pages that are zero until first written.
///
/// Growing a table into a new array keeps the old and the new one alive at once and
/// writes both; growing in place (`ByteInterner.grow`) writes only the new half. On a
/// virtual machine that hands a process's memory back to the host, every fresh page is
/// slow to touch the first time, so this is less memory and less time.
///
///     let memory = try SlotMemory(bytes: 1 << 16)
///     memory.extend(to: 1 << 17)   // the added bytes read as zero
///
/// Large tables are advised onto huge pages (`HugePages`). A class: it owns the mapping.
/// When the system cannot map the memory, a `MemoryError` is thrown (never a trap).
final class SlotMemory {
    /// Address space reserved for any table (nothing is used until written): 4 GiB.
    private static let reservation = 1 << 32

    let base: UnsafeMutableRawPointer
    /// Bytes in use at the start of the reservation.
    private(set) var size: Int
    private let reserved: Int
    private var advised = false

    /// Zeroed memory of `bytes`, with room to grow in place to 4 GiB (or none, where the system
    /// refuses to reserve address space it does not back, as with strict overcommit).
    init(bytes: Int) throws(MemoryError) {
        var reserved = max(bytes, Self.reservation)
        var mapped = Self.map(reserved)
        if mapped == nil {
            reserved = bytes
            mapped = Self.map(reserved)
        }
        guard let mapped else { throw MemoryError(bytes: bytes) }
        self.reserved = reserved
        base = mapped
        size = bytes
        adviseWhenLarge()
        makePresent(0 ..< bytes)
    }

    private static func map(_ bytes: Int) -> UnsafeMutableRawPointer? {
        let mapped = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        return mapped == MAP_FAILED ? nil : mapped
    }

    deinit {
        munmap(base, reserved)
    }

    /// Whether the reservation has room for `bytes` in place.
    func canExtend(to bytes: Int) -> Bool { bytes <= reserved }

    /// Uses `bytes` (at most the reservation) from the start; the bytes added read as zero.
    func extend(to bytes: Int) {
        precondition(canExtend(to: bytes), "an id table outgrew its reservation")
        let added = size ..< bytes
        size = bytes
        adviseWhenLarge()
        makePresent(added)
    }

    /// A copy of the bytes in use, with the same room to grow.
    func copy() throws(MemoryError) -> SlotMemory {
        let copy = try SlotMemory(bytes: size)
        copy.base.copyMemory(from: base, byteCount: size)
        return copy
    }

    /// Writes a zero into every page of `range`, which the table is about to use anyway.
    ///
    /// A page first read maps the system's shared zero page; the first write then
    /// copies it and makes every core that ran this process forget the old mapping.
    /// Lookups and growing read empty slots before they write, so each page would pay
    /// for that twice; written first, it is simply allocated, once.
    private func makePresent(_ range: Range<Int>) {
        let pageSize = 4096
        var offset = range.lowerBound
        while offset < range.upperBound {
            base.storeBytes(of: 0, toByteOffset: offset, as: UInt8.self)
            offset += pageSize
        }
    }

    private func adviseWhenLarge() {
        guard !advised && size >= HugePages.threshold else { return }
        HugePages.advise(UnsafeMutableRawBufferPointer(start: base, count: reserved))
        advised = true
    }
}
