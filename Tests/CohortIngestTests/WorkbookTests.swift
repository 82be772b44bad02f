import CohortCore
@testable import CohortIngest
import Foundation
import Testing

/// Excel .xlsx fixtures (Tests/Fixtures/ingest/make_fixtures.py lays out their cells).
struct WorkbookTests {
    private func days(_ dates: [(Int, Int, Int)]) -> [Int32] {
        dates.map { Int32(CivilDate.dayNumber(year: $0.0, month: $0.1, day: $0.2)) }
    }

    @Test func firstSheetWithSharedStringsNumbersSerialDatesAndTextCells() throws {
        let result = try OrderReader().read(sources: [Fixture.path("orders.xlsx")])
        // Row 2: serial 46027 = 2026-01-05, 1234.5599999999999 → 1,234.56. Row 3: text "31.01.2026" and "99,90".
        // Row 4 is missing (blank). Row 5: numeric id 1001, serial 46054.75 = 2026-02-01 18:00, formula −34.5.
        // Row 6: #N/A in the amount is rejected. Row 7: rich text "Grün AG", cells out of order, no order id.
        #expect(result.rowsRead == 5)
        #expect(result.table.customerIDs == ["K-1", "K-2", "1001", "Grün AG"])
        #expect(result.table.day == days([(2026, 1, 5), (2026, 1, 31), (2026, 2, 1), (2026, 2, 3)]))
        #expect(result.table.amount == [123_456, 9_990, -3_450, 500])
        #expect(result.table.order == [0, 1, 2, 3])
        #expect(result.rejected.map(\.line) == [6])
        #expect(result.rejected.first?.reasonText == "'#N/A' is not a number")
        #expect(result.rejected.first?.rawText == "K-3,46055,#N/A,R-4")
        #expect(result.formats.first?.sheet == "Bestellungen")
        #expect(result.formats.first?.decimalSeparator == .comma) // from the text "99,90" on row 3
    }

    @Test func sheetByNameOrNumber() throws {
        for sheet in ["Rohdaten", "rohdaten", "2"] {
            let result = try OrderReader(options: ReadOptions(sheet: sheet)).read(sources: [Fixture.path("orders.xlsx")])
            #expect(result.table.customerIDs == ["X"])
            #expect(result.table.day == days([(2026, 1, 1)]))
            #expect(result.table.amount == [500])
        }
    }

    @Test func workbooksCountingFrom1904() throws {
        let result = try OrderReader().read(sources: [Fixture.path("orders-1904.xlsx")])
        #expect(result.table.day == days([(2026, 1, 1)])) // serial 44561 from 1904-01-01
        #expect(result.table.amount == [1_200])
    }

    @Test func sheetsLargerThan10MBAreRead() throws {
        // 120,000 rows of about 100 bytes: more than libxml2 takes in one chunk.
        var xml = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        for row in 1 ... 120_000 {
            xml += "<row r=\"\(row)\"><c r=\"A\(row)\" t=\"inlineStr\"><is><t>C\(row)</t></is></c><c r=\"B\(row)\"><v>46023</v></c></row>"
        }
        xml += "</sheetData></worksheet>"
        #expect(xml.utf8.count > 10_000_000)
        let parser = XLSXSheetParser(sharedStrings: [])
        try XLSXWorkbook.parse(Data(xml.utf8), with: parser, part: "sheet1.xml", source: "big.xlsx")
        #expect(parser.rows.rowCount == 120_000)
        #expect(parser.rows.rowNumber.last == 120_000)
    }

    @Test func partsThatAreNoUTF8AreRefusedBeforeXMLParserSeesThem() {
        // Found by the fuzz test: XMLParser traps on a byte that is no UTF-8 in an element name.
        let xml = Data("<sst>\n<si><tBetrag\u{1}".utf8) + Data([0xC3, 0x2E]) + Data("<si></sst>".utf8)
        #expect(throws: IngestError.unreadableWorkbook(source: "orders.xlsx", reason: .notUTF8(part: "xl/sharedStrings.xml", line: 2))) {
            try XLSXWorkbook.parse(xml, with: XLSXSharedStringsParser(), part: "xl/sharedStrings.xml", source: "orders.xlsx")
        }
    }

    @Test func cellReferencesToColumns() {
        #expect(XLSXSheetParser.columnIndex("A1") == 0)
        #expect(XLSXSheetParser.columnIndex("Z9") == 25)
        #expect(XLSXSheetParser.columnIndex("AB12") == 27)
        // Found by the workbook fuzz test in CI: a reference of many letters trapped with an overflow.
        #expect(XLSXSheetParser.columnIndex(String(repeating: "Z", count: 40) + "1") == nil)
        #expect(XLSXSheetParser.columnIndex("ABCD1") == nil)
        #expect(XLSXSheetParser.columnIndex("XFD1048576") == 16_383)
        #expect(XLSXSheetParser.columnIndex("12") == nil)
    }
}
