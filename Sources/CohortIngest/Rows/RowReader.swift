import CohortCore
import Foundation

/// Reads the data rows of one file into the table, keeping unreadable rows aside.
///
/// Each row's date and amount are parsed from bytes and its customer and order ids
/// interned, without a `String` per field. A row that cannot be read becomes a
/// `RejectedRow` with its line, column and reason. The decimal separator and the
/// day/month order are settled per file from the first value that proves them
/// (`Convention`); rows readable both ways before that wait as `PendingRow`s and
/// are added once the file has told which way is right. At the end of the file an
/// amount column that never told is settled when plain integers (`450`) beside
/// `1.500` show that the separator groups thousands; otherwise the file is refused.
///
///     var rows = RowReader(source: "orders.csv", header: header, columns: columns, options: options)
///     try rows.read(&records, into: &builder)
///     try rows.finish(records, into: &builder)
///
/// Complexity: O(bytes), one pass; a waiting row is handled once more when its convention settles.
struct RowReader {
    let source: String
    let header: [String]
    let columns: ColumnDetector.Columns
    let date1904: Bool
    private(set) var decimal: Convention<DecimalSeparator>
    private(set) var dateOrder: Convention<DateOrder>
    private let dottedOrder: DateOrder
    /// The days a row may be dated (`ReadOptions.acceptedDays`).
    private let firstDay: Int, lastDay: Int
    /// Data rows seen (blank lines not counted).
    private(set) var dataRows = 0
    /// Currency marks seen in the amount column: how often, and the first line.
    private(set) var currencyMarks: [(mark: CurrencyMark, count: Int, line: Int)] = []

    private var pending: [PendingRow] = []
    /// Days of date texts read before (while the day/month order stays as it is).
    private var days = DayCache()
    /// Amounts without any '.' or ',' (`450`), and the separators of amounts that read two ways.
    private var plainAmounts = 0
    private var ambiguousSeparators: UInt8 = 0
    private var scratch = ScratchBytes()

    init(source: String, header: [String], columns: ColumnDetector.Columns, options: ReadOptions, date1904: Bool = false) {
        self.source = source
        self.header = header
        self.columns = columns
        self.date1904 = date1904
        decimal = Convention(given: options.decimalSeparator)
        dateOrder = Convention(given: options.dateOrder)
        dottedOrder = options.dateOrder ?? .dayMonthYear
        let accepted = options.acceptedDays
        firstDay = accepted.lowerBound
        lastDay = accepted.upperBound
    }

    /// Reads every remaining record of `records`.
    mutating func read<Records: RecordSource, Sink: RowSink>(_ records: inout Records, into builder: inout Sink) throws(IngestError) {
        let fields = FieldList(capacity: header.count + 2)
        // The columns after the last one read are counted, not kept.
        fields.storedLimit = columns.lastReadColumn + 1
        let all = records.bytes
        let width = header.count
        let dateColumn = columns.date, amountColumn = columns.amount, customerColumn = columns.customer
        while let record = try records.nextRecord(into: fields) {
            if Self.isBlank(fields, in: all) {
                guard fields.skipped > 0, !Self.isBlank(Self.allFields(of: record, in: records), in: all) else { continue }
            }
            dataRows += 1
            builder.rowsRead += 1
            if fields.total != width {
                guard fields.total > width,
                      Self.allFields(of: record, in: records)[width...].allSatisfy({ FieldParser.isBlank(Self.slice(all, $0)) }) else {
                    reject(record, records, nil, .fieldCount(found: fields.total, header: width), into: &builder)
                    continue
                }
            }

            // Date.
            let dateField = fields[dateColumn]
            let dateBytes = bytes(of: dateField, in: all)
            var day = 0
            var pendingDate: PendingRow.DateValue?
            let dateReading: FieldParser.DateReading
            if dateField.isNumber {
                dateReading = FieldParser.excelNumberDate(dateBytes, date1904: date1904)
            } else if let known = days.knownISODay(dateBytes) {
                dateReading = .day(known) // the common case, inlined here
            } else {
                dateReading = days.reading(dateBytes) { [numericOrder = dateOrder.value, dottedOrder] in
                    FieldParser.date(dateBytes, numericOrder: numericOrder, dottedOrder: dottedOrder)
                }
            }
            switch dateReading {
            case .day(let value):
                day = value
            case .onlyIn(let order, let value):
                day = value
                dateOrder.settle(order, line: record.line, text: Self.text(dateBytes))
                days.removeAll()
                try resolvePending(records, into: &builder)
            case .ambiguous(let dayFirst, let monthFirst):
                pendingDate = .ambiguous(dayFirst: dayFirst, monthFirst: monthFirst, text: Self.text(dateBytes))
            case .invalid:
                reject(record, records, dateColumn, dateProblem(Self.text(dateBytes)), into: &builder)
                continue
            case .empty:
                reject(record, records, dateColumn, .emptyDate, into: &builder)
                continue
            }
            if pendingDate == nil && (day < firstDay || day > lastDay) {
                reject(record, records, dateColumn, outOfRange(Self.text(dateBytes)), into: &builder)
                continue
            }

            // Amount.
            let amountField = fields[amountColumn]
            let amountBytes = bytes(of: amountField, in: all)
            var amount = FieldParser.Amount.invalid
            var pendingAmount: PendingRow.AmountValue?
            if amountField.isNumber {
                amount = FieldParser.excelNumberAmount(amountBytes)
            } else if let separator = decimal.value {
                amount = FieldParser.amount(amountBytes, decimal: separator)
            } else {
                let point = FieldParser.amount(amountBytes, decimal: .point)
                if !amountBytes.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }) {
                    amount = point
                    if point.status == .value { plainAmounts += 1 }
                } else {
                    let comma = FieldParser.amount(amountBytes, decimal: .comma)
                    switch (point.status, comma.status) {
                    case (.value, .value) where point.minorUnits == comma.minorUnits, (.invalid, .invalid), (.tooLarge, .tooLarge):
                        amount = point
                    case (.invalid, _):
                        decimal.settle(.comma, line: record.line, text: Self.text(amountBytes))
                        try resolvePending(records, into: &builder)
                        amount = comma
                    case (_, .invalid):
                        decimal.settle(.point, line: record.line, text: Self.text(amountBytes))
                        try resolvePending(records, into: &builder)
                        amount = point
                    default:
                        ambiguousSeparators |= point.separators
                        pendingAmount = .ambiguous(point: point, comma: comma, text: Self.text(amountBytes))
                    }
                }
            }
            if pendingAmount == nil && amount.status != .value {
                reject(record, records, amountColumn, amountProblem(amount, text: Self.text(amountBytes), bytes: amountBytes), into: &builder)
                continue
            }

            // Customer and order.
            let customerBytes = FieldParser.trimmed(bytes(of: fields[customerColumn], in: all))
            guard !customerBytes.isEmpty else {
                reject(record, records, customerColumn, .emptyCustomer, into: &builder)
                continue
            }
            if pendingDate != nil || pendingAmount != nil {
                let customer = Array(customerBytes) // copied before the order field may reuse the scratch buffer
                let order = columns.order.map { Array(FieldParser.trimmed(bytes(of: fields[$0], in: all))) }
                var row = PendingRow(position: record, customer: customer, order: order,
                                     date: pendingDate ?? .known(day),
                                     amount: pendingAmount ?? .known(amount.minorUnits, amount.currency))
                row.segments = columns.segments.map { column in column.map { Array(FieldParser.trimmed(bytes(of: fields[$0], in: all))) } ?? [] }
                pending.append(row)
                continue
            }
            if amount.currency != .none { count(amount.currency, line: record.line) }
            if !fields[customerColumn].hasEscapedQuotes && !(columns.order.map { fields[$0].hasEscapedQuotes } ?? false) {
                // The ids' bytes lie in the input, where they stay: interned in batches.
                let orderBytes = columns.order.map { FieldParser.trimmed(bytes(of: fields[$0], in: all)) }
                try builder.append(customerBytes: customerBytes, day: day, amount: amount.minorUnits, orderBytes: orderBytes, at: record)
                try appendSegments(fields, all, into: &builder)
                continue
            }
            // Unescaped into the scratch buffer: the customer copied before the order field reuses it.
            let customer = Array(customerBytes)
            let order = columns.order.map { FieldParser.trimmed(bytes(of: fields[$0], in: all)) }
            try customer.withUnsafeBufferPointer { customer throws(IngestError) in
                try builder.appendNow(customerBytes: customer, day: day, amount: amount.minorUnits, orderBytes: order, at: record)
            }
            try appendSegments(fields, all, into: &builder)
        }
        try builder.takeIDs()
    }

    /// Settles what the file left open, adds the rows that waited, and refuses the file when a
    /// row still reads two ways. Call once after `read`.
    mutating func finish<Records: RecordSource, Sink: RowSink>(_ records: Records, into builder: inout Sink) throws(IngestError) {
        if !decimal.isSettled && ambiguousSeparators != 0 && plainAmounts > 0 && ambiguousSeparators != 3 {
            // `450` beside `1.500`: whole amounts are written without decimals, so the separator groups thousands.
            let grouping: DecimalSeparator = ambiguousSeparators == 1 ? .point : .comma
            decimal.settleAtEnd(grouping.other, evidence: .wholeAmountsBesideGroups(grouping: grouping))
            try resolvePending(records, into: &builder)
        }
        guard let waiting = pending.first else { return }
        if case .ambiguous(let dayFirst, let monthFirst, let text) = waiting.date, !dateOrder.isSettled {
            throw .ambiguousDateOrder(source: source, line: waiting.position.line, column: header[columns.date], text: text,
                                      dayFirst: CivilDate(dayNumber: dayFirst), monthFirst: CivilDate(dayNumber: monthFirst))
        }
        if case .ambiguous(_, _, let text) = waiting.amount {
            throw .ambiguousDecimalSeparator(source: source, line: waiting.position.line, column: header[columns.amount], text: text)
        }
    }

    // MARK: - Waiting rows

    /// Adds or rejects every waiting row whose conventions are now settled.
    private mutating func resolvePending<Records: RecordSource, Sink: RowSink>(_ records: Records, into builder: inout Sink) throws(IngestError) {
        guard !pending.isEmpty else { return }
        var stillWaiting: [PendingRow] = []
        for row in pending {
            if row.waits(dateOrder: dateOrder.value, decimal: decimal.value) {
                stillWaiting.append(row)
                continue
            }
            let day: Int
            switch row.date {
            case .known(let value): day = value
            case .ambiguous(let dayFirst, let monthFirst, let text):
                day = dateOrder.value == .monthDayYear ? monthFirst : dayFirst
                if day < firstDay || day > lastDay {
                    reject(row.position, records, columns.date, outOfRange(text), into: &builder)
                    continue
                }
            }
            let amount: FieldParser.Amount
            switch row.amount {
            case .known(let value, let currency):
                amount = .value(value, currency: currency)
            case .ambiguous(let point, let comma, let text):
                amount = decimal.value == .comma ? comma : point
                if amount.status != .value {
                    reject(row.position, records, columns.amount, amountProblem(amount, text: text, bytes: nil), into: &builder)
                    continue
                }
            }
            if amount.currency != .none { count(amount.currency, line: row.position.line) }
            try row.customer.withUnsafeBufferPointer { customer throws(IngestError) in
                if let id = row.order {
                    try id.withUnsafeBufferPointer { order throws(IngestError) in
                        try builder.appendNow(customerBytes: customer, day: day, amount: amount.minorUnits, orderBytes: order, at: row.position)
                    }
                } else {
                    try builder.appendNow(customerBytes: customer, day: day, amount: amount.minorUnits, orderBytes: nil, at: row.position)
                }
            }
            for (column, value) in row.segments.enumerated() {
                try value.withUnsafeBufferPointer { bytes throws(IngestError) in try builder.appendSegment(column, bytes) }
            }
        }
        pending = stillWaiting
    }

    /// The row's segment values (trimmed; empty for a column this file lacks), interned at once.
    @inline(__always)
    private func appendSegments<Sink: RowSink>(_ fields: FieldList, _ all: UnsafeBufferPointer<UInt8>, into builder: inout Sink) throws(IngestError) {
        for (column, index) in columns.segments.enumerated() {
            let value = index.map { FieldParser.trimmed(bytes(of: fields[$0], in: all)) } ?? UnsafeBufferPointer(start: nil, count: 0)
            try builder.appendSegment(column, value)
        }
    }

    // MARK: - Chunks read on other threads

    /// Whether no row waits for a convention, so that the rows after may be read in chunks on
    /// other threads (`ChunkedReading`), each with a copy of this reader (`forChunk()`).
    var canReadInChunks: Bool { pending.isEmpty }

    /// A reader for a chunk of the rows after: the conventions as settled so far (and the decimal
    /// separators seen to read two ways, which `absorb` joins again), no rows or currency marks
    /// counted yet, and a scratch buffer of its own. The dates read so far are its date cache's
    /// (shared until the chunk meets a new one, then copied): with a cache of its own each chunk
    /// made and zeroed 0.6 MB and read every date of the file anew (1,100 dates a chunk of 8 MB).
    func forChunk() -> RowReader {
        var reader = self
        reader.scratch = ScratchBytes()
        reader.dataRows = 0
        reader.plainAmounts = 0
        reader.currencyMarks = []
        return reader
    }

    /// Whether `other` holds the same conventions as this reader and no row waits in `other` (not
    /// in this one): a chunk read by `other` was read as this reader would have read it.
    func readsAlike(_ other: RowReader) -> Bool {
        other.decimal == decimal && other.dateOrder == dateOrder && other.pending.isEmpty
    }

    /// Counts the rows and currency marks of a chunk read after the rows read so far (read alike,
    /// `readsAlike`), its lines `lineOffset` on from the chunk's own count, and takes the dates it
    /// knows for the chunks started after.
    mutating func absorb(_ chunk: RowReader, lineOffset: Int) {
        days = chunk.days
        dataRows += chunk.dataRows
        plainAmounts += chunk.plainAmounts
        ambiguousSeparators |= chunk.ambiguousSeparators
        for (mark, count, line) in chunk.currencyMarks {
            if let index = currencyMarks.firstIndex(where: { $0.mark.canonical == mark.canonical }) {
                currencyMarks[index].count += count
            } else {
                currencyMarks.append((mark, count, line + lineOffset))
            }
        }
    }

    // MARK: - Reasons

    private func dateProblem(_ text: String) -> RejectReason {
        .notADate(text: text, order: dateOrder.value, evidence: dateOrder.evidence)
    }

    private func outOfRange(_ text: String) -> RejectReason {
        .dateOutOfRange(text: text, earliest: CivilDate(dayNumber: firstDay), latest: CivilDate(dayNumber: lastDay))
    }

    private func amountProblem(_ amount: FieldParser.Amount, text: String, bytes: UnsafeBufferPointer<UInt8>?) -> RejectReason {
        switch amount.status {
        case .empty: return .emptyAmount
        case .tooManyDecimals: return .tooManyDecimals(text: text)
        case .tooLarge: return .amountTooLarge(text: text)
        case .value, .invalid: break
        }
        if let separator = decimal.value, let evidence = decimal.evidence, let bytes {
            if FieldParser.amount(bytes, decimal: separator.other).status == .value && text.contains(where: { $0 == "." || $0 == "," }) {
                return .separatorMismatch(text: text, separator: separator, evidence: evidence)
            }
        }
        return .notANumber(text: text)
    }

    // MARK: - Helpers

    /// Counts a currency mark; `€` and `EUR` count as one (under the mark seen first).
    private mutating func count(_ mark: CurrencyMark, line: Int) {
        if let index = currencyMarks.firstIndex(where: { $0.mark.canonical == mark.canonical }) {
            currencyMarks[index].count += 1
        } else {
            currencyMarks.append((mark, 1, line))
        }
    }

    private func reject<Records: RecordSource, Sink: RowSink>(_ record: RecordPosition, _ records: Records, _ column: Int?, _ reason: RejectReason,
                                               into builder: inout Sink) {
        builder.rejected.append(RejectedRow(source: source, line: record.line, column: column.map { header[$0] }, reason: reason,
                                            rawText: records.rawText(of: record)))
    }

    /// A field's bytes, with doubled quotes collapsed (into a scratch buffer) when there are any.
    /// Valid until the next call: each field is used before the next one is read.
    @inline(__always)
    private func bytes(of field: FieldRange, in all: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let raw = Self.slice(all, field)
        return field.hasEscapedQuotes ? scratch.collapsingDoubledQuotes(raw) : raw
    }

    @inline(__always)
    private static func slice(_ all: UnsafeBufferPointer<UInt8>, _ field: FieldRange) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: all[field.start ..< field.end])
    }

    /// Whether the fields kept are all blank (those counted past `storedLimit` not looked at).
    @inline(__always)
    private static func isBlank(_ fields: FieldList, in all: UnsafeBufferPointer<UInt8>) -> Bool {
        // Nearly always the first field tells.
        if fields.count > 0 && !FieldParser.isBlank(slice(all, fields[0])) { return false }
        for field in fields where !FieldParser.isBlank(slice(all, field)) { return false }
        return true
    }

    /// Every field of `record`, read again: those past `storedLimit` were only counted. For the
    /// rare rows whose blankness or extra fields are in question.
    private static func allFields<Records: RecordSource>(of record: RecordPosition, in records: Records) -> FieldList {
        let fields = FieldList()
        records.allFields(of: record, into: fields)
        return fields
    }

    /// A field as text for a message: trimmed, with line breaks shown as `\n` so that the message stays one line.
    /// A value as messages quote it: one line, and at most `quotedBytes` bytes of it (then "…").
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let value = FieldParser.trimmed(bytes)
        guard value.count > quotedBytes else { return TextEncoding.oneLine(TextEncoding.string(value)) }
        return TextEncoding.oneLine(TextEncoding.string(UnsafeBufferPointer(rebasing: value.prefix(quotedBytes)))) + "…"
    }

    /// The most of a value a message quotes.
    static let quotedBytes = 200
}
