import CohortCore
import CohortExcel
import Foundation

/// Workbooks for the writer tests, shaped like the report's: a summary, a retention
/// triangle with its cohort sizes and a color scale, and a customer list.
enum ExcelFixture {
    static let euro = ExcelNumberFormat.money(.euro, places: 2)
    static let dollar = ExcelNumberFormat.money(.dollar, places: 0)
    static let percent = ExcelNumberFormat.percent(places: 1)

    static func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: month, day: day)! }

    static let summary = ExcelSheet(
        name: "Übersicht",
        rows: [
            [.header("Kennzahl"), .header("Wert")],
            [.text("Kunden"), .integer(1_234)],
            [.text("Umsatz"), .number(98_765.43, euro)],
            [.text("Umsatz (USD)"), .number(-1_500, dollar)],
            [.text("Bruttoumsatzbindung"), .number(0.8765, percent)],
            [.text("Stichtag"), .date(date(2026, 2, 28))],
            [.text("Monat"), .date(date(2026, 1, 1), .custom("yyyy-mm"))],
            [.text("Faktor"), .number(1.0 / 3.0, .general)],
            [.text("Quote"), .number(0.5, .decimal(places: 3))],
        ],
        frozenRows: 1, frozenColumns: 1)

    /// Three cohorts, ages 0–2, wide: cohort, size, then one column per age.
    static var triangle: ExcelSheet {
        var sheet = ExcelSheet(
            name: "Retention",
            rows: [
                [.header("Kohorte"), .header("Größe"), .header("M0"), .header("M1"), .header("M2")],
                [.date(date(2025, 11, 1), .custom("yyyy-mm")), .integer(120), .number(1, percent), .number(0.45, percent), .number(0.3, percent)],
                [.date(date(2025, 12, 1), .custom("yyyy-mm")), .integer(95), .number(1, percent), .number(0.5, percent)],
                [.date(date(2026, 1, 1), .custom("yyyy-mm")), .integer(143), .number(1, percent)],
            ],
            frozenRows: 1, frozenColumns: 2,
            colorScales: [
                ExcelColorScale(range: ExcelRange(rows: 1...3, columns: 2...4),
                                minimum: .init(.lowest, ExcelColor(rgb: 0xF8696B)),
                                midpoint: .init(.percentile(50), ExcelColor(rgb: 0xFFEB84)),
                                maximum: .init(.highest, ExcelColor(rgb: 0x63BE7B))),
                ExcelColorScale(range: ExcelRange(rows: 1...3, columns: 1...1),
                                minimum: .init(.number(0), ExcelColor(rgb: 0xFFFFFF)),
                                maximum: .init(.percent(90), ExcelColor(rgb: 0x000000))),
            ])
        sheet.fitColumnWidths()
        return sheet
    }

    static var customers: ExcelSheet {
        var sheet = ExcelSheet(
            name: "Kunden",
            rows: [
                [.header("Kunde"), .header("Erster Kauf"), .header("Umsatz")],
                [.text("Müller & Söhne GmbH"), .date(date(2024, 2, 29)), .number(1_234.5, euro)],
                [.text("=HYPERLINK(\"http://evil.example\",\"click\")"), .date(date(2025, 12, 31)), .number(0, euro)],
                [.text("北京客户"), .empty, .number(12.34, euro)],
            ],
            frozenRows: 1)
        sheet.filterHeaderRow()
        sheet.fitColumnWidths()
        return sheet
    }

    static var workbook: ExcelWorkbook {
        ExcelWorkbook(sheets: [summary, triangle, customers],
                      properties: ExcelDocumentProperties(title: "Kohortenanalyse", subject: "Retention", author: "cohort",
                                                          company: "Beispiel AG", keywords: "retention, cohort",
                                                          comments: "Test", created: Date(timeIntervalSince1970: 1_772_236_800)))
    }

    /// The width libxlsxwriter stores for `width` (whole pixels of Calibri 11: 7 a digit, 5 padding), as Excel does.
    static func storedWidth(_ width: Double) -> Double {
        let pixels = width < 1 ? Int(width * 12 + 0.5) : Int(width * 7 + 0.5) + 5
        return (Double(pixels) / 7 * 256).rounded(.down) / 256
    }
}
