import CohortCore

/// The day/month order of a file's date columns and the decimal separator of its money column,
/// settled over the whole file before any row is read (the small inputs are read whole), by the
/// same evidence as `RowReader`: the first value that only one choice can read, given options
/// first, and plain whole amounts beside `1.500` at the end. Then fields are read with them.
///
///     var conventions = ColumnConventions(options: options)
///     try conventions.settle(file, dateColumns: [1, 2], amountColumn: 3)
///     conventions.day(record.fields[1], column: "start")   // .success(20_454) or .failure(reason)
struct ColumnConventions {
    private(set) var decimal: Convention<DecimalSeparator>
    private(set) var dateOrder: Convention<DateOrder>
    private let dottedOrder: DateOrder
    private var date1904 = false

    /// A field's value, or why a row is set aside.
    enum Reading<Value> {
        case success(Value)
        case failure(RejectReason)
    }

    init(options: ReadOptions) {
        decimal = Convention(given: options.decimalSeparator)
        dateOrder = Convention(given: options.dateOrder)
        dottedOrder = options.dateOrder ?? .dayMonthYear
    }

    /// Looks at every value of the columns; throws when a value reads two ways and nothing in the file settles which.
    mutating func settle(_ file: TabularFile, dateColumns: [Int], amountColumn: Int?) throws(IngestError) {
        date1904 = file.date1904
        var firstAmbiguousDate: (line: Int, column: Int, text: String, dayFirst: Int, monthFirst: Int)?
        var firstAmbiguousAmount: (line: Int, column: Int, text: String)?
        var plainAmounts = 0
        var ambiguousSeparators: UInt8 = 0
        for record in file.records {
            for column in dateColumns where !record.fields[column].isNumber {
                let bytes = record.fields[column].bytes
                let reading = bytes.withUnsafeBufferPointer { FieldParser.date($0, numericOrder: dateOrder.value, dottedOrder: dottedOrder) }
                switch reading {
                case .onlyIn(let order, _): dateOrder.settle(order, line: record.line, text: TabularFile.text(bytes))
                case .ambiguous(let dayFirst, let monthFirst):
                    if firstAmbiguousDate == nil { firstAmbiguousDate = (record.line, column, TabularFile.text(bytes), dayFirst, monthFirst) }
                default: break
                }
            }
            guard let amountColumn, !record.fields[amountColumn].isNumber, !decimal.isSettled else { continue }
            let bytes = record.fields[amountColumn].bytes
            bytes.withUnsafeBufferPointer { field in
                let point = FieldParser.amount(field, decimal: .point)
                guard field.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }) else {
                    if point.status == .value { plainAmounts += 1 }
                    return
                }
                let comma = FieldParser.amount(field, decimal: .comma)
                switch (point.status, comma.status) {
                case (.value, .value) where point.minorUnits == comma.minorUnits, (.invalid, .invalid): break
                case (.invalid, _): decimal.settle(.comma, line: record.line, text: TabularFile.text(bytes))
                case (_, .invalid): decimal.settle(.point, line: record.line, text: TabularFile.text(bytes))
                default:
                    ambiguousSeparators |= point.separators
                    if firstAmbiguousAmount == nil { firstAmbiguousAmount = (record.line, amountColumn, TabularFile.text(bytes)) }
                }
            }
        }
        if !decimal.isSettled && ambiguousSeparators != 0 && plainAmounts > 0 && ambiguousSeparators != 3 {
            let grouping: DecimalSeparator = ambiguousSeparators == 1 ? .point : .comma
            decimal.settleAtEnd(grouping.other, evidence: .wholeAmountsBesideGroups(grouping: grouping))
        }
        if let waiting = firstAmbiguousDate, !dateOrder.isSettled {
            throw .ambiguousDateOrder(source: file.source, line: waiting.line, column: file.header[waiting.column], text: waiting.text,
                                      dayFirst: CivilDate(dayNumber: waiting.dayFirst), monthFirst: CivilDate(dayNumber: waiting.monthFirst))
        }
        if let waiting = firstAmbiguousAmount, !decimal.isSettled {
            throw .ambiguousDecimalSeparator(source: file.source, line: waiting.line, column: file.header[waiting.column], text: waiting.text)
        }
    }

    /// A date field as a day number, or why it is none; `.success(nil)` for an empty field.
    func day(_ field: TabularFile.Field) -> Reading<Int?> {
        let reading = field.bytes.withUnsafeBufferPointer { bytes in
            field.isNumber ? FieldParser.excelNumberDate(bytes, date1904: date1904)
                : FieldParser.date(bytes, numericOrder: dateOrder.value ?? .dayMonthYear, dottedOrder: dottedOrder)
        }
        switch reading {
        case .day(let day), .onlyIn(_, let day): return .success(day)
        case .ambiguous(let dayFirst, _): return .success(dayFirst) // not reached: settle() refused the file
        case .empty: return .success(nil)
        case .invalid: return .failure(.notADate(text: TabularFile.text(field.bytes), order: dateOrder.value, evidence: dateOrder.evidence))
        }
    }

    /// A money field in minor units, or why it is none.
    func amount(_ field: TabularFile.Field) -> Reading<Int64> {
        field.bytes.withUnsafeBufferPointer { bytes in
            let separator = decimal.value ?? .point
            let amount = field.isNumber ? FieldParser.excelNumberAmount(bytes) : FieldParser.amount(bytes, decimal: separator)
            switch amount.status {
            case .value: return .success(amount.minorUnits)
            case .empty: return .failure(.emptyAmount)
            case .tooManyDecimals: return .failure(.tooManyDecimals(text: TabularFile.text(field.bytes)))
            case .tooLarge: return .failure(.amountTooLarge(text: TabularFile.text(field.bytes)))
            case .invalid:
                let text = TabularFile.text(field.bytes)
                if let evidence = decimal.evidence, FieldParser.amount(bytes, decimal: separator.other).status == .value,
                   text.contains(where: { $0 == "." || $0 == "," }) {
                    return .failure(.separatorMismatch(text: text, separator: separator, evidence: evidence))
                }
                return .failure(.notANumber(text: text))
            }
        }
    }
}
