import CohortCore
import CohortIngest
import Foundation
import Testing

/// Every dialect fixture in Tests/Fixtures/ingest read end to end; the expected rows are the fixture's, by hand.
struct DialectFixtureTests {
    private func read(_ name: String, _ options: ReadOptions = ReadOptions()) throws -> OrderReadResult {
        try OrderReader(options: options).read(sources: [Fixture.path(name)])
    }

    private func days(_ dates: [(Int, Int, Int)]) -> [Int32] {
        dates.map { Int32(CivilDate.dayNumber(year: $0.0, month: $0.1, day: $0.2)) }
    }

    /// The format line without the folder of the fixture.
    private func format(_ result: OrderReadResult) -> String {
        (result.formats.first?.description ?? "").replacingOccurrences(of: Fixture.folder + "/", with: "")
    }

    @Test func commaSeparatedWithISODatesTimesAndOffsets() throws {
        let result = try read("dialect-comma-lf.csv")
        #expect(result.table.customerIDs == ["C1", "C2"])
        #expect(result.table.customer == [0, 1, 0])
        #expect(result.table.day == days([(2026, 1, 5), (2026, 1, 6), (2026, 2, 1)]))
        #expect(result.table.amount == [1_050, 123_456, -300])
        #expect(result.table.order == [0, 1, 2])
        #expect(format(result) == "dialect-comma-lf.csv: CSV, UTF-8, ',' delimited, decimal point (detected), 3 rows")
    }

    @Test func germanExcelExportWithBOMSemicolonsCRLFAndQuotedLineBreaks() throws {
        let result = try read("dialect-excel-de.csv")
        #expect(result.rejected.isEmpty && result.rowsRead == 3)
        #expect(result.table.customerIDs == ["K-100", "K-200"])
        #expect(result.table.day == days([(2026, 1, 5), (2026, 1, 31), (2026, 2, 1)])) // 1.2.26 is d.M.yy
        #expect(result.table.amount == [123_456, 9_990, -1_250])
        #expect(format(result) == "dialect-excel-de.csv: CSV, UTF-8, ';' delimited, decimal comma (detected), 3 rows")
    }

    @Test func windows1252WithUmlautsAndEuroSigns() throws {
        let result = try read("dialect-windows1252.csv", ReadOptions(currency: "EUR"))
        #expect(result.table.customerIDs == ["Müller GmbH", "Bäckerei Groß"])
        #expect(result.table.day == days([(2026, 3, 3), (2026, 3, 4)]))
        #expect(result.table.amount == [1_250, 100_000])
        #expect(result.formats.first?.encoding == "Windows-1252")
        #expect(result.warnings.isEmpty) // € is the report's currency
    }

    @Test func excelUnicodeTextIsUTF16WithTabs() throws {
        let result = try read("dialect-excel-unicode-text.txt")
        #expect(result.table.customerIDs == ["Kö-1", "Kö-2"])
        #expect(result.table.day == days([(2026, 3, 15), (2026, 3, 16)]))
        #expect(result.table.amount == [750, 150_025])
        #expect(format(result) == "dialect-excel-unicode-text.txt: CSV, UTF-16LE, tab delimited, decimal comma (detected), 2 rows")
    }

    @Test func utf16BigEndian() throws {
        let result = try read("dialect-utf16be.csv")
        #expect(result.table.customerIDs == ["Zoë"])
        #expect(result.table.amount == [500])
        #expect(result.formats.first?.encoding == "UTF-16BE")
    }

    @Test func pipeAndTabDelimited() throws {
        let pipe = try read("dialect-pipe.csv")
        #expect(pipe.table.amount == [123_450, 2_000])
        #expect(pipe.table.order == [0, 1])
        let tab = try read("dialect-tab.tsv")
        #expect(tab.table.customerIDs == ["T1"] && tab.table.amount == [350])
    }

    @Test func americanExportTellsMonthFirstOnItsSecondRow() throws {
        let result = try read("dialect-us.csv", ReadOptions(currency: "EUR"))
        // 01/02/2026 waits until 01/13/2026 proves month first: 2 January.
        #expect(result.table.customerIDs == ["U1", "U2"])
        #expect(result.table.customer == [0, 1, 0])
        #expect(result.table.day == days([(2026, 1, 2), (2026, 1, 13), (2026, 2, 3)]))
        #expect(result.table.amount == [123_456, -1_250, 4_000]) // (12.50) is a refund
        #expect(format(result) == "dialect-us.csv: CSV, UTF-8, ',' delimited, decimal point (detected), dates month first (MM/DD/YYYY, detected), 3 rows")
        #expect(result.warnings == [.currencyDiffers(source: Fixture.path("dialect-us.csv"), mark: "$", count: 2, line: 2, expected: "EUR")])
        #expect(result.warnings.first.map { $0.description.replacingOccurrences(of: Fixture.folder + "/", with: "") }
            == "dialect-us.csv:2: 2 amounts are marked '$' but the report's currency is EUR (--currency); they are added up as they are")
    }

    @Test func britishExportTellsDayFirst() throws {
        let result = try read("dialect-uk.csv")
        #expect(result.table.day == days([(2026, 4, 5), (2026, 4, 25)]))
        #expect(result.table.amount == [1_000, 100_000])
        #expect(result.formats.first?.dateOrder == .dayMonthYear)
    }

    @Test func excelSerialDaysInACSV() throws {
        let result = try read("dialect-serial-dates.csv")
        #expect(result.table.day == days([(2026, 1, 1), (2026, 2, 1)]))
        #expect(result.table.amount == [1_000, 2_000])
        #expect(result.formats.first?.decimalSeparator == nil) // whole amounts never told
    }

    @Test func sapExportWithSepLineTrailingMinusAndCompactDates() throws {
        let result = try read("dialect-sap.csv")
        #expect(result.table.customerIDs == ["4711", "4712"])
        #expect(result.table.day == days([(2026, 1, 10), (2026, 1, 11)]))
        #expect(result.table.amount == [-123_456, 25_000])
        #expect(result.table.order == [0, 1])
    }

    @Test func blanksInNumbersCurrencyWordsAndWholeEuros() throws {
        let result = try read("dialect-spaces.csv", ReadOptions(currency: "EUR"))
        #expect(result.table.amount == [123_456, 1_250, 1_200, 700])
        #expect(result.warnings.isEmpty) // "€" and "EUR" are one currency
    }

    @Test func wholeAmountsWithThousandsPoints() throws {
        let result = try read("dialect-thousands-only.csv")
        // 450 beside 1.500 and 12.000: '.' groups thousands. G2 needed no decision and went in first.
        #expect(result.table.customerIDs == ["G2", "G1", "G3"])
        #expect(result.table.amount == [45_000, 150_000, 1_200_000])
    }

    @Test func badRowsEachWithTheirReason() throws {
        let result = try read("bad-rows.csv")
        #expect(result.rowsRead == 8) // ";;;" is blank
        #expect(result.table.customerIDs == ["C1"] && result.table.amount == [123_450])
        #expect(result.rejected.map { "\($0.line) \($0.column ?? "-"): \($0.reasonText)" } == [
            "3 -: has 3 fields, the header has 4",
            "4 amount: '12,5O' is not a number",
            "5 order_date: '32.01.2026' is not a date (expected YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or MM/DD/YYYY)",
            "6 customer_id: the customer id is empty",
            "7 amount: '12.50' does not fit the decimal comma of this column, as '1.234,50' on line 2 shows; use --decimal if that is wrong",
            "8 order_date: the date is empty",
            "9 amount: the amount is empty",
        ])
        #expect(result.rejected[0].rawText == "R-2;C2;06.01.2026")
    }

    @Test func dataQualityWarnings() throws {
        let today = CivilDate(year: 2026, month: 11, day: 23)!
        let result = try read("quality-warnings.csv", ReadOptions(currency: "EUR", today: today))
        let path = Fixture.path("quality-warnings.csv")
        #expect(result.table.rowCount == 5)
        #expect(result.warnings == [
            .datesFarInPast(count: 1, latest: CivilDate(year: 2026, month: 2, day: 10)!, earliest: CivilDate(year: 1990, month: 1, day: 1)!, at: RowLocation(source: path, line: 3)),
            .datesInFuture(count: 1, today: today, latest: CivilDate(year: 2029, month: 1, day: 5)!, at: RowLocation(source: path, line: 6)),
            .currencyDiffers(source: path, mark: "$", count: 1, line: 5, expected: "EUR"),
        ])
        #expect(result.warnings[0].description == "1 row is dated more than 20 years before the latest order (2026-02-10); "
            + "the earliest, 1990-01-01, is at \(path):3: a placeholder date or a typo?")
        #expect(result.warnings[1].description == "1 row is dated after today (2026-11-23), the latest 2029-01-05 at \(path):6; "
            + "without --as-of the report runs up to that date")
    }
}
