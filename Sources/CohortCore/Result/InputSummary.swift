/// Where the orders came from and how many rows were read; filled by the caller
/// (ingestion knows it, the analysis only carries it to the reports).
public struct InputSummary: Sendable, Codable, Equatable {
    /// File names as given (or "-" for standard input).
    public var sources: [String]
    /// Data rows read, rejected rows included.
    public var rowsRead: Int
    /// Rows that could not be read (bad date, amount, empty customer id, ...).
    public var rowsRejected: Int
    /// Rows skipped because an earlier file had the same order line (overlapping exports).
    public var rowsDuplicated: Int
    /// How each file was read, one line per file ("orders.csv: CSV, UTF-8, ';' delimited, decimal comma (detected), ...").
    public var formats: [String]
    /// Data-quality warnings from reading, one line each (dates far in the past or in the future, other currencies, ...).
    public var warnings: [String]
    /// `formats` and `warnings` in German, line for line, for a German report (empty when
    /// read from a JSON written before they were kept: the report then shows the English ones).
    public var germanFormats: [String]
    public var germanWarnings: [String]

    public init(sources: [String] = [], rowsRead: Int = 0, rowsRejected: Int = 0, rowsDuplicated: Int = 0,
                formats: [String] = [], warnings: [String] = [], germanFormats: [String] = [], germanWarnings: [String] = []) {
        self.sources = sources
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.rowsDuplicated = rowsDuplicated
        self.formats = formats
        self.warnings = warnings
        self.germanFormats = germanFormats
        self.germanWarnings = germanWarnings
    }

    private enum CodingKeys: String, CodingKey {
        case sources, rowsRead, rowsRejected, rowsDuplicated, formats, warnings, germanFormats, germanWarnings
    }

    /// Decodes, taking the fields added later as empty when an older JSON lacks them.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sources = try container.decodeIfPresent([String].self, forKey: .sources) ?? []
        rowsRead = try container.decodeIfPresent(Int.self, forKey: .rowsRead) ?? 0
        rowsRejected = try container.decodeIfPresent(Int.self, forKey: .rowsRejected) ?? 0
        rowsDuplicated = try container.decodeIfPresent(Int.self, forKey: .rowsDuplicated) ?? 0
        formats = try container.decodeIfPresent([String].self, forKey: .formats) ?? []
        warnings = try container.decodeIfPresent([String].self, forKey: .warnings) ?? []
        germanFormats = try container.decodeIfPresent([String].self, forKey: .germanFormats) ?? []
        germanWarnings = try container.decodeIfPresent([String].self, forKey: .germanWarnings) ?? []
    }
}
