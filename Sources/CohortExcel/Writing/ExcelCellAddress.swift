/// Where a cell is: the sheet's name as written, and 0-based row and column.
///
///     ExcelCellAddress(sheet: "KPIs", row: 0, column: 1).reference   // "B1"
public struct ExcelCellAddress: Sendable, Hashable {
    public var sheet: String
    public var row: Int
    public var column: Int

    public init(sheet: String, row: Int, column: Int) {
        self.sheet = sheet
        self.row = row
        self.column = column
    }

    /// The cell in A1 notation, without the sheet.
    public var reference: String { ExcelRange.cellReference(row: row, column: column) }
}
