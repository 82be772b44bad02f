import CohortDatabase
import Testing

/// PostgreSQL's binary arrays, written here byte by byte as `array_send` writes them.
struct BinaryIntegerArrayTests {
    /// Big-endian bytes of some integers.
    static func bytes<Value: FixedWidthInteger>(_ values: Value...) -> [UInt8] {
        values.flatMap { value in (0 ..< Value.bitWidth / 8).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
    }

    /// An array with a header (dimensions, NULL flag, element OID) and, for one dimension, its length and lower bound 1.
    static func array(flags: Int32 = 0, type: UInt32, elements: [[UInt8]], dimensions: Int32 = 1) -> [UInt8] {
        var result = bytes(dimensions, flags) + bytes(type)
        if dimensions > 0 { result += bytes(Int32(elements.count), Int32(1)) }
        return result + elements.flatMap { $0 }
    }

    static func values<Element: FixedWidthInteger & SignedInteger>(_ bytes: [UInt8], as type: Element.Type) -> [Element]? {
        bytes.withUnsafeBytes { BinaryIntegerArray.values($0, as: type) }
    }

    @Test func readsInt4AndInt8Arrays() {
        // int4[] {7, -2, 2000000000}: each element is its length 4, then 4 bytes; -2 is FF FF FF FE.
        let int4 = Self.array(type: 23, elements: [Self.bytes(Int32(4), Int32(7)), Self.bytes(Int32(4), Int32(-2)),
                                                   Self.bytes(Int32(4), Int32(2_000_000_000))])
        #expect(Array(int4[20 ..< 28]) == [0, 0, 0, 4, 0, 0, 0, 7])
        #expect(Array(int4[28 ..< 36]) == [0, 0, 0, 4, 0xFF, 0xFF, 0xFF, 0xFE])
        #expect(Self.values(int4, as: Int32.self) == [7, -2, 2_000_000_000])
        // int8[] {123456789012 (cents), -1}
        let int8 = Self.array(type: 20, elements: [Self.bytes(Int32(8)) + Self.bytes(Int64(123_456_789_012)), Self.bytes(Int32(8)) + Self.bytes(Int64(-1))])
        #expect(Self.values(int8, as: Int64.self) == [123_456_789_012, -1])
        // '{}': no dimensions, just the header.
        #expect(Self.values(Self.array(type: 23, elements: [], dimensions: 0), as: Int32.self) == [])
    }

    @Test func anythingElseIsLeftToTheLibrary() {
        let seven = Self.bytes(Int32(4), Int32(7))
        #expect(Self.values(Self.array(type: 20, elements: [seven]), as: Int32.self) == nil) // int8[] read as Int32
        #expect(Self.values(Self.array(type: 23, elements: [seven]), as: Int64.self) == nil) // int4[] read as Int64
        #expect(Self.values(Self.array(flags: 1, type: 23, elements: [Self.bytes(Int32(-1))]), as: Int32.self) == nil) // a NULL element
        #expect(Self.values(Self.array(type: 23, elements: [seven], dimensions: 2), as: Int32.self) == nil)
        #expect(Self.values(Self.array(type: 23, elements: [seven]).dropLast(), as: Int32.self) == nil) // cut short
        #expect(Self.values(Self.array(type: 23, elements: [seven]) + [0], as: Int32.self) == nil) // a byte too many
        #expect(Self.values(Self.array(type: 23, elements: [Self.bytes(Int32(2)) + Self.bytes(Int16(7), Int16(0))]), as: Int32.self) == nil) // length 2
        #expect(Self.values([0, 0, 0], as: Int32.self) == nil)
        #expect(Self.values(Self.array(type: 23, elements: [seven]), as: Int8.self) == nil) // no such PostgreSQL type
    }
}
