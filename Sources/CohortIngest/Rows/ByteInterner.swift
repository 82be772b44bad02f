import CByteScan
import CohortCore
import Foundation

/// Maps byte strings to dense integer ids (0, 1, 2, ...), keeping each distinct string once.
///
/// An open-addressing hash table (linear probing, power-of-two capacity, at most half
/// full): no `String` or allocation per lookup, so interning millions of ids stays in
/// plain integer work. A slot is 16 bytes, four to a cache line: a key of up to 11
/// bytes (most customer and order ids) is held in it whole, as its first eight bytes,
/// up to three more and its length, so a lookup reads one slot and nothing else. A
/// longer key keeps its first eight bytes and 24 bits of its hash in the slot and the
/// rest in `tails`. The table grows in place in reserved memory on huge pages
/// (`SlotMemory`), so a lookup costs one wait for memory, not two.
///
/// The bytes of every key are kept for `string(at:)` only when `keepsKeys` (customer ids,
/// which label reports); order ids need nothing but their ids.
///
///     var interner = try ByteInterner()
///     try interner.intern(Array("C001".utf8)[...])   // 0
///     try interner.intern(Array("C002".utf8)[...])   // 1
///     try interner.intern(Array("C001".utf8)[...])   // 0
///     interner.string(at: 1)                     // "C002"
///
/// Complexity: O(length) expected per call.
struct ByteInterner {
    /// One entry of the table: the key's first word (`PreparedKey.word0`) and `meta`, which
    /// is (24 bits `extra`, 8 bits of length) << 32 | (id + 1); 0 = empty.
    private struct Slot {
        var word0: UInt64 = 0
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
    /// id → for a key of 12 to 16 bytes its last word, for a longer one where it starts in
    /// `longKeys` (0 for other ids); empty until the first key of 12 bytes or more.
    private var tails: [UInt64] = []
    /// Whether every key's bytes are kept, for `string(at:)`.
    let keepsKeys: Bool
    /// The bytes of every key in id order, and id → their start (with one end entry), when `keepsKeys`.
    private var keys: [UInt8] = []
    private var keyStart: [Int] = [0]
    /// Bit `id` is set when the id came from `uniqueID()`.
    private var uniqueBits: [UInt64] = []
    /// The batch `intern`'s keys, hashed (kept to reuse the memory).
    private var preparedKeys: [PreparedKey] = []

    init(capacity: Int = 1024, keepsKeys: Bool = true) throws(MemoryError) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        memory = try SlotMemory(bytes: size * MemoryLayout<Slot>.stride)
        memory.base.bindMemory(to: Slot.self, capacity: size)
        mask = size - 1
        self.keepsKeys = keepsKeys
    }

    /// The id of `bytes`, adding it when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) throws(MemoryError) -> Int32 {
        try makeTableUnique()
        return try intern(PreparedKey(bytes))
    }

    /// The id of a prepared key, adding it when new; call `makeTableUnique()` first.
    @inline(__always)
    private mutating func intern(_ key: PreparedKey) throws(MemoryError) -> Int32 {
        let start = Int(truncatingIfNeeded: key.hash) & mask
        let table = slots
        let (found, free) = { () -> (Int32?, Int) in
            var slot = start
            while true {
                let entry = table[slot]
                if entry.meta == 0 { return (nil, slot) }
                if entry.meta & 0xFFFF_FFFF_0000_0000 == key.head && entry.word0 == key.word0 {
                    let id = Int(truncatingIfNeeded: entry.meta & 0xFFFF_FFFF) - 1
                    if key.bytes.count <= 11 || tailMatches(id, key) { return (Int32(id), slot) }
                }
                slot = (slot + 1) & mask
            }
        }()
        if let found { return found }
        let id = newID(keeping: key.bytes)
        let length = key.bytes.count
        if length >= 12 {
            if tails.count < id { tails.append(contentsOf: repeatElement(0, count: id - tails.count)) }
            if length <= 16 {
                tails.append(key.tail)
            } else {
                tails.append(UInt64(longKeys.count))
                withUnsafeBytes(of: UInt32(truncatingIfNeeded: length).littleEndian) { longKeys.append(contentsOf: $0) }
                longKeys.append(contentsOf: key.bytes)
            }
        }
        slots[free] = Slot(word0: key.word0, meta: key.head | UInt64(id + 1))
        if count * 2 > slotCount { try grow(to: slotCount * 2) }
        return Int32(id)
    }

    /// Whether the stored id `id` (of a key of 12 bytes or more) has the rest of `key`.
    private func tailMatches(_ id: Int, _ key: PreparedKey) -> Bool {
        key.bytes.count <= 16 ? tails[id] == key.tail : longKey(at: Int(tails[id]), equals: key.bytes)
    }

    /// A key's bytes with its first word, the head of its slot's `meta` and its hash.
    private struct PreparedKey {
        var bytes: UnsafeBufferPointer<UInt8>
        /// The first eight bytes (a shorter key: its bytes, see `words(_:)`).
        var word0: UInt64
        /// `meta`'s upper half: (extra, length) << 32. `extra` is bytes 8 to 10 of a key of 9
        /// to 11 bytes, 0 for a shorter one, and 24 bits of the hash of a longer one.
        var head: UInt64
        /// For a key of 12 to 16 bytes, its last eight bytes.
        var tail: UInt64
        var hash: UInt64

        @inline(__always)
        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            let length = bytes.count
            let (first, last) = ByteInterner.words(bytes)
            word0 = first
            tail = 0
            let extra: UInt64
            if length <= 11 {
                // Bytes 8 to 10 as a number (byte 8 lowest): the top of the word that ends the key.
                extra = length <= 8 ? 0 : UInt64(littleEndian: last) >> UInt64((16 - length) * 8)
                hash = ByteInterner.shortHash(word0, extra, length: length)
            } else {
                if length <= 16 {
                    tail = last
                    hash = ByteInterner.shortHash(word0, last, length: length)
                } else {
                    hash = ByteInterner.hash(bytes)
                }
                extra = hash >> 40
            }
            head = (extra << 8 | UInt64(min(length, 255))) << 32
        }
    }

    /// Interns `keys` in order, as many calls of `intern(_:)` would (an empty key gets a
    /// `uniqueID()`), writing their ids to `ids`.
    ///
    /// In a table larger than the caches each lookup waits for memory; here every key is
    /// hashed first, its bytes asked for 16 keys ahead (they were parsed on another core, long
    /// before), and then every key's slot asked for (`cohort_prefetch`), so that those waits
    /// overlap. On order lines this took the interning from 11.9 % of all CPU samples to 11.0 %.
    /// The keys' bytes must stay valid during the call.
    mutating func intern(_ keys: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, into ids: UnsafeMutablePointer<Int32>) throws(MemoryError) {
        try makeTableUnique()
        var prepared = preparedKeys // taken out, so that `intern(_:)` below may change `self`
        preparedKeys = []
        defer { preparedKeys = prepared }
        if prepared.count < keys.count { prepared = Array(repeating: PreparedKey(UnsafeBufferPointer(start: nil, count: 0)), count: keys.count) }
        let table = slots
        try prepared.withUnsafeMutableBufferPointer { prepared throws(MemoryError) in
            let ahead = 16 // keys: about a kilobyte of rows
            for index in keys.indices {
                if index + ahead < keys.count, let bytes = keys[index + ahead].baseAddress { cohort_prefetch(bytes) }
                prepared[index] = PreparedKey(keys[index])
            }
            for index in keys.indices { cohort_prefetch(table + (Int(truncatingIfNeeded: prepared[index].hash) & mask)) }
            for index in keys.indices {
                let key = prepared[index]
                ids[index] = key.bytes.isEmpty ? uniqueID() : try intern(key)
            }
        }
    }

    /// The id of an array slice of bytes, adding it when new.
    mutating func intern(_ bytes: ArraySlice<UInt8>) throws(MemoryError) -> Int32 {
        try bytes.withUnsafeBufferPointer { bytes throws(MemoryError) in try intern(bytes) }
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

    /// Every interned string, in id order (`keepsKeys` only): made on all cores when there are
    /// many (1.7 million customer ids took 25 ms on one, between reading and summing).
    func allStrings() -> [String] {
        precondition(keepsKeys, "allStrings() needs an interner that keeps its keys")
        let count = count
        let parts = ParallelWork.ranges(count, parts: ParallelWork.parts(for: count))
        return keys.withUnsafeBufferPointer { keys in
            keyStart.withUnsafeBufferPointer { keyStart in
                [String](unsafeUninitializedCapacity: count) { strings, initialized in
                    // Each part writes its own range of ids.
                    ParallelWork.forEach(parts.count) { part in
                        for id in parts[part] {
                            (strings.baseAddress! + id).initialize(to: TextEncoding.string(UnsafeBufferPointer(rebasing: keys[keyStart[id] ..< keyStart[id + 1]])))
                        }
                    }
                    initialized = count
                }
            }
        }
    }

    // MARK: - Private

    /// The next id, keeping its key's bytes when `keepsKeys`.
    @inline(__always)
    private mutating func newID(keeping bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let id = count
        count += 1
        if id & 63 == 0 { uniqueBits.append(0) }
        if !tails.isEmpty && bytes.count < 12 { tails.append(0) }
        if keepsKeys {
            keys.append(contentsOf: bytes)
            keyStart.append(keys.count)
        }
        return id
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
    private mutating func makeTableUnique() throws(MemoryError) {
        if !isKnownUniquelyReferenced(&memory) { memory = try memory.copy() }
    }

    /// Grows the table to `size` slots (a power of two) where it is, when its memory has room.
    ///
    /// The upper part is zero on arrival, so growing writes only it and the old table is
    /// never held twice. The entries at the start that belong to a cluster wrapping around
    /// the end are set aside; every other entry, taken out in slot order and put back under
    /// the larger mask, lands at or before its old slot or in the upper part, and its way
    /// there crosses only entries already put back, so lookups still find everything. The
    /// entries set aside go back last, as ordinary inserts.
    private mutating func grow(to size: Int) throws(MemoryError) {
        try makeTableUnique()
        let oldSize = slotCount
        guard memory.canExtend(to: size * MemoryLayout<Slot>.stride) else { return try growIntoNewMemory(size) }
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
    private mutating func growIntoNewMemory(_ size: Int) throws(MemoryError) {
        let old = memory, oldTable = slots, oldSize = slotCount
        memory = try SlotMemory(bytes: size * MemoryLayout<Slot>.stride)
        memory.base.bindMemory(to: Slot.self, capacity: size)
        mask = size - 1
        let table = slots
        for index in 0 ..< oldSize where oldTable[index].meta != 0 { insert(oldTable[index], into: table) }
        withExtendedLifetime(old) {}
    }

    /// The full hash of an entry's key, from the slot (and `tails` for a key of 12 bytes or more).
    private func hash(of entry: Slot) -> UInt64 {
        let length = Int(entry.meta >> 32 & 0xFF)
        if length <= 11 { return Self.shortHash(entry.word0, entry.meta >> 40, length: length) }
        let tail = tails[Int(entry.meta & 0xFFFF_FFFF) - 1]
        return length <= 16 ? Self.shortHash(entry.word0, tail, length: length) : longKeyBytes(at: Int(tail)) { Self.hash($0) }
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
