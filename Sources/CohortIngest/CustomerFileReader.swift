import CohortCore
import Foundation

/// Reads a customer file (`--customers customers.csv` or .xlsx) for segments: the customer id and
/// the attribute columns asked for, with the same encoding, dialect and column detection as orders.
///
///     let file = try CustomerFileReader(options: options).read("customers.csv", attributes: ["plan"])
///     let columns = file.segmentColumns(for: table)   // per customer of the orders, its plan
///
/// A customer named twice keeps its first row; a row without a customer id is skipped.
///
/// Complexity: O(bytes) to read, O(customers) to join.
public struct CustomerFileReader: Sendable {
    public var options: ReadOptions

    public init(options: ReadOptions) {
        self.options = options
    }

    /// The attributes found in the file (each name asked for that is a column of it), per customer id.
    public struct Attributes: Sendable {
        public var source: String
        /// The header of the file (for suggestions).
        public var header: [String]
        /// The attributes asked for that the file has, as asked for.
        public var names: [String]
        /// Customer id → its row's values, in the order of `names`.
        public var valuesByCustomer: [String: [String]]

        /// The header name closest to `name`, when it looks like a typo of it.
        public func suggestion(for name: String) -> String? {
            ColumnDetector(source: source, header: header, line: 1).suggestion(for: name)
        }

        /// One segment column per attribute, per customer index of `table`: −1 for a customer the file does not name.
        public func segmentColumns(for table: OrderTable) -> [SegmentColumn] {
            names.indices.map { attribute in
                var values: [String] = [], idOfValue: [String: Int32] = [:]
                let ids = table.customerIDs.map { id -> Int32 in
                    guard let value = valuesByCustomer[id]?[attribute] else { return -1 }
                    if let known = idOfValue[value] { return known }
                    let new = Int32(values.count)
                    values.append(value)
                    idOfValue[value] = new
                    return new
                }
                return SegmentColumn(name: names[attribute], values: values, source: .customers(ids))
            }
        }
    }

    public func read(_ source: String, attributes wanted: [String]) throws(IngestError) -> Attributes {
        let (data, _) = try InputFiles.read(source)
        guard !data.isEmpty else { throw .emptyFile(source: source) }
        let signature = data.withUnsafeBytes { FileSignature.of($0.bindMemory(to: UInt8.self)) }
        if let signature {
            guard signature == .zip else { throw .notText(source: source, signature: signature) }
            let workbook = try XLSXWorkbook(data: data, source: source)
            let sheet = try workbook.sheet(named: options.sheet)
            let cells = try workbook.cells(of: sheet)
            return try cells.bytes.withUnsafeBufferPointer { bytes throws(IngestError) in
                var records = CellRecords(cells: cells, bytes: bytes)
                return try attributes(&records, source: source, wanted: wanted)
            }
        }
        let reader = OrderReader(options: options)
        return try reader.withBytes(of: data) { all throws(IngestError) in
            let detection = try reader.detection(in: all, source: source)
            let body = UnsafeBufferPointer(rebasing: all[detection.byteOrderMarkLength...])
            let utf8 = detection.encoding == .utf8 ? Array(body) : detection.encoding.transcodedToUTF8(body)
            return try utf8.withUnsafeBufferPointer { text throws(IngestError) in
                let dialect = CSVDialect.detect(text, from: 0, delimiter: options.delimiter)
                var records = CSVRecords(source: source, tokenizer: CSVTokenizer(bytes: text, delimiter: dialect.delimiter,
                                                                                 start: dialect.headerStart, line: dialect.headerLine))
                return try attributes(&records, source: source, wanted: wanted)
            }
        }
    }

    /// The header, the customer column (named with `--customer-column` or detected) and the wanted columns, then every row.
    private func attributes<Records: RecordSource>(_ records: inout Records, source: String, wanted: [String]) throws(IngestError) -> Attributes {
        let fields = FieldList()
        func text(_ field: FieldRange) -> String {
            let raw = UnsafeBufferPointer(rebasing: records.bytes[field.start ..< field.end])
            let value = TextEncoding.oneLine(TextEncoding.string(FieldParser.trimmed(raw)))
            return field.hasEscapedQuotes ? value.replacingOccurrences(of: "\"\"", with: "\"") : value
        }
        var header: [String] = [], headerLine = 1
        while let record = try records.nextRecord(into: fields) {
            let row = fields.map(text)
            if row.contains(where: { !$0.isEmpty }) {
                header = row
                headerLine = record.line
                break
            }
        }
        guard !header.isEmpty else { throw .emptyFile(source: source) }
        let detector = ColumnDetector(source: source, header: header, line: headerLine)
        let customerColumn = try detector.customerColumn(named: options.mapping.customer)
        let normalized = header.map(ColumnRole.normalize)
        let found = wanted.compactMap { name -> (name: String, index: Int)? in
            (header.firstIndex(of: name) ?? normalized.firstIndex(of: ColumnRole.normalize(name))).map { (name, $0) }
        }
        var valuesByCustomer: [String: [String]] = [:]
        while try records.nextRecord(into: fields) != nil {
            guard fields.count > customerColumn else { continue }
            let id = text(fields[customerColumn])
            guard !id.isEmpty, valuesByCustomer[id] == nil else { continue }
            valuesByCustomer[id] = found.map { $0.index < fields.count ? text(fields[$0.index]) : "" }
        }
        return Attributes(source: source, header: header, names: found.map(\.name), valuesByCustomer: valuesByCustomer)
    }
}
