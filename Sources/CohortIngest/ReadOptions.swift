import CohortCore

/// How to read the input: which columns hold what, and whatever detection should not guess.
///
/// Every nil is detected: the delimiter from the header line, the encoding from a
/// byte-order mark or the head of the file, the decimal separator and the date order
/// from the first value of each file that proves them.
///
///     var options = ReadOptions(mapping: ColumnMapping(amount: "Umsatz"))
///     options.decimalSeparator = .comma
///     let result = try OrderReader(options: options).read(sources: ["export.csv"])
public struct ReadOptions: Sendable, Equatable {
    public var mapping: ColumnMapping
    /// `,` `;` tab or `|` (any single byte is accepted).
    public var delimiter: UInt8?
    public var encoding: TextEncoding?
    public var decimalSeparator: DecimalSeparator?
    public var dateOrder: DateOrder?
    /// The worksheet of an .xlsx file: a name, or a number counting from 1 (default: the first).
    public var sheet: String?
    /// The report's currency (ISO code, e.g. "EUR"): amounts marked otherwise are warned about.
    public var currency: String?
    /// The day of the run: rows dated after it are warned about (nil: no such check).
    public var today: CivilDate?
    /// Columns to split customers by (`--segment-by`): read as text per row, interned.
    /// A file without one of them reads that value as empty ("(unknown)").
    public var segmentColumns: [String] = []
    /// The report's as-of date (`--as-of`) when given: dates more than `ReadLimits.yearsAfterReference`
    /// years after it are set aside (with `today` the reference otherwise; see `acceptedDays`).
    public var asOf: CivilDate?
    /// A workbook part (a sheet, the shared strings) that unpacks to more is refused (`--max-sheet-mb`).
    public var maximumSheetMegabytes = ReadLimits.defaultSheetMegabytes

    public init(mapping: ColumnMapping = ColumnMapping(), delimiter: UInt8? = nil, encoding: TextEncoding? = nil,
                decimalSeparator: DecimalSeparator? = nil, dateOrder: DateOrder? = nil, sheet: String? = nil,
                currency: String? = nil, today: CivilDate? = nil) {
        self.mapping = mapping
        self.delimiter = delimiter
        self.encoding = encoding
        self.decimalSeparator = decimalSeparator
        self.dateOrder = dateOrder
        self.sheet = sheet
        self.currency = currency
        self.today = today
    }

    /// Parses `--delimiter`: one character, or `tab`, `comma`, `semicolon`, `pipe` (also `\t`).
    public static func delimiter(argument: String) -> UInt8? {
        switch argument.lowercased() {
        case "tab", "\\t", "\t": return UInt8(ascii: "\t")
        case "comma": return UInt8(ascii: ",")
        case "semicolon": return UInt8(ascii: ";")
        case "pipe": return UInt8(ascii: "|")
        default:
            let bytes = Array(argument.utf8)
            guard bytes.count == 1, bytes[0] != UInt8(ascii: "\""), bytes[0] != UInt8(ascii: "\n"), bytes[0] != UInt8(ascii: "\r") else { return nil }
            return bytes[0]
        }
    }
}
