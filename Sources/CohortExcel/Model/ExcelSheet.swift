/// One worksheet: a grid of cells, row by row, with its layout.
///
/// Rows may have different lengths; missing cells are empty. Row and column
/// indices everywhere in this module start at 0 (row 0 is Excel's row 1, column 0 is A).
///
///     var sheet = ExcelSheet(name: "KPIs")
///     sheet.rows = [[.header("Month"), .header("Revenue")],
///                   [.date(CivilDate(year: 2026, month: 1, day: 1)!), .number(1234.5, .money(.euro, places: 2))]]
///     sheet.frozenRows = 1
///     sheet.filterHeaderRow()
///     sheet.fitColumnWidths()
public struct ExcelSheet: Sendable, Hashable {
    /// The tab name. Made valid when written: at most 31 characters, none of `[]:*?/\`,
    /// no apostrophe at either end, unique within the workbook (ignoring case).
    public var name: String
    public var rows: [[ExcelCell]]
    /// Widths in Excel's character units (the width of a digit in the default font), by
    /// column; `nil` or a missing entry keeps Excel's default (8.43). See ``fitColumnWidths(minimum:maximum:)``.
    public var columnWidths: [Double?]
    /// Rows kept in view when scrolling down (1 = the header row).
    public var frozenRows: Int
    /// Columns kept in view when scrolling right (1 = the first column).
    public var frozenColumns: Int
    /// Conditional color scales, like the heat maps of the charts.
    public var colorScales: [ExcelColorScale]
    /// The range with filter buttons in its first row, if any.
    public var autofilter: ExcelRange?

    public init(name: String, rows: [[ExcelCell]] = [], columnWidths: [Double?] = [], frozenRows: Int = 0,
                frozenColumns: Int = 0, colorScales: [ExcelColorScale] = [], autofilter: ExcelRange? = nil) {
        self.name = name
        self.rows = rows
        self.columnWidths = columnWidths
        self.frozenRows = frozenRows
        self.frozenColumns = frozenColumns
        self.colorScales = colorScales
        self.autofilter = autofilter
    }

    /// The number of columns: the length of the longest row.
    public var columnCount: Int { rows.reduce(0) { max($0, $1.count) } }

    /// The cell at `row`, `column`; `.empty` outside the grid.
    public subscript(row: Int, column: Int) -> ExcelCell {
        guard rows.indices.contains(row), rows[row].indices.contains(column) else { return .empty }
        return rows[row][column]
    }

    /// Puts filter buttons on `headerRow` over every column, filtering the rows below it.
    public mutating func filterHeaderRow(_ headerRow: Int = 0) {
        let lastRow = max(headerRow, rows.count - 1)
        autofilter = ExcelRange(rows: headerRow...lastRow, columns: 0...max(0, columnCount - 1))
    }
}
