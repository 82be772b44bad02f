import Foundation

/// Maps byte strings to dense integer ids (0, 1, 2, ...), keeping each distinct string once.
///
/// An open-addressing hash table (linear probing, power-of-two capacity, at most half
/// full) over an arena of bytes: no `String` or allocation per lookup, so interning
/// millions of customer ids stays in plain integer work. A slot is 16 bytes: the key's
/// first word, and 24 bits of its hash, its length and its id. A key of up to 8 bytes
/// (most customer ids) is its word and length, so a lookup reads one slot and never the
/// arena; a longer key whose word and hash match is compared with the arena.
///
///     var interner = ByteInterner()
///     interner.intern(Array("C001".utf8)[...])   // 0
///     interner.intern(Array("C002".utf8)[...])   // 1
///     interner.intern(Array("C001".utf8)[...])   // 0
///     interner.string(at: 1)                     // "C002"
///
/// Complexity: O(length) expected per call.
struct ByteInterner {
    /// One entry of the table: the key's first word (see `words(_:)`) and `meta`, which is
    /// (24 bits of hash, 8 bits of length) << 32 | (id + 1); 0 = empty.
    private struct Slot {
        var word0: UInt64 = 0
        var meta: UInt64 = 0
    }

    private var arena: [UInt8] = []
    /// id → start of its bytes in `arena`; `offsets[id + 1]` is its end.
    private var offsets: [Int] = [0]
    /// The id of the empty string when it was interned (its bytes look like a unique id's).
    private var emptyStringID: Int32?
    private var slots: [Slot]
    private var mask: Int
    /// The sum of the slots read ahead by the batch `intern`, kept so that those reads are not left out.
    private var touchedSlots: UInt64 = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
    }

    /// Number of distinct strings interned (ids are `0 ..< count`), ids from `uniqueID()` included.
    var count: Int { offsets.count - 1 }

    /// The id of `bytes`, adding it when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (word0, word1) = Self.words(bytes)
        let hash = bytes.count <= 16 ? Self.shortHash(word0, word1, length: bytes.count) : Self.hash(bytes)
        return intern(bytes, word0: word0, hash: hash)
    }

    /// The id of `bytes`, whose words and hash are known, adding it when new.
    @inline(__always)
    private mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, word0: UInt64, hash: UInt64) -> Int32 {
        let length = bytes.count
        let tag = (hash >> 32 & 0xFFFF_FF00 | UInt64(min(length, 255))) << 32
        let start = Int(truncatingIfNeeded: hash) & mask
        let (found, free) = slots.withUnsafeBufferPointer { table -> (Int32?, Int) in
            var slot = start
            while true {
                let entry = table[slot]
                if entry.meta == 0 { return (nil, slot) }
                if entry.meta & 0xFFFF_FFFF_0000_0000 == tag && entry.word0 == word0 {
                    let id = Int(truncatingIfNeeded: entry.meta & 0xFFFF_FFFF) - 1
                    if length <= 8 || equals(id, bytes) { return (Int32(id), slot) }
                }
                slot = (slot + 1) & mask
            }
        }
        if let found { return found }
        let id = count
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
        if length == 0 { emptyStringID = Int32(id) }
        slots[free] = Slot(word0: word0, meta: tag | UInt64(id + 1))
        if count * 2 > slots.count { grow(to: slots.count * 2) }
        return Int32(id)
    }

    /// A key's bytes with its first word and hash, computed where the bytes are read
    /// (on the parsing thread), so that the interning thread only looks them up.
    struct PreparedKey {
        var bytes: UnsafeBufferPointer<UInt8>
        var word0: UInt64
        var hash: UInt64

        @inline(__always)
        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            let (word0, word1) = ByteInterner.words(bytes)
            self.bytes = bytes
            self.word0 = word0
            hash = bytes.count <= 16 ? ByteInterner.shortHash(word0, word1, length: bytes.count) : ByteInterner.hash(bytes)
        }
    }

    /// Interns `keys` in order, as many calls of `intern(_:)` would (an empty key gets a
    /// `uniqueID()`), writing their ids to `ids`.
    ///
    /// In a table larger than the caches each lookup waits for memory; here the slots of
    /// all keys are read first, in a tight loop, so that those waits overlap.
    /// The keys' bytes must stay valid during the call.
    mutating func intern(_ keys: UnsafeBufferPointer<PreparedKey>, into ids: UnsafeMutablePointer<Int32>) {
        // First read every key's slot, in a loop short enough for many reads to wait at
        // once; the lookups below then find the slots in the cache.
        var touched: UInt64 = 0
        slots.withUnsafeBufferPointer { table in
            for key in keys { touched &+= table[Int(truncatingIfNeeded: key.hash) & mask].meta }
        }
        for (index, key) in keys.enumerated() {
            ids[index] = key.bytes.isEmpty ? uniqueID() : intern(key.bytes, word0: key.word0, hash: key.hash)
        }
        touchedSlots &+= touched
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
        return arena.withUnsafeBufferPointer { arena in
            guard let base = arena.baseAddress else { return false }
            return memcmp(base + start, other, length) == 0
        }
    }

    /// Makes room for `additional` more strings without growing on the way.
    mutating func reserveCapacity(_ additional: Int) {
        var size = slots.count
        while size < (count + additional) * 2 { size <<= 1 }
        if size > slots.count { grow(to: size) }
    }

    /// Rehashes every string into `size` slots (a power of two), reading the arena in id order;
    /// the new slots of a batch of strings are read first, so that their waits for memory overlap.
    private mutating func grow(to size: Int) {
        var newSlots = [Slot](repeating: Slot(), count: size)
        let newMask = size - 1
        let count = self.count, emptyStringID = self.emptyStringID
        arena.withUnsafeBufferPointer { arena in
            offsets.withUnsafeBufferPointer { offsets in
                newSlots.withUnsafeMutableBufferPointer { table in
                    let batch = 1024
                    withUnsafeTemporaryAllocation(of: (hash: UInt64, word0: UInt64).self, capacity: batch) { keys in
                        var touched: UInt64 = 0
                        var first = 0
                        while first < count {
                            let end = min(count, first + batch)
                            for id in first ..< end {
                                let key = UnsafeBufferPointer(rebasing: arena[offsets[id] ..< offsets[id + 1]])
                                let (word0, word1) = Self.words(key)
                                let hash = key.count <= 16 ? Self.shortHash(word0, word1, length: key.count) : Self.hash(key)
                                keys[id - first] = (hash, word0)
                                touched &+= table[Int(truncatingIfNeeded: hash) & newMask].meta
                            }
                            for id in first ..< end {
                                let length = offsets[id + 1] - offsets[id]
                                guard length > 0 || Int32(id) == emptyStringID else { continue } // a unique id
                                let (hash, word0) = keys[id - first]
                                let tag = (hash >> 32 & 0xFFFF_FF00 | UInt64(min(length, 255))) << 32
                                var target = Int(truncatingIfNeeded: hash) & newMask
                                while table[target].meta != 0 { target = (target + 1) & newMask }
                                table[target] = Slot(word0: word0, meta: tag | UInt64(id + 1))
                            }
                            first = end
                        }
                        touchedSlots &+= touched
                    }
                }
            }
        }
        (slots, mask) = (newSlots, newMask)
    }

    /// Two words that, with the length, are the key itself when it has up to 16 bytes
    /// (overlapping loads from both ends); for a longer key its first and last 8 bytes.
    @inline(__always)
    static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let count = bytes.count
        guard let base = UnsafeRawPointer(bytes.baseAddress), count > 0 else { return (0, 0) }
        if count >= 8 {
            return (base.loadUnaligned(as: UInt64.self), base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        }
        if count >= 4 {
            let low = UInt64(base.loadUnaligned(as: UInt32.self)), high = UInt64(base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return (low | high << 32, 0)
        }
        return (UInt64(bytes[0]) | UInt64(bytes[count / 2]) << 8 | UInt64(bytes[count - 1]) << 16, 0)
    }

    /// A 64-bit hash of a short key's words and length (murmur3's fmix64 to finish).
    @inline(__always)
    static func shortHash(_ word0: UInt64, _ word1: UInt64, length: Int) -> UInt64 {
        var hash = (word0 ^ 0x9E37_79B9_7F4A_7C15) &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 32
        hash = (hash ^ word1 ^ UInt64(length)) &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
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
