import Foundation

/// Maps byte strings to dense integer ids (0, 1, 2, ...), keeping each distinct string once.
///
/// An open-addressing hash table (linear probing, power-of-two capacity) over an
/// arena of bytes: no `String` or allocation per lookup, so interning millions
/// of customer ids stays in plain integer work.
///
///     var interner = ByteInterner()
///     interner.intern(Array("C001".utf8)[...])   // 0
///     interner.intern(Array("C002".utf8)[...])   // 1
///     interner.intern(Array("C001".utf8)[...])   // 0
///     interner.string(at: 1)                     // "C002"
///
/// Complexity: O(length) expected per call.
struct ByteInterner {
    private var arena: [UInt8] = []
    /// id → start of its bytes in `arena`; `offsets[id + 1]` is its end.
    private var offsets: [Int] = [0]
    /// id → its hash, so that growing the table does not hash every string again.
    private var hashes: [UInt64] = []
    /// Slot → (upper 32 bits of the hash) << 32 | (id + 1); 0 = empty. One load per probe.
    private var slots: [UInt64]
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// Number of distinct strings interned (ids are `0 ..< count`).
    var count: Int { offsets.count - 1 }

    /// The id of `bytes`, adding it when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(bytes)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            if stored & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(stored & 0xFFFF_FFFF) - 1
                if equals(id, bytes) { return Int32(id) }
            }
            slot = (slot + 1) & mask
        }
        let id = count
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
        hashes.append(hash)
        slots[slot] = tag | UInt64(id + 1)
        if count * 2 > slots.count { grow() }
        return Int32(id)
    }

    /// The id of an array slice of bytes, adding it when new.
    mutating func intern(_ bytes: ArraySlice<UInt8>) -> Int32 {
        bytes.withUnsafeBufferPointer { intern($0) }
    }

    /// A fresh id that no string maps to (for a row without an order id).
    mutating func uniqueID() -> Int32 {
        offsets.append(arena.count)
        hashes.append(0)
        return Int32(count - 1)
    }

    /// Whether `id` came from `uniqueID()` (no string maps to it; the empty string is never interned).
    func isUniqueID(_ id: Int32) -> Bool {
        offsets[Int(id)] == offsets[Int(id) + 1]
    }

    /// The string of an id; bytes that are not UTF-8 are read as Windows-1252.
    func string(at id: Int) -> String {
        arena.withUnsafeBufferPointer { TextEncoding.string(UnsafeBufferPointer(rebasing: $0[offsets[id] ..< offsets[id + 1]])) }
    }

    /// Every interned string, in id order.
    func allStrings() -> [String] {
        (0 ..< count).map(string(at:))
    }

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[id], length = offsets[id + 1] - start
        guard length == bytes.count else { return false }
        guard length > 0, let other = bytes.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, other, length) == 0 }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var newSlots = [UInt64](repeating: 0, count: size)
        let newMask = size - 1
        for stored in slots where stored != 0 {
            let hash = hashes[Int(stored & 0xFFFF_FFFF) - 1]
            var target = Int(truncatingIfNeeded: hash) & newMask
            while newSlots[target] != 0 { target = (target + 1) & newMask }
            newSlots[target] = stored
        }
        (slots, mask) = (newSlots, newMask)
    }

    /// A 64-bit hash reading eight bytes at a time, with a final avalanche (murmur3's fmix64).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return hash }
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }
}
