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
    /// Slot → id + 1 (0 = empty).
    private var slots: [Int32]
    private var hashes: [UInt64]
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        hashes = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// Number of distinct strings interned (ids are `0 ..< count`).
    var count: Int { offsets.count - 1 }

    /// The id of `bytes`, adding it when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            if hashes[slot] == hash && equals(Int(stored) - 1, bytes) { return stored - 1 }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
        slots[slot] = id + 1
        hashes[slot] = hash
        if count * 2 > slots.count { grow() }
        return id
    }

    /// The id of an array slice of bytes, adding it when new.
    mutating func intern(_ bytes: ArraySlice<UInt8>) -> Int32 {
        bytes.withUnsafeBufferPointer { intern($0) }
    }

    /// A fresh id that no string maps to (for a row without an order id).
    mutating func uniqueID() -> Int32 {
        offsets.append(arena.count)
        return Int32(count - 1)
    }

    /// The string of an id (invalid UTF-8 is repaired).
    func string(at id: Int) -> String {
        String(decoding: arena[offsets[id] ..< offsets[id + 1]], as: UTF8.self)
    }

    /// Every interned string, in id order.
    func allStrings() -> [String] {
        (0 ..< count).map(string(at:))
    }

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[id], end = offsets[id + 1]
        guard end - start == bytes.count else { return false }
        for i in 0 ..< bytes.count where arena[start + i] != bytes[i] { return false }
        return true
    }

    private mutating func grow() {
        let size = slots.count * 2
        var newSlots = [Int32](repeating: 0, count: size)
        var newHashes = [UInt64](repeating: 0, count: size)
        let newMask = size - 1
        for slot in slots.indices where slots[slot] != 0 {
            var target = Int(truncatingIfNeeded: hashes[slot]) & newMask
            while newSlots[target] != 0 { target = (target + 1) & newMask }
            newSlots[target] = slots[slot]
            newHashes[target] = hashes[slot]
        }
        (slots, hashes, mask) = (newSlots, newHashes, newMask)
    }

    /// FNV-1a, then a final mix so that low bits spread well for the mask.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return hash
    }
}
