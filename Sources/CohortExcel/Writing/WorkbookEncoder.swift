/// Hands one workbook's values to libxlsxwriter, collecting warnings on the way.
struct WorkbookEncoder {
    let xlsx: XLSXWorkbook
    var warnings: [ExcelWarning] = []
    var naming = SheetNaming()

    init(xlsx: XLSXWorkbook) {
        self.xlsx = xlsx
    }

    mutating func encode(_ workbook: ExcelWorkbook) throws(ExcelError) {
        try xlsx.setProperties(workbook.properties)
        for sheet in workbook.sheets {
            let name = naming.name(for: sheet.name)
            if name != sheet.name { warnings.append(.sheetRenamed(from: sheet.name, to: name)) }
            try Self.validate(sheet, name: name)
            let worksheet = try xlsx.addWorksheet(named: name)
            for (row, cells) in sheet.rows.enumerated() {
                for (column, cell) in cells.enumerated() {
                    try write(cell, to: worksheet, at: ExcelCellAddress(sheet: name, row: row, column: column))
                }
            }
            try layOut(sheet, on: worksheet)
        }
        try xlsx.close()
    }

    private mutating func write(_ cell: ExcelCell, to worksheet: XLSXWorksheet, at address: ExcelCellAddress) throws(ExcelError) {
        let (row, column) = (address.row, address.column)
        switch cell {
        case .empty:
            return
        case .text(let text), .header(let text):
            let format = cell.isHeader ? xlsx.format(.header) : nil
            let prepared = CellText(text)
            if let length = prepared.truncatedFrom {
                warnings.append(.textTruncated(address, length: length, limit: CellText.limit))
            }
            if prepared.replacedCharacters > 0 {
                warnings.append(.charactersReplaced(address, count: prepared.replacedCharacters))
            }
            if prepared.written.isEmpty {
                try worksheet.writeBlank(row: row, column: column, format: format)
            } else {
                try worksheet.writeString(prepared.written, row: row, column: column, format: format)
            }
        case .number(let value, let numberFormat):
            let format = xlsx.format(XLSXFormatKey(numberFormat: numberFormat.code))
            guard value.isFinite else {
                warnings.append(.nonFiniteNumberLeftEmpty(address))
                try worksheet.writeBlank(row: row, column: column, format: format)
                return
            }
            try worksheet.writeNumber(value, row: row, column: column, format: format)
        case .integer(let value):
            try worksheet.writeNumber(Double(value), row: row, column: column,
                                      format: xlsx.format(XLSXFormatKey(numberFormat: ExcelNumberFormat.integer.code)))
        case .date(let date, let numberFormat):
            let format = xlsx.format(XLSXFormatKey(numberFormat: numberFormat.code ?? ExcelNumberFormat.date.code))
            try worksheet.writeDate(year: date.year, month: date.month, day: date.day, row: row, column: column, format: format)
        }
    }

    private func layOut(_ sheet: ExcelSheet, on worksheet: XLSXWorksheet) throws(ExcelError) {
        for (column, width) in sheet.columnWidths.enumerated() {
            guard let width else { continue }
            try worksheet.setColumnWidth(width, column: column)
        }
        if sheet.frozenRows > 0 || sheet.frozenColumns > 0 {
            worksheet.freezePanes(rows: sheet.frozenRows, columns: sheet.frozenColumns)
        }
        if let autofilter = sheet.autofilter {
            try worksheet.autofilter(autofilter)
        }
        for scale in sheet.colorScales {
            try worksheet.addColorScale(scale)
        }
    }

    /// Everything libxlsxwriter would reject or that would not fit its index types, as facts.
    private static func validate(_ sheet: ExcelSheet, name: String) throws(ExcelError) {
        let rowLimit = XLSXWorksheet.rowLimit, columnLimit = XLSXWorksheet.columnLimit
        if sheet.rows.count > rowLimit || sheet.columnCount > columnLimit || sheet.columnWidths.count > columnLimit {
            throw .sheetTooLarge(sheet: name, rows: sheet.rows.count, columns: max(sheet.columnCount, sheet.columnWidths.count))
        }
        for (column, width) in sheet.columnWidths.enumerated() {
            if let width, !(0...255).contains(width) {
                throw .invalidColumnWidth(sheet: name, column: column, width: width)
            }
        }
        if !(0..<rowLimit).contains(sheet.frozenRows) || !(0..<columnLimit).contains(sheet.frozenColumns) {
            throw .rangeOutsideGrid(sheet: name, range: ExcelRange(rows: 0...max(0, sheet.frozenRows),
                                                                   columns: 0...max(0, sheet.frozenColumns)))
        }
        for range in sheet.colorScales.map(\.range) + (sheet.autofilter.map { [$0] } ?? []) {
            guard range.firstRow >= 0, range.firstRow <= range.lastRow, range.lastRow < rowLimit,
                  range.firstColumn >= 0, range.firstColumn <= range.lastColumn, range.lastColumn < columnLimit else {
                throw .rangeOutsideGrid(sheet: name, range: range)
            }
        }
    }
}

private extension ExcelCell {
    var isHeader: Bool {
        if case .header = self { return true }
        return false
    }
}
