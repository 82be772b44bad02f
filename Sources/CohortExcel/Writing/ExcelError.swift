/// Why a workbook could not be written. One case per kind of failure, with where it happened.
///
/// Facts only (paths, `errno`, libxlsxwriter's code and the C function that returned it);
/// the caller's vocabulary turns them into sentences.
public enum ExcelError: Error, Sendable, Hashable {
    /// libxlsxwriter refused a call: `function` is the C function, `cell` where it was
    /// writing (nil for workbook-level calls), `sheet` the sheet's name as written.
    case library(XLSXWriterCode, function: String, sheet: String?, cell: ExcelCellAddress?)
    /// A sheet has more rows or columns than Excel allows (1,048,576 × 16,384).
    case sheetTooLarge(sheet: String, rows: Int, columns: Int)
    /// A range (color scale, filter, frozen panes) lies outside Excel's grid or is reversed.
    case rangeOutsideGrid(sheet: String, range: ExcelRange)
    /// A column width that is negative, NaN or wider than Excel's 255.
    case invalidColumnWidth(sheet: String, column: Int, width: Double)
    /// The private temporary directory could not be made (`errno` from `mkdtemp`).
    case temporaryDirectory(path: String, errno: Int32)
    /// The written workbook could not be read back from the temporary directory.
    case readingBack(path: String, errno: Int32)
    /// The workbook could not be written to its destination (`errno` of the failing call).
    case writing(path: String, errno: Int32)
}
