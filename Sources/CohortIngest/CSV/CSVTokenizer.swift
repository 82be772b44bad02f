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
    mutating func nextRecord(into fields: inout [Field]) throws(CSVTokenizerError) -> (line: Int, range: Range<Int>)? {
        guard position < bytes.count else { return nil }
        fields.removeAll(keepingCapacity: true)
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
                while i < count {
                    let byte = bytes[i]
                    if byte == delimiter || byte == newline { break }
                    i += 1
                }
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

enum CSVTokenizerError: Error, Equatable {
    case unterminatedQuote(line: Int)
}
