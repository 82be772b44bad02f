/// Something the writer changed so that Excel accepts the workbook; the file was written.
///
/// Facts only: the caller's vocabulary turns them into sentences.
public enum ExcelWarning: Sendable, Hashable {
    /// A sheet name broke Excel's rules (length, `[]:*?/\`, apostrophes at the ends,
    /// control characters, a name already used) and was written as `to`.
    case sheetRenamed(from: String, to: String)
    /// Text longer than Excel's limit for one cell was cut to `limit` UTF-16 units
    /// (Excel's characters); `length` is the original length in the same units.
    case textTruncated(ExcelCellAddress, length: Int, limit: Int)
    /// Characters that a workbook cannot hold (NUL, U+FFFE, U+FFFF) were replaced by U+FFFD.
    case charactersReplaced(ExcelCellAddress, count: Int)
    /// A NaN or infinite number; Excel has none, so the cell was left empty.
    case nonFiniteNumberLeftEmpty(ExcelCellAddress)
}
