import CohortExcel

/// What openpyxl should read for each cell of a sheet, derived from the model alone.
enum ExpectedCells {
    static func of(_ sheet: ExcelSheet) -> [ReadSheet.Cell] {
        var cells: [ReadSheet.Cell] = []
        for (row, values) in sheet.rows.enumerated() {
            for (column, value) in values.enumerated() {
                if let cell = expected(value, row: row, column: column) { cells.append(cell) }
            }
        }
        return cells
    }

    static func expected(_ value: ExcelCell, row: Int, column: Int) -> ReadSheet.Cell? {
        func cell(_ type: String, format: String? = nil, bold: Bool = false, text: String? = nil,
                  number: Double? = nil, date: String? = nil) -> ReadSheet.Cell {
            ReadSheet.Cell(row: row, column: column, type: type, format: format ?? "General", bold: bold,
                           bottomBorder: bold ? "thin" : nil, text: text, number: number, date: date,
                           time: date == nil ? nil : "00:00:00")
        }
        switch value {
        case .empty: return nil
        case .text(let text): return cell("s", text: text)
        case .header(let text): return cell("s", bold: true, text: text)
        case .number(let number, let format): return cell("n", format: format.code, number: number)
        case .integer(let number): return cell("n", format: "#,##0", number: Double(number))
        case .date(let date, let format): return cell("d", format: format.code, date: date.description)
        }
    }
}
