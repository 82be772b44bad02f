import CohortCore

/// Why the input cannot be used at all, with the file, and the line and column where the
/// problem is when there is one; the vocabulary words it as one line
/// ("orders.csv:17: a quoted field starts here and never ends (a missing closing ")").
public enum IngestError: Error, Equatable {
    case cannotRead(source: String, reason: ReadProblem)
    case noMatchingFile(pattern: String)
    case emptyFile(source: String)
    case noDataRows(source: String)
    case binaryFile(source: String)
    /// A compressed file, an archive, an old .xls, a PDF: recognized, but no text to read.
    case notText(source: String, signature: FileSignature)
    case unknownEncoding(source: String, line: Int, byte: UInt8)
    case unterminatedQuote(source: String, line: Int)
    case columnNotFound(source: String, line: Int, role: ColumnRole, name: String, suggestion: String?)
    case noColumnDetected(source: String, line: Int, role: ColumnRole, header: [String], suggestion: String?)
    case ambiguousColumn(source: String, line: Int, role: ColumnRole, candidates: [String])
    case duplicateColumn(source: String, line: Int, name: String)
    /// Every `03/04/2026` of the file reads both ways and no date tells which.
    case ambiguousDateOrder(source: String, line: Int, column: String, text: String, dayFirst: CivilDate, monthFirst: CivilDate)
    /// Every `1.500` of the file reads both ways and no amount tells which.
    case ambiguousDecimalSeparator(source: String, line: Int, column: String, text: String)
    case sheetNotFound(source: String, name: String, sheets: [String])
    case emptySheet(source: String, sheet: String)
    case unreadableWorkbook(source: String, reason: WorkbookProblem)
    case rejectedRow(RejectedRow)
    case tooManyRejected(rejected: Int, read: Int, limitPercent: Double, first: RejectedRow)
    /// A `--segment-by` column is in none of the files read (the orders, and the customer file when given).
    case segmentColumnNotFound(name: String, sources: [String], suggestion: String?)
    /// The system could not give the memory an id table, or a partition of a large file read back, needs.
    case outOfMemory(bytes: Int)
    /// The order lines of a large file could not be written to, or read back from, the temporary
    /// directory (`TMPDIR`, else /var/tmp: `OrderReader.spillDirectory`).
    case cannotSpill(directory: String, reason: String)
    /// The header has more fields than a table of orders can mean (`ReadLimits.maximumColumns`).
    case tooManyColumns(source: String, line: Int, count: Int, limit: Int)
    /// A record (a line, or a quoted field over several lines) longer than `ReadLimits.maximumRecordBytes`.
    case recordTooLong(source: String, line: Int, megabytes: Int)
    /// The file became shorter while it was read (truncated or replaced by another program).
    case changedWhileRead(source: String)
    /// A named pipe (FIFO) that no program wrote to within `seconds`.
    case noWriter(source: String, seconds: Int)
}
