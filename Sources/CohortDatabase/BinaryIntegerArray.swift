/// A one-dimensional array of 32- or 64-bit integers in PostgreSQL's binary format, read from
/// its bytes: the per-customer arrays of the pushed-down statement (`periods`, `period_net`,
/// `gaps`, ...). postgres-nio decodes an array element by element through generic code, which
/// took about 40 % of cohort's time on a million customers; this reads the integers in one pass.
///
/// The format (`array_send`): dimensions, a flag for NULL elements and the element type's OID,
/// then per dimension its length and lower bound, then per element its byte length and bytes,
/// all big-endian. An empty array has no dimensions.
///
///     let periods = BinaryIntegerArray.values(bytes, as: Int32.self)   // nil: not such an array
public enum BinaryIntegerArray {
    /// The OID of PostgreSQL's `int4` and `int8`.
    @usableFromInline
    static func elementType<Element: FixedWidthInteger>(of _: Element.Type) -> UInt32? {
        switch Element.bitWidth {
        case 32: 23
        case 64: 20
        default: nil
        }
    }

    /// The elements, or nil when the bytes are not a one-dimensional array of non-NULL `Element`s
    /// of PostgreSQL's integer type of that width (the caller then decodes them another way).
    /// Inlinable, so that the caller's module compiles it for its element type (generic, it spent
    /// its time looking up type metadata).
    @inlinable
    public static func values<Element: FixedWidthInteger & SignedInteger>(_ bytes: UnsafeRawBufferPointer, as _: Element.Type) -> [Element]? {
        guard let type = elementType(of: Element.self), bytes.count >= 12 else { return nil }
        func integer<Value: FixedWidthInteger>(at offset: Int, as _: Value.Type) -> Value {
            Value(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Value.self))
        }
        let dimensions = integer(at: 0, as: Int32.self), hasNulls = integer(at: 4, as: Int32.self)
        guard hasNulls == 0, integer(at: 8, as: UInt32.self) == type else { return nil }
        if dimensions == 0 { return bytes.count == 12 ? [] : nil }
        let width = Element.bitWidth / 8
        guard dimensions == 1, bytes.count >= 20 else { return nil }
        let count = Int(integer(at: 12, as: Int32.self))
        guard count >= 0, bytes.count == 20 + count * (4 + width) else { return nil }
        var values: [Element] = []
        values.reserveCapacity(count)
        var offset = 20
        for _ in 0 ..< count {
            guard integer(at: offset, as: Int32.self) == Int32(width) else { return nil }
            values.append(integer(at: offset + 4, as: Element.self))
            offset += 4 + width
        }
        return values
    }
}
