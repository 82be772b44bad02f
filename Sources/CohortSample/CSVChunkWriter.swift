/// Formats CSV rows by hand into one reusable byte buffer and hands it out in ~1 MB chunks.
///
/// Integers and amounts are written digit by digit and dates and attribute columns are copied from
/// precomputed tables, so no `String` is created per row.
struct CSVChunkWriter {
    /// Upper bound on the length of one formatted row; the buffer keeps this much slack.
    static let maximumRowLength = 256

    /// The reusable output buffer; only the first `count` bytes are meaningful.
    private var buffer: [UInt8]

    /// Number of bytes currently waiting in the buffer.
    private(set) var count = 0

    /// Buffer fill level at which ``isFull`` becomes true and the chunk should be flushed.
    let chunkSize: Int

    /// `YYYY-MM-DD` bytes of every day (10 bytes each).
    private let dateBytes: [UInt8]

    /// Pre-rendered `,country,industry,company_size\n` endings.
    private let suffixes: AttributeSuffixTable

    /// Creates a writer with a buffer of `chunkSize` bytes plus room for one more row.
    init(chunkSize: Int, calendar: CalendarTable, suffixes: AttributeSuffixTable) {
        self.chunkSize = max(chunkSize, 1)
        self.buffer = [UInt8](repeating: 0, count: self.chunkSize + CSVChunkWriter.maximumRowLength)
        self.dateBytes = calendar.dateBytes
        self.suffixes = suffixes
    }

    /// Whether the buffer has reached `chunkSize` bytes and should be flushed.
    var isFull: Bool { count >= chunkSize }

    /// Appends raw bytes (used for the header), flushing first if they would not fit.
    mutating func append(
        _ bytes: [UInt8], write: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        if count + bytes.count > buffer.count {
            try flush(write: write)
        }
        if bytes.count > buffer.count {
            buffer.append(contentsOf: [UInt8](repeating: 0, count: bytes.count - buffer.count))
        }
        buffer.replaceSubrange(count..<(count + bytes.count), with: bytes)
        count += bytes.count
    }

    /// Appends one data row; call ``flush(write:)`` whenever ``isFull`` is true.
    ///
    /// - Parameters:
    ///   - isCreditNote: `true` writes a `CR-` id, `false` an `SO-` id.
    ///   - documentNumber: the numeric part of the order id (zero-padded to 8 digits).
    ///   - customerNumber: the numeric part of the customer id (zero-padded to 6 digits).
    ///   - day: day number within the generated period.
    ///   - cents: the amount in cents (negative for credit notes).
    ///   - attributes: the customer's attribute combination index.
    mutating func appendRow(
        isCreditNote: Bool, documentNumber: Int, customerNumber: Int, day: Int, cents: Int64, attributes: Int
    ) {
        let dates = dateBytes
        let suffixBytes = suffixes.bytes
        let suffixStart = suffixes.starts[attributes]
        let suffixEnd = suffixes.starts[attributes + 1]
        let start = count
        count = buffer.withUnsafeMutableBufferPointer { out -> Int in
            var index = start
            out[index] = isCreditNote ? UInt8(ascii: "C") : UInt8(ascii: "S")
            out[index + 1] = isCreditNote ? UInt8(ascii: "R") : UInt8(ascii: "O")
            out[index + 2] = UInt8(ascii: "-")
            index = CSVChunkWriter.writeDecimal(
                UInt64(truncatingIfNeeded: documentNumber), minimumWidth: 8, into: out, at: index + 3
            )
            out[index] = UInt8(ascii: ",")
            out[index + 1] = UInt8(ascii: "C")
            index = CSVChunkWriter.writeDecimal(
                UInt64(truncatingIfNeeded: customerNumber), minimumWidth: 6, into: out, at: index + 2
            )
            out[index] = UInt8(ascii: ",")
            index += 1
            let dateStart = day * 10
            for offset in 0..<10 {
                out[index + offset] = dates[dateStart + offset]
            }
            out[index + 10] = UInt8(ascii: ",")
            index = CSVChunkWriter.writeAmount(cents: cents, into: out, at: index + 11)
            for position in suffixStart..<suffixEnd {
                out[index] = suffixBytes[position]
                index += 1
            }
            return index
        }
    }

    /// Passes the buffered bytes to `write` and empties the buffer (does nothing when empty).
    mutating func flush(write: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        guard count > 0 else { return }
        let length = count
        try buffer.withUnsafeBytes { raw in
            try write(UnsafeRawBufferPointer(rebasing: raw[0..<length]))
        }
        count = 0
    }

    /// Writes `value` in decimal, left-padded with zeros to `minimumWidth`; returns the end index.
    static func writeDecimal(
        _ value: UInt64, minimumWidth: Int, into out: UnsafeMutableBufferPointer<UInt8>, at index: Int
    ) -> Int {
        var digitCount = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            digitCount += 1
        }
        let width = max(digitCount, minimumWidth)
        var position = index + width - 1
        rest = value
        while position >= index {
            out[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            position -= 1
        }
        return index + width
    }

    /// Writes `cents` as a decimal amount with exactly two decimals (`-89.90`); returns the end index.
    static func writeAmount(
        cents: Int64, into out: UnsafeMutableBufferPointer<UInt8>, at index: Int
    ) -> Int {
        var position = index
        if cents < 0 {
            out[position] = UInt8(ascii: "-")
            position += 1
        }
        let magnitude = cents.magnitude
        position = writeDecimal(magnitude / 100, minimumWidth: 1, into: out, at: position)
        out[position] = UInt8(ascii: ".")
        let fraction = magnitude % 100
        out[position + 1] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: fraction / 10)
        out[position + 2] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: fraction % 10)
        return position + 3
    }
}
