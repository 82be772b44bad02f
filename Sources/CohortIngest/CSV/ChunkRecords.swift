/// The records of one chunk of a CSV file, read on a thread of its own (`ChunkedReading`): from
/// `start`, taken to be a record's first byte, up to the first record that starts at or after
/// `end`. Lines are counted from 1 at `start`; the caller adds where the chunk really starts.
///
/// The bytes are already read into memory up to `bytes.count`; a record that would run past them
/// ends there, and the caller reads the chunk again in order when it does (`runsPastBytes`).
/// A quote that never closes, or a record longer than `ReadLimits.maximumRecordBytes`, is no
/// error here but `failed`: the chunk may have started inside a quoted field, and only reading
/// in order can tell (and then refuses the file as reading in order does).
struct ChunkRecords: RecordSource {
    private var tokenizer: CSVTokenizer
    private let end: Int
    /// A quote ran to the end of the bytes.
    private(set) var failed = false

    init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, start: Int, end: Int) {
        tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter, start: start, line: 1)
        self.end = end
    }

    var bytes: UnsafeBufferPointer<UInt8> { tokenizer.bytes }
    /// Where the record after the last one read starts.
    var position: Int { tokenizer.position }
    /// Line breaks read, from `start` to `position`.
    var lineBreaks: Int { tokenizer.line - 1 }
    /// Whether the last record ran to the end of the bytes (and so may be cut short).
    var runsPastBytes: Bool { tokenizer.position >= tokenizer.bytes.count }

    mutating func nextRecord(into fields: FieldList) throws(IngestError) -> RecordPosition? {
        guard !failed, tokenizer.position < end else { return nil }
        let start = tokenizer.position
        do {
            guard let record = try tokenizer.nextRecord(into: fields) else { return nil }
            guard record.range.upperBound - start <= ReadLimits.maximumRecordBytes else {
                failed = true
                return nil
            }
            return RecordPosition(line: record.line, extent: record.range)
        } catch {
            failed = true
            return nil
        }
    }

    func allFields(of record: RecordPosition, into fields: FieldList) {
        CSVTokenizer.allFields(of: record.extent, in: bytes, delimiter: tokenizer.delimiter, into: fields)
    }

    func rawText(of record: RecordPosition) -> String {
        TextEncoding.string(UnsafeBufferPointer(rebasing: bytes[record.extent]))
    }
}
