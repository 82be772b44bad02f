import CohortCore
import Foundation

/// Reads order files (CSV in any common dialect, or Excel .xlsx) into one columnar
/// `OrderTable`, keeping unreadable rows aside.
///
///     let result = try OrderReader(options: ReadOptions()).read(sources: ["exports/*.csv"])
///     result.table.rowCount        // rows read successfully
///     result.rejected.first        // orders.csv:17: column 'amount': 'n/a' is not a number
///
/// For each file: its kind is recognized from its first bytes (an .xlsx workbook is
/// read from its first or named sheet; a compressed file, an old .xls or a PDF is
/// refused with what to do instead); the text encoding from a byte-order mark or the
/// file's head (UTF-8, UTF-16, Windows-1252), transcoded to UTF-8 in one pass when
/// needed; the delimiter (`,` `;` tab `|`) from the header line; columns by name
/// (`ColumnRole`); the decimal separator and the date order from the first value that
/// proves them (`RowReader`). Several files are read into one table with one customer
/// id space, rows repeating an earlier file are skipped (`DuplicateFinder`), and `-`
/// reads standard input.
///
/// Complexity: O(bytes), one pass per file (plus one for transcoding); detection looks
/// at the head of a file only. Ids are interned from bytes, without a `String` per row.
public struct OrderReader: Sendable {
    public var options: ReadOptions
    /// Whether ids are interned on a second thread while rows are parsed (nil: when there is
    /// more than one core). The table is the same either way; tests compare the two.
    var concurrentInterning: Bool?
    /// Where `readSums` writes the order lines of a file, to sum them a partition of customers at
    /// a time (`SumsSpill`): `TMPDIR` when set, else /var/tmp (on disk, where /tmp may be memory), else /tmp.
    public var spillDirectory = OrderReader.defaultSpillDirectory()
    /// Whether `readSums` makes the customer ids strings (`OrderSums.customerIDs`). Only what
    /// names a customer needs them (the customer lists, a customers file, NPS answers): a matrix
    /// or the KPIs of a large file do not: its ids are then only counted, their bytes not kept.
    public var keepsCustomerIDs = true
    /// Customers per partition of the spill, as a power of 2 (tests use small partitions).
    var spillPartitionShift = SumsSpill.defaultPartitionShift
    /// Bytes per chunk when `readSums` reads a file of four chunks or more in chunks on several
    /// cores (`ChunkedReading`); nil: in order (tests compare both ways, with small chunks).
    var chunkBytes: Int? = ChunkedReading.defaultChunkBytes
    /// Called now and then while reading, with the bytes read so far and the size of all
    /// files (0 when unknown, as for standard input); from the reading thread.
    public var progress: (@Sendable (_ bytesRead: Int, _ bytesTotal: Int) -> Void)?

    public init(options: ReadOptions) {
        self.options = options
    }

    public init(mapping: ColumnMapping = ColumnMapping()) {
        self.options = ReadOptions(mapping: mapping)
    }

    /// Reads every source in order; patterns (`exports/*.csv`) are expanded, `-` is standard input.
    /// Throws `IngestError` for a file that cannot be read at all.
    public func read(sources: [String]) throws(IngestError) -> OrderReadResult {
        let (files, repeats) = InputFiles.distinct(try InputFiles.expand(sources))
        var builder = try TableBuilder(findsDuplicates: files.count > 1, concurrentInterning: concurrentInterning,
                                       segmentColumns: options.segmentColumns)
        var formats: [SourceFormat] = []
        var warnings: [InputWarning] = repeats
        let sizes = files.map(InputFiles.size(of:))
        let total = sizes.contains(nil) ? 0 : sizes.reduce(0) { $0 + ($1 ?? 0) }
        var before = 0
        for (index, file) in files.enumerated() {
            let input = try InputFiles.open(file, mapsFile: true) { head throws(IngestError) in try checkHead(head, source: file) }
            let base = before
            let reportProgress = progress.map { progress in { (offset: Int) in progress(base + offset, total) } }
            let (format, fileWarnings) = try builder.reading { builder throws(IngestError) in
                try read(input, source: file, progress: reportProgress, into: &builder)
            }
            before += sizes[index] ?? input.count
            progress?(before, total)
            formats.append(format)
            warnings += fileWarnings
        }
        return try result(of: builder, sources: files, formats: formats, warnings: warnings)
    }

    /// Reads bytes that are already in memory (tests, standard input).
    public func read(bytes: [UInt8], source: String) throws(IngestError) -> OrderReadResult {
        var builder = try TableBuilder(concurrentInterning: concurrentInterning, segmentColumns: options.segmentColumns)
        let data = Data(bytes)
        let (format, warnings) = try builder.reading { builder throws(IngestError) in try read(data, source: source, into: &builder) }
        return try result(of: builder, sources: [source], formats: [format], warnings: warnings)
    }

    // MARK: - One file

    /// Refuses a head of a stream that is no text and no workbook (as `read` would refuse the whole).
    func checkHead(_ head: UnsafeBufferPointer<UInt8>, source: String) throws(IngestError) {
        guard !head.isEmpty else { return }
        if let signature = FileSignature.of(head) {
            guard signature == .zip else { throw .notText(source: source, signature: signature) }
            return
        }
        guard options.encoding == nil else { return }
        switch TextEncoding.detect(head) {
        case .success: return
        case .failure(.binary): throw .binaryFile(source: source)
        case .failure(.unknown(let byte, let line)): throw .unknownEncoding(source: source, line: line, byte: byte)
        }
    }

    /// Reads one opened file: its head first (kind and encoding), then a workbook or text whole,
    /// UTF-8 text block by block as the records are read (`CSVRecords`).
    func read<Sink: RowSink>(_ input: FileBytes, source: String, progress: ((Int) -> Void)?,
                      into builder: inout Sink) throws(IngestError) -> (SourceFormat, [InputWarning]) {
        do {
            let read = try readBytes(input, source: source, progress: progress, into: &builder)
            try input.checkUnchanged()
            return read
        } catch {
            // A mapped file cut short while it was read: that, rather than what its missing bytes (zeros) looked like.
            try input.checkUnchanged()
            throw error
        }
    }

    private func readBytes<Sink: RowSink>(_ input: FileBytes, source: String, progress: ((Int) -> Void)?,
                                          into builder: inout Sink) throws(IngestError) -> (SourceFormat, [InputWarning]) {
        guard input.count > 0 else { throw .emptyFile(source: source) }
        // The head: detection looks at 64 KiB, the dialect at the first lines (the header may be long).
        try input.fill(upTo: ReadLimits.maximumRecordBytes + TextEncoding.sampleLength)
        let all = input.bytes
        if let signature = FileSignature.of(all) {
            guard signature == .zip else { throw .notText(source: source, signature: signature) }
            try input.fillAll()
            let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: all.baseAddress!), count: all.count, deallocator: .none)
            return try readWorkbook(data, source: source, into: &builder)
        }
        let detection = try detection(in: all, source: source)
        let body = UnsafeBufferPointer(rebasing: all[detection.byteOrderMarkLength...])
        if detection.encoding == .utf8 {
            let bytes = FileRecordBytes(file: input, offset: detection.byteOrderMarkLength, barrier: builder.interningBarrier)
            return try readCSV(body, source: source, encoding: .utf8, file: bytes, progress: progress, into: &builder)
        }
        try input.fillAll()
        let utf8 = detection.encoding.transcodedToUTF8(body)
        return try utf8.withUnsafeBufferPointer { text throws(IngestError) in
            try readCSV(text, source: source, encoding: detection.encoding, into: &builder)
        }
    }

    /// Reads one input's bytes already in memory (standard input read whole, tests).
    private func read<Sink: RowSink>(_ data: Data, source: String, progress: ((Int) -> Void)? = nil,
                      into builder: inout Sink) throws(IngestError) -> (SourceFormat, [InputWarning]) {
        guard !data.isEmpty else { throw .emptyFile(source: source) }
        let signature = data.withUnsafeBytes { FileSignature.of($0.bindMemory(to: UInt8.self)) }
        if let signature {
            guard signature == .zip else { throw .notText(source: source, signature: signature) }
            return try readWorkbook(data, source: source, into: &builder)
        }
        return try withBytes(of: data) { all throws(IngestError) in
            let detection = try detection(in: all, source: source)
            let body = UnsafeBufferPointer(rebasing: all[detection.byteOrderMarkLength...])
            if detection.encoding == .utf8 {
                return try readCSV(body, source: source, encoding: .utf8, progress: progress, into: &builder)
            }
            let utf8 = detection.encoding.transcodedToUTF8(body)
            return try utf8.withUnsafeBufferPointer { text throws(IngestError) in
                try readCSV(text, source: source, encoding: detection.encoding, into: &builder)
            }
        }
    }

    private func readCSV<Sink: RowSink>(_ text: UnsafeBufferPointer<UInt8>, source: String, encoding: TextEncoding, file: FileRecordBytes? = nil,
                         progress: ((Int) -> Void)? = nil, into builder: inout Sink) throws(IngestError) -> (SourceFormat, [InputWarning]) {
        let dialect = CSVDialect.detect(text, from: 0, delimiter: options.delimiter)
        var records = CSVRecords(source: source, tokenizer: CSVTokenizer(bytes: text, delimiter: dialect.delimiter,
                                                                         start: dialect.headerStart, line: dialect.headerLine),
                                 file: file, progress: progress)
        var format = SourceFormat(source: source, encoding: encoding.rawValue, delimiter: dialect.delimiter)
        let warnings = try readRows(&records, source: source, format: &format, date1904: false, expectedRows: Self.estimatedRecords(text),
                                    ifEmpty: .emptyFile(source: source), into: &builder) { rows, records, builder throws(IngestError) in
            try builder.readRows(&rows, of: &records)
        }
        return (format, warnings)
    }

    private func readWorkbook<Sink: RowSink>(_ data: Data, source: String, into builder: inout Sink) throws(IngestError) -> (SourceFormat, [InputWarning]) {
        let workbook = try XLSXWorkbook(data: data, source: source, maximumPartSize: options.maximumSheetMegabytes << 20)
        let sheet = try workbook.sheet(named: options.sheet)
        let cells = try workbook.cells(of: sheet)
        return try cells.bytes.withUnsafeBufferPointer { bytes throws(IngestError) in
            var records = CellRecords(cells: cells, bytes: bytes)
            var format = SourceFormat(source: source, sheet: sheet.name)
            let warnings = try readRows(&records, source: source, format: &format, date1904: workbook.date1904, expectedRows: cells.rowCount,
                                        ifEmpty: .emptySheet(source: source, sheet: sheet.name), into: &builder) { rows, records, builder throws(IngestError) in
                try rows.read(&records, into: &builder)
            }
            return (format, warnings)
        }
    }

    /// Finds the header (the first record that is not blank), resolves the columns and reads the rows
    /// (with `readBody`, given the reader for them); throws `ifEmpty` when there is no header.
    private func readRows<Records: RecordSource, Sink: RowSink>(
        _ records: inout Records, source: String, format: inout SourceFormat, date1904: Bool, expectedRows: Int, ifEmpty: IngestError,
        into builder: inout Sink, readBody: (inout RowReader, inout Records, inout Sink) throws(IngestError) -> Void
    ) throws(IngestError) -> [InputWarning] {
        let fields = FieldList()
        var headerPosition: RecordPosition?
        while let record = try records.nextRecord(into: fields) {
            if fields.contains(where: { !FieldParser.isBlank(UnsafeBufferPointer(rebasing: records.bytes[$0.start ..< $0.end])) }) {
                headerPosition = record
                break
            }
        }
        guard let headerPosition else { throw ifEmpty }
        guard fields.count <= ReadLimits.maximumColumns else {
            throw .tooManyColumns(source: source, line: headerPosition.line, count: fields.count, limit: ReadLimits.maximumColumns)
        }
        let header = fields.map { field in
            let raw = UnsafeBufferPointer(rebasing: records.bytes[field.start ..< field.end])
            let text = TextEncoding.oneLine(TextEncoding.string(FieldParser.trimmed(raw)))
            return field.hasEscapedQuotes ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
        }
        let columns = try ColumnDetector(source: source, header: header, line: headerPosition.line)
            .resolve(options.mapping, segments: options.segmentColumns)
        try builder.beginFile(source: source, hasOrderColumn: columns.order != nil, expectedRows: expectedRows)
        builder.noteSegmentColumns(columns.segments)
        var rows = RowReader(source: source, header: header, columns: columns, options: options, date1904: date1904)
        try readBody(&rows, &records, &builder)
        try rows.finish(records, into: &builder)
        guard rows.dataRows > 0 else { throw .noDataRows(source: source) }
        try builder.endFile(rawText: records.rawText(of:))

        format.rows = rows.dataRows
        format.decimalSeparator = rows.decimal.value
        format.decimalSeparatorGiven = rows.decimal.evidence == .given
        format.dateOrder = rows.dateOrder.value
        format.dateOrderGiven = rows.dateOrder.evidence == .given
        return currencyWarnings(rows.currencyMarks, source: source)
    }

    // MARK: - Warnings

    private func currencyWarnings(_ marks: [(mark: CurrencyMark, count: Int, line: Int)], source: String) -> [InputWarning] {
        if let expected = options.currency {
            return marks.filter { !$0.mark.matches(code: expected) }.map {
                .currencyDiffers(source: source, mark: $0.mark.description, count: $0.count, line: $0.line, expected: expected.uppercased())
            }
        }
        guard marks.count > 1 else { return [] }
        return [.mixedCurrencies(source: source, marks: marks.map { CurrencyCount(mark: $0.mark.description, count: $0.count) })]
    }

    private func result(of builder: TableBuilder, sources: [String], formats: [SourceFormat], warnings fileWarnings: [InputWarning]) throws(IngestError) -> OrderReadResult {
        var warnings: [InputWarning] = []
        if let first = builder.duplicates.first {
            warnings.append(.duplicateRows(count: builder.duplicates.count, first: first))
        }
        warnings += dateWarnings(builder.dayTally, sources: builder.files.map(\.source))
        warnings += outOfRangeWarnings(builder.rejected)
        warnings += fileWarnings
        var result = try builder.result(sources: sources)
        result.formats = formats
        result.warnings = warnings
        return result
    }

    /// Dates far before the latest order, and dates after today, from the rows read per day
    /// (`days`, files numbered as in `sources`). The latest order is the latest up to today, so
    /// that a typo in the future does not make every other date look old.
    func dateWarnings(_ days: DayTally, sources: [String]) -> [InputWarning] {
        let counted = days.days
        guard !counted.isEmpty else { return [] }
        func location(ofFirstRowOn day: Int) -> RowLocation {
            let first = days.first(of: day)
            return RowLocation(source: sources.indices.contains(first.file) ? sources[first.file] : "?", line: first.line)
        }
        let today = options.today?.dayNumber ?? Int.max
        var warnings: [InputWarning] = []
        if let latest = counted.last(where: { $0.day <= today })?.day {
            let reference = CivilDate(dayNumber: latest)
            let year = reference.year - InputWarning.farPastYears
            let limit = CivilDate.dayNumber(year: year, month: reference.month, day: min(reference.day, CivilDate.daysIn(month: reference.month, year: year)))
            let old = counted.filter { $0.day < limit }
            if let earliest = old.first {
                warnings.append(.datesFarInPast(count: old.reduce(0) { $0 + $1.count }, latest: reference,
                                                earliest: CivilDate(dayNumber: earliest.day), at: location(ofFirstRowOn: earliest.day)))
            }
        }
        let future = counted.filter { $0.day > today }
        if let latest = future.last, let today = options.today {
            warnings.append(.datesInFuture(count: future.reduce(0) { $0 + $1.count }, today: today, latest: CivilDate(dayNumber: latest.day),
                                           at: location(ofFirstRowOn: latest.day)))
        }
        return warnings
    }

    /// How many rows were set aside for a date outside `ReadOptions.acceptedDays`, with the first.
    func outOfRangeWarnings(_ rejected: [RejectedRow]) -> [InputWarning] {
        var count = 0
        var first: RejectedRow?
        for row in rejected {
            guard case .dateOutOfRange = row.reason else { continue }
            count += 1
            if first == nil { first = row }
        }
        guard let first else { return [] }
        let accepted = options.acceptedDays
        return [.datesOutOfRange(count: count, earliest: CivilDate(dayNumber: accepted.lowerBound), latest: CivilDate(dayNumber: accepted.upperBound),
                                 first: first)]
    }

    // MARK: - Helpers

    /// About how many records the text holds, from the line breaks in its first 64 KiB (to size the columns once).
    /// An eighth more than the head suggests: a column that outgrows its room is copied into twice the room.
    private static func estimatedRecords(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        let sample = min(text.count, 1 << 16)
        guard sample > 0 else { return 0 }
        var lines = 0
        for i in 0 ..< sample where text[i] == UInt8(ascii: "\n") { lines += 1 }
        let estimate = Double(text.count) / Double(sample) * Double(lines)
        return Int(estimate * 1.125) + 16
    }

    func withBytes<T>(of data: Data, _ body: (UnsafeBufferPointer<UInt8>) throws(IngestError) -> T) throws(IngestError) -> T {
        let result: Result<T, IngestError> = data.withUnsafeBytes { raw in
            do throws(IngestError) {
                return .success(try body(raw.bindMemory(to: UInt8.self)))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The text encoding of `bytes`: the one given with `--encoding`, else detected from the
    /// bytes; binary bytes and bytes of no known encoding are refused, naming `source`.
    func detection(in bytes: UnsafeBufferPointer<UInt8>, source: String) throws(IngestError) -> TextEncoding.Detection {
        if let given = options.encoding { return Self.detection(given: given, in: bytes) }
        switch TextEncoding.detect(bytes) {
        case .success(let detected): return detected
        case .failure(.binary): throw .binaryFile(source: source)
        case .failure(.unknown(let byte, let line)): throw .unknownEncoding(source: source, line: line, byte: byte)
        }
    }

    /// The encoding given with `--encoding`; for UTF-16 a byte-order mark decides the byte order.
    static func detection(given: TextEncoding, in bytes: UnsafeBufferPointer<UInt8>) -> TextEncoding.Detection {
        switch given {
        case .utf8:
            return .init(encoding: .utf8, byteOrderMarkLength: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
        case .utf16LittleEndian, .utf16BigEndian:
            if bytes.starts(with: [0xFF, 0xFE]) { return .init(encoding: .utf16LittleEndian, byteOrderMarkLength: 2) }
            if bytes.starts(with: [0xFE, 0xFF]) { return .init(encoding: .utf16BigEndian, byteOrderMarkLength: 2) }
            return .init(encoding: given, byteOrderMarkLength: 0)
        case .windows1252:
            return .init(encoding: .windows1252, byteOrderMarkLength: 0)
        }
    }
}
