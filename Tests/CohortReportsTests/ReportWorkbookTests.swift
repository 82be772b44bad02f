import CohortCore
import CohortExcel
@testable import CohortReports
import CohortVocabulary
import Foundation
import Testing

/// The workbook's sheets as values, on a hand-computed example; report.xlsx of the bundled example
/// is read back with openpyxl in CohortJobTests.
struct ReportWorkbookTests {
    /// A buys 10.00 in Jan and 5.00 in Feb, B buys 20.00 in Jan only; C buys 7.00 in Feb.
    private func analysis() throws -> CohortAnalysis {
        var table = OrderTable()
        let a = table.internCustomer("A"), b = table.internCustomer("B"), c = table.internCustomer("C")
        table.append(customer: a, day: CivilDate(year: 2026, month: 1, day: 3)!.dayNumber, amount: 1_000, order: nil)
        table.append(customer: b, day: CivilDate(year: 2026, month: 1, day: 4)!.dayNumber, amount: 2_000, order: nil)
        table.append(customer: a, day: CivilDate(year: 2026, month: 2, day: 28)!.dayNumber, amount: 500, order: nil)
        table.append(customer: c, day: CivilDate(year: 2026, month: 2, day: 10)!.dayNumber, amount: 700, order: nil)
        return try CohortAnalysis(table: table)
    }

    private func workbook(_ language: Language, currency: String = "EUR") throws -> ReportWorkbook {
        ReportWorkbook(analysis: try analysis(), settings: ReportSettings(language: language, currency: currency, company: "Muster GmbH",
                                                                          generatedAt: Date(timeIntervalSince1970: 1_767_225_600)))
    }

    @Test func theRetentionTriangleIsWide() throws {
        let sheet = try workbook(.english).triangleSheet(.retention)
        let percent = ExcelNumberFormat.percent(places: 1), month = ExcelNumberFormat.custom("yyyy-mm")
        #expect(sheet.name == "Retention")
        #expect(sheet.rows[0] == [.header("Cohort"), .header("Cohort size"), .header("M0"), .header("M1")])
        // January: A and B, A back in February → 1/2; February: C alone.
        #expect(sheet.rows[1] == [.date(CivilDate(year: 2026, month: 1, day: 1)!, month), .integer(2), .number(1, percent), .number(0.5, percent)])
        #expect(sheet.rows[2] == [.date(CivilDate(year: 2026, month: 2, day: 1)!, month), .integer(1), .number(1, percent)])
        // Averages: age 0 (2 + 1) / (2 + 1); age 1 over January only: 1/2.
        #expect(sheet.rows[3] == [.header("Average"), .empty, .number(1, percent), .number(0.5, percent)])
        #expect(sheet.frozenRows == 1 && sheet.frozenColumns == 2)
        // Both cohorts are smaller than 30: nothing is colored, and a note says so.
        #expect(sheet.colorScales.isEmpty)
        #expect(sheet.rows.contains([.text(Language.english.words.uncoloredSmallCohorts(below: 30))]))
    }

    @Test func moneyIsInTheReportCurrencyOnTheLanguagesSide() throws {
        let german = try workbook(.german).triangleSheet(.revenue), english = try workbook(.english, currency: "USD").triangleSheet(.revenue)
        #expect(german.name == "Umsatz")
        #expect(german.rows[1][2] == .number(30, .money(ExcelCurrency(symbol: "€", placement: .after), places: 0)))
        #expect(english.rows[1][3] == .number(5, .money(ExcelCurrency(symbol: "$", placement: .before), places: 0)))
        // Revenue is a sum, not a rate: no average row.
        #expect(!german.rows.contains { $0.first == .header("Durchschnitt") })
        let perCustomer = try workbook(.german).triangleSheet(.revenuePerCustomer)
        // (30 + 5) / 2 = 17.50 per January customer at age 1.
        #expect(perCustomer.rows[1][3] == .number(17.5, .money(.euro, places: 2)))
    }

    @Test func colorScalesSkipAgeZeroAndSmallCohorts() throws {
        var analysis = try analysis()
        analysis.options.minimumCohortSize = 2
        let sheet = ReportWorkbook(analysis: analysis, settings: ReportSettings()).triangleSheet(.grossRevenueRetention)
        // January (2 customers) is colored from M1 (column D); February (1) is not.
        #expect(sheet.colorScales.map(\.range) == [ExcelRange(rows: 1 ... 1, columns: 3 ... 3)])
        #expect(sheet.colorScales.first?.minimum.threshold == .number(0) && sheet.colorScales.first?.maximum.threshold == .number(1))
    }

    /// The hook for other tables (the segment table): bold header, frozen, filtered, fitted.
    @Test func aTableSheetForAnyTable() throws {
        let sheet = try workbook(.german).tableSheet(name: "Segmente", header: ["Segment", "Kunden", "Bindung", "Umsatz"],
                                                     rows: [[.text("Handel"), .count(412), .percent(0.25), .money(Money(minorUnits: 123_456))],
                                                            [.text("Industrie"), .count(7), .percent(nil), .amount(nil)]])
        #expect(sheet.rows[0] == ["Segment", "Kunden", "Bindung", "Umsatz"].map(ExcelCell.header))
        #expect(sheet.rows[1] == [.text("Handel"), .integer(412), .number(0.25, .percent(places: 1)), .number(1234.56, .money(.euro, places: 2))])
        #expect(sheet.rows[2] == [.text("Industrie"), .integer(7), .empty, .empty])
        #expect(sheet.frozenRows == 1 && sheet.frozenColumns == 1 && sheet.autofilter == ExcelRange(rows: 0 ... 2, columns: 0 ... 3))
        #expect(sheet.columnWidths.count == 4 && sheet.columnWidths.allSatisfy { $0 != nil })
    }

    @Test func theReportHasEverySheetAndWritesTheSameBytesTwice() throws {
        let workbook = try workbook(.german)
        #expect(workbook.workbook().sheets.map(\.name) == ["Übersicht", "Kundenbindung", "Umsatzbindung", "Bruttoumsatzbindung", "Umsatz",
                                                           "Umsatz je Kunde", "Kennzahlen je Monat", "Bindungskurve"])
        #expect(workbook.workbook().properties.company == "Muster GmbH")
        let data = try workbook.data()
        #expect(data.prefix(2) == Data("PK".utf8))
        #expect(try workbook.data() == data)
    }
}
