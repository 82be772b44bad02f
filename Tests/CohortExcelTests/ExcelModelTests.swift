import CohortCore
@testable import CohortExcel
import Testing

struct ExcelNumberFormatTests {
    @Test func codes() {
        #expect(ExcelNumberFormat.general.code == nil)
        #expect(ExcelNumberFormat.integer.code == "#,##0")
        #expect(ExcelNumberFormat.decimal(places: 2).code == "#,##0.00")
        #expect(ExcelNumberFormat.percent(places: 0).code == "0%")
        #expect(ExcelNumberFormat.percent(places: 1).code == "0.0%")
        #expect(ExcelNumberFormat.money(.euro, places: 2).code == #"#,##0.00 "€""#)
        #expect(ExcelNumberFormat.money(.dollar, places: 2).code == ##""$"#,##0.00"##)
        #expect(ExcelNumberFormat.money(ExcelCurrency(symbol: "CHF", placement: .before), places: 0).code == ##""CHF"#,##0"##)
        #expect(ExcelNumberFormat.money(ExcelCurrency(symbol: "a\"b", placement: .after), places: 0).code == #"#,##0 "ab""#)
        #expect(ExcelNumberFormat.date.code == "yyyy-mm-dd")
        #expect(ExcelNumberFormat.custom("yyyy-mm").code == "yyyy-mm")
        #expect(ExcelNumberFormat.custom("").code == nil)
        #expect(ExcelNumberFormat.percent(places: -2).code == "0%")
    }
}

struct ExcelRangeTests {
    @Test func referencesInA1Notation() {
        #expect(ExcelRange(rows: 1...12, columns: 2...14).reference == "C2:O13")
        #expect(ExcelRange(rows: 0...0, columns: 0...0).reference == "A1")
        #expect(ExcelRange.columnName(25) == "Z")
        #expect(ExcelRange.columnName(26) == "AA")
        #expect(ExcelRange.columnName(701) == "ZZ")
        #expect(ExcelRange.columnName(16_383) == "XFD")
        #expect(ExcelCellAddress(sheet: "S", row: 9, column: 27).reference == "AB10")
    }

    @Test func colorsInHex() {
        #expect(ExcelColor(rgb: 0x63BE7B) == ExcelColor(red: 0x63, green: 0xBE, blue: 0x7B))
        #expect(ExcelColor(rgb: 0x0000FF).hex == "0000FF")
        #expect(ExcelColor(rgb: 0xFF63BE7B).rgb == 0x63BE7B)
    }
}

struct ColumnWidthTests {
    @Test func widthsFitTheWidestShownText() {
        var sheet = ExcelSheet(name: "W", rows: [
            [.header("Kohorte"), .header("Umsatz"), .header("Rate"), .text("")],
            [.text("2026-01"), .number(1_234_567.891, .money(.euro, places: 2)), .number(0.4567, .percent(places: 1)), .date(CivilDate(year: 2026, month: 1, day: 1)!)],
            [.text("Zeile eins\nlängere zweite Zeile"), .number(-5, .money(.dollar, places: 0)), .integer(1_000_000)],
            [.text("北京")],
        ])
        let expected: [Double] = [
            22,  // "längere zweite Zeile", 20 characters, and the margin
            16,  // "1,234,567.89 €": 7 digits, 2 separators, 3 for the decimals, space and symbol
            11,  // "1,000,000" is wider than "45.7%" and the header
            12,  // a date: 10
        ]
        #expect(sheet.fittedColumnWidths(minimum: 0, maximum: 100) == expected)
        #expect(sheet.fittedColumnWidths(minimum: 15, maximum: 20) == [20, 16, 15, 15])
        sheet.filterHeaderRow()
        #expect(sheet.autofilter == ExcelRange(rows: 0...3, columns: 0...3))
        // The filter button needs room beside the header: "Kohorte" × 1.1 + button + margin.
        let filtered = ExcelSheet(name: "F", rows: [[.header("Kohorte")]], autofilter: ExcelRange(rows: 0...0, columns: 0...0))
        let buttonWidth: Double = 7 * 1.1 + 2 + 2
        #expect(filtered.fittedColumnWidths(minimum: 0) == [buttonWidth])
        sheet.fitColumnWidths()
        #expect(sheet.columnWidths == expected)
    }

    @Test func wideCharactersCountTwice() {
        #expect(ExcelCell.text("北京客户").shownWidth == 8)
        #expect(ExcelCell.text("abc").shownWidth == 3)
    }
}
