/// The records of a CSV file for `RowReader`, with the file named in errors.
struct CSVRecords: RecordSource {
    let source: String
    private var tokenizer: CSVTokenizer

    init(source: String, tokenizer: CSVTokenizer) {
        self.source = source
        self.tokenizer = tokenizer
    }

    var bytes: UnsafeBufferPointer<UInt8> { tokenizer.bytes }

    mutating func nextRecord(into fields: inout [FieldRange]) throws(IngestError) -> RecordPosition? {
        do {
            guard let record = try tokenizer.nextRecord(into: &fields) else { return nil }
            return RecordPosition(line: record.line, extent: record.range)
        } catch {
            switch error {
            case .unterminatedQuote(let line): throw .unterminatedQuote(source: source, line: line)
            }
        }
    }

    func rawText(of record: RecordPosition) -> String {
        TextEncoding.string(UnsafeBufferPointer(rebasing: bytes[record.extent]))
    }
}
