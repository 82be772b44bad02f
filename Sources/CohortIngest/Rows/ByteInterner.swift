import CohortCore
import Foundation

/// Maps byte strings to dense integer ids (0, 1, 2, ...), keeping each distinct string once.
///
/// An open-addressing hash table (linear probing, power-of-two capacity, at most half
/// full): no `String` or allocation per lookup, so interning millions of ids stays in
/// plain integer work. A slot is 24 bytes: a key of up to 16 bytes (most customer and
/// order ids) is held in it whole, as two words and its length, so a lookup reads one
/// slot and nothing else; a longer key keeps its first word in the slot and its bytes
/// in `longKeys`. Large tables are placed on huge pages where the system allows, so
/// that a lookup costs one wait for memory rather than two (the page table's and the
/// slot's).
///
/// The bytes of every key are kept for `string(at:)` only when `keepsKeys` (customer ids,
/// which label reports); order ids need nothing but their ids.
///
///     var interner = ByteInterner()
///     interner.intern(Array("C001".utf8)[...])   // 0
///     interner.intern(Array("C002".utf8)[...])   // 1
///     interner.intern(Array("C001".utf8)[...])   // 0
///     interner.string(at: 1)                     // "C002"
///
/// Complexity: O(length) expected per call.
struct ByteInterner {
    /// One entry of the table: `word0` and `word1` as `words(_:)` gives them (for a key
    /// longer than 16 bytes, `word1` is where its bytes start in `longKeys`), and `meta`,
    /// which is (24 bits of hash, 8 bits of length) << 32 | (id + 1); 0 = empty.
    private struct Slot {
        var word0: UInt64 = 0
        var word1: UInt64 = 0
        var meta: UInt64 = 0
    }

    /// The table: `mask + 1` slots (a power of two) at the start of `memory`.
    private var memory: SlotMemory
    private var mask: Int
    private var slots: UnsafeMutablePointer<Slot> { memory.base.assumingMemoryBound(to: Slot.self) }
    private var slotCount: Int { mask + 1 }
    /// Number of ids given out (`0 ..< count`), ids from `uniqueID()` included.
    private(set) var count = 0
    /// Keys longer than 16 bytes, each as its length (4 bytes) and its bytes.
    private var longKeys: [UInt8] = []
    /// Whether every key's bytes are kept, for `string(at:)`.
    let keepsKeys: Bool
    /// The bytes of every key in id order, and id → their start (with one end entry), when `keepsKeys`.
    private var keys: [UInt8] = []
    private var keyStart: [Int] = [0]
    /// Bit `id` is set when the id came from `uniqueID()`.
    private var uniqueBits: [UInt64] = []
    /// The sum of the slots read ahead by the batch `intern`, kept so that those reads are not left out.
    private var touchedSlots: UInt64 = 0

    init(capacity: Int = 1024, keepsKeys: Bool = true) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        memory = SlotMemory(bytes: size * MemoryLayout<Slot>.stride)
        memory.base.bindMemory(to: Slot.self, capacity: size)
        mask = size - 1
        self.keepsKeys = keepsKeys
    }

    /// The id of `bytes`, adding it when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        intern(PreparedKey(bytes))
    }

    /// The id of a prepared key, adding it when new.
    @inline(__always)
    private mutating func intern(_ key: PreparedKey) -> Int32 {
        let length = key.bytes.count
        let tag = Self.tag(hash: key.hash, length: length)
        let start = Int(truncatingIfNeeded: key.hash) & mask
        let table = slots
        let (found, free) = { () -> (Int32?, Int) in
            var slot = start
            while true {
                let entry = table[slot]
                if entry.meta == 0 { return (nil, slot) }
                if entry.meta & 0xFFFF_FFFF_0000_0000 == tag && entry.word0 == key.word0 {
                    let id = Int32(truncatingIfNeeded: entry.meta & 0xFFFF_FFFF) - 1
                    if length <= 16 ? entry.word1 == key.word1 : longKey(at: Int(entry.word1), equals: key.bytes) { return (id, slot) }
                }
                slot = (slot + 1) & mask
            }
        }()
        if let found { return found }
        let id = newID(keeping: key.bytes)
        var word1 = key.word1
        if length > 16 {
            word1 = UInt64(longKeys.count)
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: length).littleEndian) { longKeys.append(contentsOf: $0) }
            longKeys.append(contentsOf: key.bytes)
        }
        makeTableUnique()
        slots[free] = Slot(word0: key.word0, word1: word1, meta: tag | UInt64(id + 1))
        if count * 2 > slotCount { grow(to: slotCount * 2) }
        return Int32(id)
    }

    /// A key's bytes with its words and hash, computed where the bytes are read (on the
    /// parsing thread), so that the interning thread only looks them up.
    struct PreparedKey {
        var bytes: UnsafeBufferPointer<UInt8>
        var word0: UInt64
        var word1: UInt64
        var hash: UInt64

        @inline(__always)
        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            (word0, word1) = ByteInterner.words(bytes)
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
        let table = slots
        for key in keys { touched &+= table[Int(truncatingIfNeeded: key.hash) & mask].meta }
        for (index, key) in keys.enumerated() {
            ids[index] = key.bytes.isEmpty ? uniqueID() : intern(key)
        }
        touchedSlots &+= touched
    }

    /// The id of an array slice of bytes, adding it when new.
    mutating func intern(_ bytes: ArraySlice<UInt8>) -> Int32 {
        bytes.withUnsafeBufferPointer { intern($0) }
    }

    /// A fresh id that no string maps to (for a row without an order id).
    mutating func uniqueID() -> Int32 {
        let id = newID(keeping: UnsafeBufferPointer(start: nil, count: 0))
        uniqueBits[id >> 6] |= 1 << UInt64(id & 63)
        return Int32(id)
    }

    /// Whether `id` came from `uniqueID()`.
    func isUniqueID(_ id: Int32) -> Bool {
        uniqueBits[Int(id) >> 6] & 1 << UInt64(id & 63) != 0
    }

    /// The string of an id (`keepsKeys` only); bytes that are not UTF-8 are read as Windows-1252.
    func string(at id: Int) -> String {
        precondition(keepsKeys, "string(at:) needs an interner that keeps its keys")
        return keys.withUnsafeBufferPointer { TextEncoding.string(UnsafeBufferPointer(rebasing: $0[keyStart[id] ..< keyStart[id + 1]])) }
    }

    /// Every interned string, in id order (`keepsKeys` only).
    func allStrings() -> [String] {
        (0 ..< count).map(string(at:))
    }

    /// Makes room for `additional` more strings without growing on the way.
    mutating func reserveCapacity(_ additional: Int) {
        var size = slotCount
        while size < (count + additional) * 2 { size <<= 1 }
        if size > slotCount { grow(to: size) }
    }

    // MARK: - Private

    /// The next id, keeping its key's bytes when `keepsKeys`.
    @inline(__always)
    private mutating func newID(keeping bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let id = count
        count += 1
        if id & 63 == 0 { uniqueBits.append(0) }
        if keepsKeys {
            keys.append(contentsOf: bytes)
            keyStart.append(keys.count)
        }
        return id
    }

    @inline(__always)
    private static func tag(hash: UInt64, length: Int) -> UInt64 {
        (hash >> 32 & 0xFFFF_FF00 | UInt64(min(length, 255))) << 32
    }

    /// Whether the long key stored at `offset` of `longKeys` has these bytes.
    private func longKey(at offset: Int, equals bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        longKeys.withUnsafeBytes { stored in
            let length = Int(UInt32(littleEndian: stored.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            guard length == bytes.count, let other = bytes.baseAddress, let base = stored.baseAddress else { return false }
            return memcmp(base + offset + 4, other, length) == 0
        }
    }

    /// The bytes of the long key stored at `offset` of `longKeys`.
    private func longKeyBytes<Result>(at offset: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        longKeys.withUnsafeBytes { stored in
            let length = Int(UInt32(littleEndian: stored.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            return body(UnsafeBufferPointer(rebasing: stored.bindMemory(to: UInt8.self)[offset + 4 ..< offset + 4 + length]))
        }
    }

    /// Gives this value its own table when a copy of it shares the memory.
    private mutating func makeTableUnique() {
        if !isKnownUniquelyReferenced(&memory) { memory = memory.copy() }
    }

    /// Grows the table to `size` slots (a power of two) where it is, when its memory has room.
    ///
    /// The upper part is zero on arrival, so growing writes only it and the old table is
    /// never held twice. The entries at the start that belong to a cluster wrapping around
    /// the end are set aside; every other entry, taken out in slot order and put back under
    /// the larger mask, lands at or before its old slot or in the upper part, and its way
    /// there crosses only entries already put back, so lookups still find everything. The
    /// entries set aside go back last, as ordinary inserts.
    private mutating func grow(to size: Int) {
        makeTableUnique()
        let oldSize = slotCount
        guard memory.canExtend(to: size * MemoryLayout<Slot>.stride) else { return growIntoNewMemory(size) }
        memory.extend(to: size * MemoryLayout<Slot>.stride)
        memory.base.bindMemory(to: Slot.self, capacity: size)
        mask = size - 1
        let table = slots
        var wrapped: [Slot] = []
        var firstEmpty = 0
        while table[firstEmpty].meta != 0 { // at most half full: there is an empty slot
            wrapped.append(table[firstEmpty])
            table[firstEmpty] = Slot()
            firstEmpty += 1
        }
        for index in firstEmpty ..< oldSize where table[index].meta != 0 {
            let entry = table[index]
            table[index] = Slot()
            insert(entry, into: table)
        }
        for entry in wrapped { insert(entry, into: table) }
    }

    /// Puts an entry in the first free slot from its home.
    @inline(__always)
    private func insert(_ entry: Slot, into table: UnsafeMutablePointer<Slot>) {
        var target = Int(truncatingIfNeeded: hash(of: entry)) & mask
        while table[target].meta != 0 { target = (target + 1) & mask }
        table[target] = entry
    }

    /// Grows into newly reserved memory, for a table larger than one reservation holds.
    private mutating func growIntoNewMemory(_ size: Int) {
        let old = memory, oldTable = slots, oldSize = slotCount
        memory = SlotMemory(bytes: size * MemoryLayout<Slot>.stride)
        memory.base.bindMemory(to: Slot.self, capacity: size)
        mask = size - 1
        let table = slots
        for index in 0 ..< oldSize where oldTable[index].meta != 0 { insert(oldTable[index], into: table) }
        withExtendedLifetime(old) {}
    }

    /// The full hash of an entry's key, from the slot (or `longKeys` for a long key).
    private func hash(of entry: Slot) -> UInt64 {
        let length = Int(entry.meta >> 32 & 0xFF)
        return length <= 16 ? Self.shortHash(entry.word0, entry.word1, length: length)
            : longKeyBytes(at: Int(entry.word1)) { Self.hash($0) }
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
