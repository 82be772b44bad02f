@testable import CohortIngest
import CohortSample
import Testing

/// An order id packed into an `OrderKey` is exact: two ids have the same key exactly when they
/// are the same bytes, checked on hand-picked ids and on many random ones.
@Suite struct OrderKeyTests {
    @Test func idsThatLookAlikeGetDifferentKeys() {
        let ids = ["7", "07", "007", "70", "A7", "a7", "A07", "AB-1", "AB-01", "AB_1", "ab-1", "#1001", "#1001 ", "1001", "SO-02642152",
                   "SO-2642152", "SO02642152", "12345678901234567", "01234567890123456", "1234567", "-", "_", "X", "x", "ABC-12345678",
                   "ABC-123456789", "ABCD123456789"]
        let keys = ids.map { OrderKey(bytes: $0) }
        #expect(keys.allSatisfy { $0 != nil }, "each fits a packed form")
        #expect(Set(keys.compactMap { $0 }).count == ids.count)
        #expect(ids.map { OrderKey(bytes: $0) } == keys, "the same id, the same key")
    }

    @Test func idsThatFitNoFormAreLeftToTheReader() {
        // 18 digits; 8 bytes that are no prefix and digits; a prefix of 5; 10 digits after a prefix; a byte outside the prefix alphabet
        for id in ["123456789012345678", "ORDER-2026-000017", "ABCDE-123", "AB-1234567890", "A/B-1234", "Bestellung 17"] {
            #expect(OrderKey(bytes: id) == nil, "\(id)")
        }
        #expect(OrderKey.interned(5).internedNumber == 5)
        #expect(OrderKey.interned(5) != OrderKey.single(positive: true))
        #expect(OrderKey.single(positive: true).isSingle && OrderKey.single(positive: false).isSingle)
        #expect(!OrderKey.interned(5).isSingle && OrderKey(bytes: "17")!.internedNumber == nil)
    }

    /// Ids of digits only (1 to 17, read 8 at a time from 8 on) get their length and their value,
    /// computed here digit by digit; a non-digit anywhere, even one byte from 0-9 ('/' and ':'),
    /// takes them out of that form.
    @Test func digitIDsKeepTheirLengthAndValue() {
        var random = SplitMix64(seed: 17)
        for _ in 0 ..< 50_000 {
            let count = Int.random(in: 1 ... 17, using: &random)
            var id = (0 ..< count).map { _ in UInt8(ascii: "0") + UInt8.random(in: 0 ... 9, using: &random) }
            var value: UInt64 = 0
            for digit in id { value = value * 10 + UInt64(digit - UInt8(ascii: "0")) }
            let key = id.withUnsafeBufferPointer { OrderKey(bytes: $0) }
            #expect(key?.rawValue == UInt64(count) << 57 | value, "\(String(decoding: id, as: UTF8.self))")
            id[Int.random(in: 0 ..< count, using: &random)] = [UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "A"), 0xB0][Int.random(in: 0 ..< 4, using: &random)]
            let other = id.withUnsafeBufferPointer { OrderKey(bytes: $0) }
            #expect(other.map { $0.rawValue >> 62 != 0 } ?? true, "\(String(decoding: id, as: UTF8.self)) is not digits only")
        }
        #expect(OrderKey(bytes: "12345678901234567")?.rawValue == 17 << 57 | 12_345_678_901_234_567)
        #expect(OrderKey(bytes: "00000000")?.rawValue == 8 << 57)
    }

    /// A prefix of 1 to 4 letters, digits, '-' or '_' and 1 to 9 digits (`SO-02642152`): the form
    /// bits, the prefix length, the prefix 6 bits a byte, the digit count and the value, as the
    /// layout in `OrderKey` says, computed here byte by byte.
    @Test func prefixAndDigitsKeepEveryPart() {
        var random = SplitMix64(seed: 18)
        let symbols = Array("ABCXYZabcxyz-_".utf8)
        for _ in 0 ..< 20_000 {
            let prefix = (0 ..< Int.random(in: 1 ... 4, using: &random)).map { _ in symbols[Int.random(in: 0 ..< symbols.count, using: &random)] }
            let digits = (0 ..< Int.random(in: 1 ... 9, using: &random)).map { _ in UInt8(ascii: "0") + UInt8.random(in: 0 ... 9, using: &random) }
            let id = prefix + digits
            guard id.count >= 8 else { continue } // shorter ids are kept as bytes
            var prefixBits: UInt64 = 0
            for (index, byte) in prefix.enumerated() {
                let symbol: UInt64 = switch byte {
                case UInt8(ascii: "A") ... UInt8(ascii: "Z"): UInt64(byte - UInt8(ascii: "A")) + 10
                case UInt8(ascii: "a") ... UInt8(ascii: "z"): UInt64(byte - UInt8(ascii: "a")) + 36
                case UInt8(ascii: "-"): 62
                default: 63
                }
                prefixBits |= symbol << UInt64(6 * index)
            }
            var value: UInt64 = 0
            for digit in digits { value = value * 10 + UInt64(digit - UInt8(ascii: "0")) }
            let expected = 2 << 62 | UInt64(prefix.count - 1) << 60 | prefixBits << 36 | UInt64(digits.count) << 32 | value
            #expect(id.withUnsafeBufferPointer { OrderKey(bytes: $0) }?.rawValue == expected, "\(String(decoding: id, as: UTF8.self))")
        }
    }

    /// 200,000 random ids from an alphabet that makes every form likely (digits, letters, '-', '#'),
    /// 1 to 12 bytes: no two different ids share a key.
    @Test func randomIDsNeverCollide() {
        var random = SplitMix64(seed: 2026)
        let alphabet = Array("0123456789012345678901234567890123456789ABCab-#_".utf8)
        var idOfKey: [UInt64: [UInt8]] = [:]
        var packed = 0
        for _ in 0 ..< 200_000 {
            let id = (0 ..< Int.random(in: 1 ... 12, using: &random)).map { _ in alphabet[Int.random(in: 0 ..< alphabet.count, using: &random)] }
            guard let key = id.withUnsafeBufferPointer({ OrderKey(bytes: $0) }) else { continue }
            packed += 1
            if let other = idOfKey[key.rawValue] {
                #expect(other == id, "\(String(decoding: other, as: UTF8.self)) and \(String(decoding: id, as: UTF8.self)) share a key")
            } else {
                idOfKey[key.rawValue] = id
            }
        }
        #expect(packed > 100_000)
    }
}
