/// Splits CSV bytes into records and fields (RFC 4180): quoted fields may hold the
/// delimiter, doubled quotes and line breaks; records end with LF or CRLF.
///
/// Fields are byte ranges into the input, so reading a record allocates nothing.
/// A field with doubled quotes inside is marked so the caller can unescape it.
///
/// Complexity: O(bytes), one pass.
struct CSVTokenizer {
    typealias Field = FieldRange

    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    private(set) var position: Int
    /// The physical line (1-based) where the next record starts.
    private(set) var line: Int

    init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, start: Int = 0, line: Int = 1) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.position = start
        self.line = line
    }

    var isAtEnd: Bool { position >= bytes.count }

    /// Reads the next record into `fields`; returns its first line and byte range, or nil at the end.
    /// Throws `unterminatedQuote(line:)` when a quoted field never closes.
    mutating func nextRecord(into fields: FieldList) throws(CSVTokenizerError) -> (line: Int, range: Range<Int>)? {
        guard position < bytes.count else { return nil }
        fields.removeAll()
        let recordLine = line
        let recordStart = position
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        let delimiter = self.delimiter
        var i = position
        let count = bytes.count
        while true {
            if i < count && bytes[i] == quote {
                // Quoted field.
                let fieldLine = line
                var escaped = false
                i += 1
                let start = i
                while true {
                    guard i < count else { throw .unterminatedQuote(line: fieldLine) }
                    let byte = bytes[i]
                    if byte == quote {
                        if i + 1 < count && bytes[i + 1] == quote { escaped = true; i += 2; continue }
                        break
                    }
                    if byte == newline { line += 1 }
                    i += 1
                }
                fields.append(Field(start: start, end: i, hasEscapedQuotes: escaped))
                i += 1 // closing quote; anything up to the delimiter is ignored
                while i < count && bytes[i] != delimiter && bytes[i] != newline && bytes[i] != carriageReturn { i += 1 }
            } else {
                let start = i
                i = Self.endOfUnquotedField(in: bytes, from: i, delimiter: delimiter)
                var end = i
                if end > start && bytes[end - 1] == carriageReturn && (i >= count || bytes[i] == newline) { end -= 1 }
                fields.append(Field(start: start, end: end))
            }
            if i < count && bytes[i] == delimiter { i += 1; continue }
            if i < count && bytes[i] == carriageReturn { i += 1 }
            var recordEnd = i
            if i < count && bytes[i] == newline { i += 1; line += 1 }
            while recordEnd > recordStart && (bytes[recordEnd - 1] == newline || bytes[recordEnd - 1] == carriageReturn) { recordEnd -= 1 }
            position = i
            return (recordLine, recordStart ..< recordEnd)
        }
    }
}

extension CSVTokenizer {
    /// The index of the first delimiter or line feed at or after `start` (the end of the bytes if none),
    /// testing eight bytes at a time: a word has a byte equal to `b` when `(x ^ b·0x01…01)` has a zero
    /// byte, and `(v − 0x01…01) & ~v & 0x80…80` marks the first zero byte exactly.
    @inline(__always)
    static func endOfUnquotedField(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8) -> Int {
        var i = start
        let count = bytes.count
        #if _endian(little)
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let delimiters = UInt64(delimiter) &* ones, newlines = UInt64(UInt8(ascii: "\n")) &* ones
            while i + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let a = word ^ delimiters, b = word ^ newlines
                let found = ((a &- ones) & ~a | (b &- ones) & ~b) & highs
                if found != 0 { return i + found.trailingZeroBitCount / 8 }
                i += 8
            }
        }
        #endif
        while i < count {
            let byte = bytes[i]
            if byte == delimiter || byte == UInt8(ascii: "\n") { break }
            i += 1
        }
        return i
    }
}

enum CSVTokenizerError: Error, Equatable {
    case unterminatedQuote(line: Int)
}
