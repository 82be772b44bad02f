import CohortCore
import Foundation

/// Reads order CSV files into one columnar `OrderTable`, keeping unreadable rows aside.
///
///     let result = try OrderReader(mapping: ColumnMapping()).read(sources: ["orders.csv"])
///     result.table.rowCount        // rows read successfully
///     result.rejected.first        // orders.csv:17: column 'amount': 'n/a' is not a number
///
/// The delimiter (`,` `;` tab `|`) is detected from the header line, columns by
/// name (`ColumnRole`); dates may be ISO or German (`31.12.2025`), amounts use
/// '.' or ',' as decimal separator. Several files are read into one table with
/// one customer id space; `-` reads standard input.
///
/// Complexity: O(bytes), one pass per file; customer and order ids are interned
/// from bytes without creating a `String` per row.
public struct OrderReader: Sendable {
    public var mapping: ColumnMapping

    public init(mapping: ColumnMapping = ColumnMapping()) {
        self.mapping = mapping
    }

    /// Reads every source in order. Throws `IngestError` for a file that cannot be read at all.
    public func read(sources: [String]) throws(IngestError) -> OrderReadResult {
        var builder = TableBuilder()
        for source in sources {
            let bytes = try Self.contents(of: source)
            try bytes.withUnsafeBufferPointer { buffer throws(IngestError) in
                try read(buffer, source: source, into: &builder)
            }
        }
        return builder.result(sources: sources)
    }

    /// Reads CSV bytes that are already in memory (tests, standard input).
    public func read(bytes: [UInt8], source: String) throws(IngestError) -> OrderReadResult {
        var builder = TableBuilder()
        try bytes.withUnsafeBufferPointer { buffer throws(IngestError) in
            try read(buffer, source: source, into: &builder)
        }
        return builder.result(sources: [source])
    }

    private static func contents(of source: String) throws(IngestError) -> [UInt8] {
        if source == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) else {
            throw .cannotRead(source: source, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw .cannotRead(source: source, reason: "it is a folder, not a file") }
        guard let data = FileManager.default.contents(atPath: source) else {
            throw .cannotRead(source: source, reason: "permission denied or unreadable")
        }
        return [UInt8](data)
    }

    private func read(_ all: UnsafeBufferPointer<UInt8>, source: String, into builder: inout TableBuilder) throws(IngestError) {
        guard !all.isEmpty else { throw .emptyFile(source: source) }
        if Self.looksBinary(all) { throw .binaryFile(source: source) }
        let start = all.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var tokenizer = CSVTokenizer(bytes: all, delimiter: Self.detectDelimiter(all, from: start), start: start)
        var fields: [CSVTokenizer.Field] = []
        var scratch: [UInt8] = []

        let header: [String]
        do {
            guard try tokenizer.nextRecord(into: &fields) != nil else { throw IngestError.emptyFile(source: source) }
            header = fields.map { field in
                Self.withBytes(of: field, in: all, scratch: &scratch) { String(decoding: FieldParser.trimmed($0), as: UTF8.self) }
            }
        } catch let error as CSVTokenizerError {
            guard case .unterminatedQuote(let line) = error else { throw .emptyFile(source: source) }
            throw .unterminatedQuote(source: source, line: line)
        } catch let error as IngestError {
            throw error
        } catch {
            throw .cannotRead(source: source, reason: "\(error)")
        }
        guard header.contains(where: { !$0.isEmpty }) else { throw .emptyFile(source: source) }
        let columns = try ColumnDetector(source: source, header: header).resolve(mapping)
        builder.beginFile(hasOrderColumn: columns.order != nil)

        var dataRows = 0
        while true {
            let record: (line: Int, range: Range<Int>)?
            do {
                record = try tokenizer.nextRecord(into: &fields)
            } catch {
                guard case .unterminatedQuote(let line) = error else { break }
                throw .unterminatedQuote(source: source, line: line)
            }
            guard let record else { break }
            if fields.count == 1 && fields[0].start == fields[0].end { continue } // blank line
            dataRows += 1
            builder.rowsRead += 1

            func reject(_ column: Int?, _ reason: String) {
                builder.rejected.append(RejectedRow(
                    source: source, line: record.line, column: column.map { header[$0] }, reason: reason,
                    rawText: String(decoding: UnsafeBufferPointer(rebasing: all[record.range]), as: UTF8.self)))
            }
            func text(_ column: Int) -> String {
                Self.withBytes(of: fields[column], in: all, scratch: &scratch) { String(decoding: FieldParser.trimmed($0), as: UTF8.self) }
            }
            guard fields.count == header.count else {
                reject(nil, "has \(fields.count) fields, the header has \(header.count)")
                continue
            }
            guard let day = Self.withBytes(of: fields[columns.date], in: all, scratch: &scratch, FieldParser.day) else {
                reject(columns.date, "'\(text(columns.date))' is not a date (expected YYYY-MM-DD or DD.MM.YYYY)")
                continue
            }
            let amount: Int64
            switch Self.withBytes(of: fields[columns.amount], in: all, scratch: &scratch, FieldParser.amount) {
            case .value(let value): amount = value
            case .tooManyDecimals:
                reject(columns.amount, "'\(text(columns.amount))' has more than 2 decimal places")
                continue
            case .invalid:
                reject(columns.amount, "'\(text(columns.amount))' is not a number")
                continue
            }
            let customer = Self.withBytes(of: fields[columns.customer], in: all, scratch: &scratch) { bytes -> Int32? in
                let id = FieldParser.trimmed(bytes)
                return id.isEmpty ? nil : builder.customers.intern(id)
            }
            guard let customer else {
                reject(columns.customer, "the customer id is empty")
                continue
            }
            let order = columns.order.map { column in
                Self.withBytes(of: fields[column], in: all, scratch: &scratch) { bytes in
                    let id = FieldParser.trimmed(bytes)
                    return id.isEmpty ? builder.orders.uniqueID() : builder.orders.intern(id)
                }
            }
            builder.append(customer: customer, day: day, amount: amount, order: order)
        }
        if dataRows == 0 { throw .noDataRows(source: source) }
    }

    /// Calls `body` with a field's bytes, with doubled quotes collapsed when there are any.
    private static func withBytes<T>(of field: CSVTokenizer.Field, in all: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8],
                                     _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let bytes = UnsafeBufferPointer(rebasing: all[field.start ..< field.end])
        guard field.hasEscapedQuotes else { return body(bytes) }
        scratch.removeAll(keepingCapacity: true)
        var previousWasQuote = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") && previousWasQuote { previousWasQuote = false; continue }
            previousWasQuote = byte == UInt8(ascii: "\"")
            scratch.append(byte)
        }
        return scratch.withUnsafeBufferPointer(body)
    }

    /// The most frequent of `,` `;` tab `|` outside quotes on the header line (`,` on a tie or none).
    static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var i = start
        while i < bytes.count && (inQuotes || bytes[i] != UInt8(ascii: "\n")) {
            if bytes[i] == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes, let index = candidates.firstIndex(of: bytes[i]) { counts[index] += 1 }
            i += 1
        }
        guard let top = counts.max(), top > 0, let index = counts.firstIndex(of: top) else { return UInt8(ascii: ",") }
        return candidates[index]
    }

    /// A NUL byte near the start, or a gzip/zip signature, means this is no CSV text.
    private static func looksBinary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.starts(with: [0x1F, 0x8B]) || bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return true }
        return bytes.prefix(4096).contains(0)
    }
}
