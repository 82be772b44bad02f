import CohortCore

/// Reads survey answers (CSV or .xlsx, in the dialects `OrderReader` reads) into one `AnswerTable`,
/// keeping unreadable rows aside (METRICS.md, "Satisfaction").
///
///     let result = try AnswerReader(options: ReadOptions()).read(sources: ["nps.csv"])
///     result.rejected.first     // nps.csv:4: column 'score': '9/10' is not a whole score from 0 to 10
///
/// Columns are detected in English and German (`customer_id`/`Kundennummer`, `date`/`Datum`,
/// `score`/`Bewertung`) or named in `columns`. A score must be a whole number from 0 to 10
/// (`10.0` from a workbook cell is 10); "9/10", "8.5", "11" or "-1" are rejected rows.
///
/// Complexity: O(bytes).
public struct AnswerReader: Sendable {
    public var options: ReadOptions
    public var columns: AnswerColumns

    /// `options` as for orders (its column mapping's customer column is used when a file has it).
    public init(options: ReadOptions, columns: AnswerColumns = AnswerColumns()) {
        self.options = options
        self.columns = columns
    }

    public func read(sources: [String]) throws(IngestError) -> AnswerReadResult {
        let files = try InputFiles.expand(sources)
        var table = AnswerTable()
        var rejected: [RejectedRow] = [], formats: [SourceFormat] = []
        var rowsRead = 0
        for source in files {
            let file = try TabularFile(source: source, options: options)
            let found = try file.columns([(.customer, columns.customer, true, options.mapping.customer), (.date, columns.date, true, nil),
                                          (.score, columns.score, true, nil)])
            let customer = found[0]!, date = found[1]!, score = found[2]!
            var conventions = ColumnConventions(options: options)
            try conventions.settle(file, dateColumns: [date], amountColumn: nil)
            var fileRejected = file.misshapen
            func reject(_ record: TabularFile.Record, _ column: Int?, _ reason: RejectReason) {
                fileRejected.append(RejectedRow(source: source, line: record.line, column: column.map { file.header[$0] }, reason: reason,
                                                rawText: record.rawText))
            }
            for record in file.records {
                let day: Int
                switch conventions.day(record.fields[date]) {
                case .success(let value?): day = value
                case .success(nil): reject(record, date, .emptyDate); continue
                case .failure(let reason): reject(record, date, reason); continue
                }
                let text = TabularFile.text(record.fields[score].bytes)
                guard !text.isEmpty else { reject(record, score, .emptyScore); continue }
                guard let value = Self.score(text, isNumber: record.fields[score].isNumber) else {
                    reject(record, score, .notAScore(text: text))
                    continue
                }
                let id = TabularFile.text(record.fields[customer].bytes)
                guard !id.isEmpty else { reject(record, customer, .emptyCustomer); continue }
                table.append(customer: table.internCustomer(id), day: day, score: value)
            }
            rowsRead += file.format.rows
            rejected += fileRejected.sorted { $0.line < $1.line }
            var format = file.format
            format.dateOrder = conventions.dateOrder.value
            format.dateOrderGiven = conventions.dateOrder.evidence == .given
            formats.append(format)
        }
        return AnswerReadResult(table: table, rejected: rejected, rowsRead: rowsRead, sources: files, formats: formats)
    }

    /// A whole number from 0 to 10 written with digits only (a workbook's number cell may end in ".0"); nil otherwise.
    static func score(_ text: String, isNumber: Bool) -> Int? {
        var digits = Substring(text)
        if isNumber, let point = digits.firstIndex(of: "."), digits[digits.index(after: point)...].allSatisfy({ $0 == "0" }) {
            digits = digits[..<point]
        }
        guard (1 ... 2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits), value <= 10 else {
            return nil
        }
        return value
    }
}
