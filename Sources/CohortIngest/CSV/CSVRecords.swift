import Foundation

/// The records of a CSV file for `RowReader`, with the file named in errors.
///
/// When the bytes are a file mapped into memory (`releasesReadPages`), the pages far
/// behind the record being read are given back to the system as reading goes on
/// (`madvise(MADV_DONTNEED)`), so that a large file never sits in memory whole. Mapped
/// read-only and private, such a page reads the same again if it is needed later (the
/// raw text of a duplicate row): the system maps it anew from the file.
struct CSVRecords: RecordSource {
    let source: String
    private var tokenizer: CSVTokenizer
    private let releasesReadPages: Bool
    /// Pages are given back this far behind the current record (ids interned on the second
    /// thread point into the bytes up to about 4 MiB back), in steps of a quarter of it.
    private let releaseDistance: Int
    /// Bytes before this offset have been given back.
    private var releasedUpTo = 0
    /// Called with the offset of the record being read, every few MiB.
    private let progress: ((Int) -> Void)?
    private var nextProgress = 0

    init(source: String, tokenizer: CSVTokenizer, releasesReadPages: Bool = false, releaseDistance: Int = 8 << 20,
         progress: ((Int) -> Void)? = nil) {
        self.progress = progress
        self.source = source
        self.tokenizer = tokenizer
        self.releasesReadPages = releasesReadPages
        self.releaseDistance = releaseDistance
    }

    var bytes: UnsafeBufferPointer<UInt8> { tokenizer.bytes }

    mutating func nextRecord(into fields: FieldList) throws(IngestError) -> RecordPosition? {
        do {
            guard let record = try tokenizer.nextRecord(into: fields) else { return nil }
            if let progress, record.range.lowerBound >= nextProgress {
                progress(record.range.lowerBound)
                nextProgress = record.range.lowerBound + (4 << 20)
            }
            if releasesReadPages && record.range.lowerBound - releasedUpTo >= releaseDistance + releaseDistance / 4 {
                releasePages(before: record.range.lowerBound - releaseDistance)
            }
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

    /// Gives back the whole pages of the bytes from `releasedUpTo` up to `offset`.
    private mutating func releasePages(before offset: Int) {
        guard let base = bytes.baseAddress else { return }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (Int(bitPattern: base) + releasedUpTo + pageSize - 1) / pageSize * pageSize
        let end = (Int(bitPattern: base) + offset) / pageSize * pageSize
        if end > start, let address = UnsafeMutableRawPointer(bitPattern: start) {
            _ = madvise(address, end - start, MADV_DONTNEED)
        }
        releasedUpTo = offset
    }
}
