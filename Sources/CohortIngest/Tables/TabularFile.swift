import CohortCore
import Foundation

/// One CSV or .xlsx file read whole into text fields, for the small inputs beside the orders
/// (contracts, survey answers): the same detection as `OrderReader` (file kind from the first
/// bytes, text encoding, delimiter, header row, sheet), without its streaming machinery.
///
///     let file = try TabularFile(source: "contracts.csv", options: ReadOptions())
///     file.header          // ["Kundennummer", "Vertragsbeginn", "Vertragsende", "MRR"]
///     file.records.first   // line 2, its fields and raw text
///
/// A row with more fields than the header (and anything but blanks in them) or fewer is set
/// aside in `misshapen` with its reason; blank rows are skipped.
///
/// Complexity: O(bytes); every field is copied once.
struct TabularFile {
    /// One field: its bytes (doubled quotes collapsed) and whether a workbook stored it as a number.
    struct Field {
        var bytes: [UInt8]
        var isNumber: Bool
    }

    /// One data row.
    struct Record {
        var line: Int
        var fields: [Field]
        var rawText: String
    }

    let source: String
    let header: [String]
    let headerLine: Int
    let date1904: Bool
    private(set) var records: [Record] = []
    /// Rows whose field count does not match the header.
    private(set) var misshapen: [RejectedRow] = []
    /// How the file was read (`rows` counts every data row, misshapen ones included).
    private(set) var format: SourceFormat

    init(source: String, options: ReadOptions) throws(IngestError) {
        self.source = source
        let data = try InputFiles.read(source).data
        guard !data.isEmpty else { throw .emptyFile(source: source) }
        let signature = data.withUnsafeBytes { FileSignature.of($0.bindMemory(to: UInt8.self)) }
        var rows: [(position: RecordPosition, fields: [Field], raw: String)] = []
        var header: [String]?, headerLine = 1
        func collect<Records: RecordSource>(_ records: inout Records) throws(IngestError) {
            let list = FieldList()
            while let position = try records.nextRecord(into: list) {
                let fields = list.map { range -> Field in
                    var bytes = Array(records.bytes[range.start ..< range.end])
                    if range.hasEscapedQuotes { bytes = Self.collapsingDoubledQuotes(bytes) }
                    return Field(bytes: bytes, isNumber: range.isNumber)
                }
                if fields.allSatisfy({ Self.isBlank($0.bytes) }) { continue }
                if header == nil {
                    header = fields.map { TextEncoding.oneLine(Self.text($0.bytes)) }
                    headerLine = position.line
                } else {
                    rows.append((position, fields, records.rawText(of: position)))
                }
            }
        }
        if let signature {
            guard signature == .zip else { throw .notText(source: source, signature: signature) }
            let workbook = try XLSXWorkbook(data: data, source: source)
            let sheet = try workbook.sheet(named: options.sheet)
            let cells = try workbook.cells(of: sheet)
            try cells.bytes.withUnsafeBufferPointer { bytes throws(IngestError) in
                var records = CellRecords(cells: cells, bytes: bytes)
                try collect(&records)
            }
            guard header != nil else { throw .emptySheet(source: source, sheet: sheet.name) }
            format = SourceFormat(source: source, sheet: sheet.name)
            date1904 = workbook.date1904
        } else {
            let bytes = [UInt8](data)
            let encoding: TextEncoding
            let text: [UInt8]
            let detected: TextEncoding.Detection = try bytes.withUnsafeBufferPointer { all throws(IngestError) in
                try OrderReader(options: options).detection(in: all, source: source)
            }
            encoding = detected.encoding
            text = bytes.withUnsafeBufferPointer { all in
                let body = UnsafeBufferPointer(rebasing: all[detected.byteOrderMarkLength...])
                return encoding == .utf8 ? Array(body) : encoding.transcodedToUTF8(body)
            }
            var delimiter: UInt8 = 0
            try text.withUnsafeBufferPointer { text throws(IngestError) in
                let dialect = CSVDialect.detect(text, from: 0, delimiter: options.delimiter)
                delimiter = dialect.delimiter
                var records = CSVRecords(source: source, tokenizer: CSVTokenizer(bytes: text, delimiter: dialect.delimiter,
                                                                                 start: dialect.headerStart, line: dialect.headerLine))
                try collect(&records)
            }
            guard header != nil else { throw .emptyFile(source: source) }
            format = SourceFormat(source: source, encoding: encoding.rawValue, delimiter: delimiter)
            date1904 = false
        }
        let names = header ?? []
        self.header = names
        self.headerLine = headerLine
        guard !rows.isEmpty else { throw .noDataRows(source: source) }
        format.rows = rows.count
        for row in rows {
            var fields = row.fields
            if fields.count > names.count && fields[names.count...].allSatisfy({ Self.isBlank($0.bytes) }) {
                fields.removeLast(fields.count - names.count)
            }
            // A workbook row is padded to the widest row of its sheet.
            while fields.count < names.count && signature != nil { fields.append(Field(bytes: [], isNumber: false)) }
            guard fields.count == names.count else {
                misshapen.append(RejectedRow(source: source, line: row.position.line, column: nil,
                                             reason: .fieldCount(found: row.fields.count, header: names.count), rawText: row.raw))
                continue
            }
            records.append(Record(line: row.position.line, fields: fields, rawText: row.raw))
        }
    }

    /// The header's columns for `roles`: named explicitly (an error when missing), or detected; `required`
    /// roles must be found. `preferred` names a column that is taken for the role when the header has it
    /// (the orders' `--customer-column`, for every file that has that column).
    func columns(_ roles: [(role: ColumnRole, name: String?, required: Bool, preferred: String?)]) throws(IngestError) -> [Int?] {
        let detector = ColumnDetector(source: source, header: header, line: headerLine)
        let normalized = header.map(ColumnRole.normalize)
        var seen: Set<String> = []
        for (index, name) in normalized.enumerated() where !name.isEmpty {
            if !seen.insert(name).inserted { throw .duplicateColumn(source: source, line: headerLine, name: header[index]) }
        }
        var result: [Int?] = []
        for (role, name, required, preferred) in roles {
            if name == nil, let preferred, let index = header.firstIndex(of: preferred) ?? normalized.firstIndex(of: ColumnRole.normalize(preferred)) {
                result.append(index)
            } else if required {
                result.append(try detector.require(role, named: name, in: normalized))
            } else {
                result.append(try detector.find(role, named: name, in: normalized))
            }
        }
        return result
    }

    /// A field's text, trimmed, for messages and ids.
    static func text(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { TextEncoding.string(FieldParser.trimmed($0)) }
    }

    static func isBlank(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { FieldParser.isBlank($0) }
    }

    private static func collapsingDoubledQuotes(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            result.append(bytes[index])
            if bytes[index] == UInt8(ascii: "\"") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") { index += 1 }
            index += 1
        }
        return result
    }
}
