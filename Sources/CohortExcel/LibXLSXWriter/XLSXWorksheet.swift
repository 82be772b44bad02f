import CXLSXWriter

/// One sheet of an ``XLSXWorkbook``: cells, column widths, panes, filter and color scales.
///
/// The sheet belongs to its workbook and lives as long as it; the pointer is never kept
/// beyond the workbook's writing. Indices are checked against Excel's grid by the caller
/// (``ExcelWriter``) before they are narrowed to libxlsxwriter's `UInt32`/`UInt16`.
struct XLSXWorksheet {
    static let rowLimit = Int(LXW_ROW_MAX)
    static let columnLimit = Int(LXW_COL_MAX)

    let pointer: UnsafeMutablePointer<lxw_worksheet>
    /// The name as written, for errors and warnings.
    let name: String

    func writeString(_ text: String, row: Int, column: Int, format: UnsafeMutablePointer<lxw_format>?) throws(ExcelError) {
        try check(worksheet_write_string(pointer, lxw_row_t(row), lxw_col_t(column), text, format),
                  "worksheet_write_string", row: row, column: column)
    }

    func writeNumber(_ value: Double, row: Int, column: Int, format: UnsafeMutablePointer<lxw_format>?) throws(ExcelError) {
        try check(worksheet_write_number(pointer, lxw_row_t(row), lxw_col_t(column), value, format),
                  "worksheet_write_number", row: row, column: column)
    }

    func writeBlank(row: Int, column: Int, format: UnsafeMutablePointer<lxw_format>?) throws(ExcelError) {
        guard format != nil else { return }
        try check(worksheet_write_blank(pointer, lxw_row_t(row), lxw_col_t(column), format),
                  "worksheet_write_blank", row: row, column: column)
    }

    func writeDate(year: Int, month: Int, day: Int, row: Int, column: Int,
                   format: UnsafeMutablePointer<lxw_format>?) throws(ExcelError) {
        var date = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
        try check(worksheet_write_datetime(pointer, lxw_row_t(row), lxw_col_t(column), &date, format),
                  "worksheet_write_datetime", row: row, column: column)
    }

    func setColumnWidth(_ width: Double, column: Int) throws(ExcelError) {
        try check(worksheet_set_column(pointer, lxw_col_t(column), lxw_col_t(column), width, nil),
                  "worksheet_set_column", row: 0, column: column)
    }

    func freezePanes(rows: Int, columns: Int) {
        worksheet_freeze_panes(pointer, lxw_row_t(rows), lxw_col_t(columns))
    }

    func autofilter(_ range: ExcelRange) throws(ExcelError) {
        try check(worksheet_autofilter(pointer, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
                                       lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn)),
                  "worksheet_autofilter", row: range.firstRow, column: range.firstColumn)
    }

    func addColorScale(_ scale: ExcelColorScale) throws(ExcelError) {
        var options = lxw_conditional_format()
        let (minimumRule, minimumValue) = Self.rule(scale.minimum.threshold, end: .minimum)
        options.min_rule_type = minimumRule
        options.min_value = minimumValue
        options.min_color = Self.color(scale.minimum.color)
        let (maximumRule, maximumValue) = Self.rule(scale.maximum.threshold, end: .maximum)
        options.max_rule_type = maximumRule
        options.max_value = maximumValue
        options.max_color = Self.color(scale.maximum.color)
        if let midpoint = scale.midpoint {
            options.type = UInt8(LXW_CONDITIONAL_3_COLOR_SCALE.rawValue)
            let (middleRule, middleValue) = Self.rule(midpoint.threshold, end: nil)
            options.mid_rule_type = middleRule
            options.mid_value = middleValue
            options.mid_color = Self.color(midpoint.color)
        } else {
            options.type = UInt8(LXW_CONDITIONAL_2_COLOR_SCALE.rawValue)
        }
        let range = scale.range
        try check(worksheet_conditional_format_range(pointer, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
                                                     lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn), &options),
                  "worksheet_conditional_format_range", row: range.firstRow, column: range.firstColumn)
    }

    private enum End { case minimum, maximum }

    /// libxlsxwriter's rule type and value for a threshold. It takes "minimum" only at the
    /// low end and "maximum" only at the high end (elsewhere it would silently use its
    /// defaults), so the lowest and highest values in the middle are 0 and 100 percent.
    private static func rule(_ threshold: ExcelColorScale.Threshold, end: End?) -> (UInt8, Double) {
        func type(_ rule: lxw_conditional_format_rule_types) -> UInt8 { UInt8(rule.rawValue) }
        switch threshold {
        case .lowest: return end == .minimum ? (type(LXW_CONDITIONAL_RULE_TYPE_MINIMUM), 0) : (type(LXW_CONDITIONAL_RULE_TYPE_PERCENT), 0)
        case .highest: return end == .maximum ? (type(LXW_CONDITIONAL_RULE_TYPE_MAXIMUM), 0) : (type(LXW_CONDITIONAL_RULE_TYPE_PERCENT), 100)
        case .number(let value): return (type(LXW_CONDITIONAL_RULE_TYPE_NUMBER), value)
        case .percent(let value): return (type(LXW_CONDITIONAL_RULE_TYPE_PERCENT), value)
        case .percentile(let value): return (type(LXW_CONDITIONAL_RULE_TYPE_PERCENTILE), value)
        }
    }

    /// libxlsxwriter reads 0x000000 as "no color"; black is its `LXW_COLOR_BLACK`.
    private static func color(_ color: ExcelColor) -> lxw_color_t {
        color.rgb == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : color.rgb
    }

    private func check(_ code: lxw_error, _ function: String, row: Int, column: Int) throws(ExcelError) {
        guard code != LXW_NO_ERROR else { return }
        throw .library(XLSXWriterCode(code), function: function, sheet: name,
                       cell: ExcelCellAddress(sheet: name, row: row, column: column))
    }
}
