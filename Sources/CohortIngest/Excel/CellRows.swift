/// The cells of one worksheet as rows of byte fields, the shape `RowReader` reads CSV in.
///
/// All cell texts live in one byte array; each row is a run of `FieldRange`s into it,
/// with empty fields for the cells a sparse row leaves out, and the sheet's own row
/// number as its line.
struct CellRows {
    /// One cell as the sheet gives it.
    struct Cell {
        /// 0 for column A.
        var column: Int
        var text: String
        /// A cell stored as a number (an amount as a double, a date as a serial day).
        var isNumber: Bool
    }

    private(set) var bytes: [UInt8] = []
    private(set) var fields: [FieldRange] = []
    /// Row `r` has the fields `rowStart[r] ..< rowStart[r + 1]`.
    private(set) var rowStart: [Int] = [0]
    /// Row index → the sheet's row number (1-based, as Excel shows it).
    private(set) var rowNumber: [Int] = []
    /// The most fields any row has: Excel leaves out a row's empty cells at the end, so rows are read padded to this.
    private(set) var width = 0

    var rowCount: Int { rowNumber.count }

    /// Appends a row; `cells` may come in any order and leave gaps, which read as empty.
    mutating func appendRow(number: Int, cells: [Cell]) {
        let width = (cells.map(\.column).max() ?? -1) + 1
        let first = fields.count
        for _ in 0 ..< width { fields.append(FieldRange(start: bytes.count, end: bytes.count)) }
        for cell in cells {
            let start = bytes.count
            bytes.append(contentsOf: cell.text.utf8)
            fields[first + cell.column] = FieldRange(start: start, end: bytes.count, isNumber: cell.isNumber)
        }
        rowStart.append(fields.count)
        rowNumber.append(number)
        self.width = max(self.width, width)
    }

    /// The fields of row index `row`.
    func fields(ofRow row: Int) -> ArraySlice<FieldRange> {
        fields[rowStart[row] ..< rowStart[row + 1]]
    }
}
