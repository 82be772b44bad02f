import Foundation

/// The records of a CSV file for `RowReader`, with the file named in errors.
///
/// When the bytes are a file's (`file`), they are read from it just ahead of the record being
/// read (4 MiB ahead; a longer record is read again once the file is read as far as a record of
/// `ReadLimits.maximumRecordBytes`, and a record longer than that is refused), and the
/// pages far behind are given back to the system as reading goes on, once no id waiting to be
/// interned points there (`FileRecordBytes.barrier`), so that a large file never sits in memory
/// whole. The raw text of a record given back (a duplicate row's) is read from the file again.
struct CSVRecords: RecordSource {
    let source: String
    private var tokenizer: CSVTokenizer
    let file: FileRecordBytes?
    /// No record starting at or after this offset is read (nil: read to the end).
    private var stop: Int?
    /// Pages are given back this far behind the current record, in steps of a quarter of it.
    private let releaseDistance: Int
    /// Bytes before this offset have been given back.
    private var releasedUpTo = 0
    /// A record that starts before this offset has `lookAhead` bytes read after it (`readAhead`).
    private var readAheadFrom = 0
    /// Whether some of the file is not read yet.
    private var fileHasMore = false
    /// Called with the offset of the record being read, every few MiB.
    private let progress: ((Int) -> Void)?
    private var nextProgress = 0

    init(source: String, tokenizer: CSVTokenizer, file: FileRecordBytes? = nil, releaseDistance: Int = 8 << 20,
         progress: ((Int) -> Void)? = nil) {
        self.progress = progress
        self.source = source
        self.tokenizer = tokenizer
        self.file = file
        self.releaseDistance = releaseDistance
        if let file { self.tokenizer.readable(upTo: file.file.filled - file.offset) }
    }

    var bytes: UnsafeBufferPointer<UInt8> { tokenizer.bytes }
    var delimiter: UInt8 { tokenizer.delimiter }
    /// Where the next record starts, and its physical line.
    var position: Int { tokenizer.position }
    var line: Int { tokenizer.line }

    func allFields(of record: RecordPosition, into fields: FieldList) {
        CSVTokenizer.allFields(of: record.extent, in: bytes, delimiter: delimiter, into: fields)
    }

    /// Reads no record that starts at or after `offset` (nil: to the end) until told otherwise.
    mutating func stop(at offset: Int?) {
        stop = offset
    }

    /// Goes on from `start`, a record's first byte on physical line `line` (where records read elsewhere ended).
    mutating func move(to start: Int, line: Int) {
        tokenizer.move(to: start, line: line)
    }

    /// Tells the progress callback that the records before `offset` are read (they were read elsewhere).
    mutating func noteProgress(_ offset: Int) {
        guard let progress, offset >= nextProgress else { return }
        progress(offset)
        nextProgress = offset + (4 << 20)
    }

    mutating func nextRecord(into fields: FieldList) throws(IngestError) -> RecordPosition? {
        let start = tokenizer.position, startLine = tokenizer.line
        if let stop, start >= stop { return nil }
        if start >= readAheadFrom { try readAhead(from: start, bytes: Self.lookAhead) }
        var outcome = tokenize(into: fields)
        if fileHasMore && (tokenizer.position >= tokenizer.end || outcome.unterminatedQuote != nil) {
            // The record ran into the end of what is read: read on as far as a record of the longest
            // length, and read it again.
            try readAhead(from: start, bytes: ReadLimits.maximumRecordBytes + FileBytes.blockSize)
            tokenizer.move(to: start, line: startLine)
            outcome = tokenize(into: fields)
        }
        if let line = outcome.unterminatedQuote {
            // A quote that runs to the end of a file more than the limit away: a record longer than
            // the limit. (Decided by the file's size, not by how much of it is read yet, so that a
            // file read in chunks, and so read further ahead, gives the same error.)
            if file != nil && bytes.count - start > ReadLimits.maximumRecordBytes {
                throw .recordTooLong(source: source, line: line, megabytes: ReadLimits.maximumRecordBytes >> 20)
            }
            throw .unterminatedQuote(source: source, line: line)
        }
        guard let record = outcome.record else { return nil }
        if file != nil && record.range.upperBound - start > ReadLimits.maximumRecordBytes {
            throw .recordTooLong(source: source, line: record.line, megabytes: ReadLimits.maximumRecordBytes >> 20)
        }
        if let progress, record.range.lowerBound >= nextProgress {
            progress(record.range.lowerBound)
            nextProgress = record.range.lowerBound + (4 << 20)
        }
        if file != nil && record.range.lowerBound - releasedUpTo >= releaseDistance + releaseDistance / 4 {
            releasePages(before: record.range.lowerBound - releaseDistance)
        }
        return RecordPosition(line: record.line, extent: record.range)
    }

    /// How far past a record's start the file is read before the record is: a longer record is read
    /// again once the file is read as far as the longest one (`ReadLimits.maximumRecordBytes`).
    static let lookAhead = FileBytes.blockSize

    /// The tokenizer's next record (nil at the end), or the line of a quote that does not close
    /// in what is read.
    private mutating func tokenize(into fields: FieldList) -> (record: (line: Int, range: Range<Int>)?, unterminatedQuote: Int?) {
        do {
            return (try tokenizer.nextRecord(into: fields), nil)
        } catch {
            switch error {
            case .unterminatedQuote(let line): return (nil, line)
            }
        }
    }

    /// Reads the file on to hold `bytes` from `start`, and notes from where the next record needs
    /// more (only then is the file asked again: once per block read, not per record).
    private mutating func readAhead(from start: Int, bytes: Int) throws(IngestError) {
        guard let file else {
            readAheadFrom = .max
            return
        }
        try file.file.fill(upTo: file.offset + start + bytes)
        let filled = file.file.filled - file.offset
        // Not a byte past what is read: the memory there may hold pages moved ahead (`FileBytes`).
        tokenizer.readable(upTo: filled)
        fileHasMore = file.file.filled < file.file.count
        readAheadFrom = fileHasMore ? filled - Self.lookAhead + 1 : .max
    }

    func rawText(of record: RecordPosition) -> String {
        if let file, file.offset + record.extent.lowerBound < file.file.released {
            let start = file.offset + record.extent.lowerBound
            return file.file.reread(start ..< start + record.extent.count).withUnsafeBufferPointer { TextEncoding.string($0) }
        }
        return TextEncoding.string(UnsafeBufferPointer(rebasing: bytes[record.extent]))
    }

    /// Gives back the whole pages of the bytes up to `offset`, or up to the first id byte still
    /// waiting to be handed over for interning when that is earlier.
    private mutating func releasePages(before offset: Int) {
        guard let file, let base = bytes.baseAddress else { return }
        var end = offset
        if let waiting = file.barrier() {
            end = min(end, UnsafeRawPointer(base).distance(to: waiting))
        }
        guard end > releasedUpTo else { return }
        file.file.release(before: file.offset + end)
        releasedUpTo = end
    }
}
