@testable import CohortIngest
import Testing

struct ByteInternerTests {
    @Test func idsAreDenseAndStable() throws {
        var interner = try ByteInterner()
        #expect(try interner.intern(Array("C001".utf8)[...]) == 0)
        #expect(try interner.intern(Array("C002".utf8)[...]) == 1)
        #expect(try interner.intern(Array("C001".utf8)[...]) == 0)
        #expect(interner.allStrings() == ["C001", "C002"])
    }

    @Test func keysThatDifferOnlyInLengthOrInTheMiddleStayApart() throws {
        // Short keys live in their slot as overlapping words: these pairs share both words' bytes
        // at the ends, or differ only in a zero byte or in length.
        let keys: [[UInt8]] = [
            [], [0], [0, 0], [0x41], [0x41, 0x41], [0x41, 0x41, 0x41], [0x41, 0x42, 0x41], [0x41, 0x41, 0x42],
            Array("ABCDEFGH".utf8), Array("ABCDEFGHI".utf8), Array("ABCDEFGxH".utf8), Array("ABCDxEFGH".utf8),
            Array("0123456789ABCDEF".utf8), Array("0123456789ABCDEFG".utf8), Array("0123456789XBCDEFG".utf8),
            Array("0123456789ABCDEF0123456789ABCDEF".utf8), Array("0123456789ABCDEF1123456789ABCDEF".utf8),
            // Held in the slot whole up to 11 bytes (bytes 8 to 10 beside the first word); from 12 bytes on the rest is
            // compared apart: keys that differ only there.
            Array("SO-0060973".utf8), Array("SO-0060974".utf8), Array("SO-00609738".utf8), Array("SO-00609739".utf8),
            Array("SO-00609738\u{0}".utf8), Array("SO-006097381".utf8), Array("SO-006097382".utf8),
            Array("INV-2026-00001".utf8), Array("INV-2026-00002".utf8), Array("INV-2026-10001".utf8),
        ]
        var interner = try ByteInterner()
        let ids = try keys.map { try interner.intern($0[...]) }
        #expect(ids == (0 ..< Int32(keys.count)).map { $0 })
        #expect(try keys.map { try interner.intern($0[...]) } == ids) // the second time, each finds its own
    }

    @Test(arguments: [true, false])
    func agreesWithADictionaryThroughGrowth(keepsKeys: Bool) throws {
        // An independent method: a Dictionary from the same keys to first-seen positions.
        var interner = try ByteInterner(capacity: 4, keepsKeys: keepsKeys)
        var expected: [[UInt8]: Int32] = [:]
        var state: UInt64 = 42
        for _ in 0 ..< 50_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 59) // 0 ... 31 bytes
            let key = (0 ..< length).map { UInt8(truncatingIfNeeded: (state >> UInt64($0 % 8 * 3)) % 5 + 48) }
            let id = try interner.intern(key[...])
            let known = expected[key] ?? Int32(expected.count)
            expected[key] = known
            #expect(id == known)
        }
        #expect(interner.count == expected.count)
        // Every key is still found after all the growing (each grown in place, clusters wrapping the end included).
        for (key, id) in expected { #expect(try interner.intern(key[...]) == id) }
        #expect(interner.count == expected.count)
        if keepsKeys {
            let strings = interner.allStrings()
            for (key, id) in expected { #expect(strings[Int(id)] == String(decoding: key, as: UTF8.self)) }
        }
    }

    @Test func manyStringsAreMadeInPartsAndKeptInOrder() throws {
        // 200,000 ids: more than three parts of `ParallelWork.minimumItemsPerPart` (65,536), so made on
        // several threads where there are cores; each id's string is the key it was given for.
        var interner = try ByteInterner()
        let count = 200_000
        for n in 0 ..< count { #expect(try interner.intern(Array("C\(n)".utf8)[...]) == Int32(n)) }
        let strings = interner.allStrings()
        #expect(strings.count == count)
        #expect(strings.indices.allSatisfy { strings[$0] == "C\($0)" })
    }

    @Test func copiesKeepTablesOfTheirOwn() throws {
        // The table lives in memory the interner maps itself: a copy must not write into the original's.
        var original = try ByteInterner(capacity: 4)
        #expect(try original.intern(Array("A".utf8)[...]) == 0)
        var copy = original
        for n in 0 ..< 1_000 { _ = try copy.intern(Array("key \(n)".utf8)[...]) } // grows the copy's table many times
        #expect(copy.count == 1_001 && original.count == 1)
        #expect(try original.intern(Array("key 5".utf8)[...]) == 1) // new to the original
        #expect(try copy.intern(Array("key 5".utf8)[...]) == 6)     // known to the copy: "A" is 0, "key 0" is 1
        #expect(try original.intern(Array("A".utf8)[...]) == 0)
        #expect(try copy.intern(Array("A".utf8)[...]) == 0)
    }

    @Test func uniqueIDsMatchNoString() throws {
        var interner = try ByteInterner()
        let a = try interner.intern(Array("A".utf8)[...])
        let unique = interner.uniqueID()
        #expect(unique == 1 && interner.isUniqueID(unique) && !interner.isUniqueID(a))
        #expect(try interner.intern(Array("B".utf8)[...]) == 2)
    }
}

struct SlotMemoryTests {
    /// More address space than a 64-bit process has: the mapping fails, and that is an error value.
    @Test func memoryTheSystemRefusesIsAnErrorNotATrap() {
        #expect(throws: MemoryError(bytes: 1 << 62)) { try SlotMemory(bytes: 1 << 62) }
        #expect(throws: MemoryError(bytes: 1 << 62)) { try ByteInterner(capacity: 1 << 57) }
    }
}
