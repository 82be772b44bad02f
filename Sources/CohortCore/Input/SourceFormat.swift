/// How one input file was read: CSV or a workbook sheet, encoding, delimiter, decimal
/// separator and date order, each as given or as detected; shown in the report so a
/// reader can check it.
public struct SourceFormat: Sendable, Codable, Equatable {
    public var source: String
    /// The sheet's name for a workbook; nil for CSV.
    public var sheet: String?
    /// The text encoding's name ("UTF-8", "Windows-1252"), for CSV.
    public var encoding: String?
    /// The field delimiter, for CSV.
    public var delimiter: UInt8?
    public var decimalSeparator: DecimalSeparator?
    public var decimalSeparatorGiven = false
    public var dateOrder: DateOrder?
    public var dateOrderGiven = false
    /// Data rows (blank lines not counted).
    public var rows = 0

    public init(source: String, sheet: String? = nil, encoding: String? = nil, delimiter: UInt8? = nil) {
        self.source = source
        self.sheet = sheet
        self.encoding = encoding
        self.delimiter = delimiter
    }
}
