/// Column widths that fit the cells' shown text, as Excel's "AutoFit" would.
extension ExcelSheet {
    /// Sets every column's width to fit its widest cell (see ``fittedColumnWidths(minimum:maximum:)``).
    public mutating func fitColumnWidths(minimum: Double = 6, maximum: Double = 60) {
        columnWidths = fittedColumnWidths(minimum: minimum, maximum: maximum).map { $0 }
    }

    /// For each column, the width of its widest cell as Excel would show it, plus a
    /// margin, within `minimum...maximum` (Excel's character units).
    ///
    /// Text counts one unit a character (two for East Asian wide ones), bold headings a
    /// tenth more; numbers count the digits, separators and symbol their format shows;
    /// a header row with filter buttons gets room for the button.
    ///
    /// Complexity: O(*n*) in the number of cells and their text.
    public func fittedColumnWidths(minimum: Double = 6, maximum: Double = 60) -> [Double] {
        var widths = Array(repeating: 0.0, count: columnCount)
        for (rowIndex, row) in rows.enumerated() {
            for (column, cell) in row.enumerated() {
                var width = cell.shownWidth
                if let autofilter, rowIndex == autofilter.firstRow, autofilter.columns.contains(column) {
                    width += Self.filterButtonWidth
                }
                widths[column] = max(widths[column], width)
            }
        }
        return widths.map { min(max($0 + Self.margin, minimum), maximum) }
    }

    /// Room on either side of the text, so that it does not touch the grid lines.
    static let margin = 2.0
    /// The drop-down button of a filtered header cell.
    static let filterButtonWidth = 2.0
}
