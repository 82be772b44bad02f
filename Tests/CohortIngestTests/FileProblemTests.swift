import CohortCore
import CohortIngest
import Testing

/// Every whole-file problem of the issue, each from a fixture, with its exact one-line message.
struct FileProblemTests {
    private func error(reading name: String, _ options: ReadOptions = ReadOptions()) -> IngestError? {
        do {
            _ = try OrderReader(options: options).read(sources: [Fixture.path(name)])
            return nil
        } catch {
            return error
        }
    }

    /// The message with the fixture folder left out.
    private func message(reading name: String, _ options: ReadOptions = ReadOptions()) -> String? {
        error(reading: name, options)?.description.replacingOccurrences(of: Fixture.folder + "/", with: "")
    }

    @Test func emptyAndHeaderOnly() {
        #expect(message(reading: "empty.csv") == "empty.csv: the file is empty")
        #expect(message(reading: "header-only.csv") == "header-only.csv: the file has a header but no data rows")
    }

    @Test func binaryCompressedAndOtherFormats() {
        #expect(message(reading: "binary.dat")
            == "binary.dat: this is not a text (CSV) file; compressed or binary files must be unpacked or exported as CSV first")
        #expect(message(reading: "compressed.csv.gz") == "compressed.csv.gz: this is a gzip-compressed file, not CSV; unpack it first (gunzip)")
        #expect(message(reading: "old-excel.xls") == "old-excel.xls: this is an Excel 97–2003 workbook (.xls) or a password-protected workbook; "
            + "save it as .xlsx without a password, or as CSV")
        #expect(message(reading: "not-a-workbook.zip") == "not-a-workbook.zip: this is a ZIP archive, not CSV or an Excel workbook; unpack it first")
        #expect(message(reading: "spreadsheet.ods") == "spreadsheet.ods: this is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV")
    }

    @Test func unknownEncoding() {
        #expect(error(reading: "unknown-encoding.csv") == .unknownEncoding(source: Fixture.path("unknown-encoding.csv"), line: 3, byte: 0x81))
        #expect(message(reading: "unknown-encoding.csv") == "unknown-encoding.csv:3: unknown text encoding (byte 0x81 is neither UTF-8 nor "
            + "Windows-1252 text); save the file as UTF-8 or name its encoding with --encoding")
        // Named, the encoding is taken as given.
        #expect(error(reading: "unknown-encoding.csv", ReadOptions(encoding: .windows1252)) == nil)
    }

    @Test func missingAndAmbiguousColumns() {
        #expect(message(reading: "missing-column.csv")
            == "missing-column.csv:1: no amount column found among 'Kunde', 'Datum', 'Betarg' (did you mean 'Betarg'?); name it with --amount-column")
        #expect(message(reading: "missing-column.csv", ReadOptions(mapping: ColumnMapping(amount: "Betrag")))
            == "missing-column.csv:1: there is no column 'Betrag' for --amount-column (did you mean 'Betarg'?)")
        #expect(message(reading: "ambiguous-column.csv")
            == "ambiguous-column.csv:1: columns 'Betrag' and 'Umsatz' could both be the amount column; choose one with --amount-column")
    }

    @Test func unterminatedQuoteNamesTheLineItStarts() {
        #expect(message(reading: "unterminated-quote.csv")
            == "unterminated-quote.csv:3: a quoted field starts here and never ends (a missing closing \")")
    }

    @Test func datesAndAmountsThatNeverTell() {
        #expect(message(reading: "ambiguous-dates.csv") == "ambiguous-dates.csv:2: column 'date': '03/04/2026' could be 2026-04-03 (day first) "
            + "or 2026-03-04 (month first) and no date in the file tells which; add --date-format DD/MM/YYYY or --date-format MM/DD/YYYY")
        #expect(message(reading: "ambiguous-decimal.csv") == "ambiguous-decimal.csv:2: column 'amount': in '1.500' the '.' could be the decimal "
            + "separator or group thousands, and no amount in the file tells which; add --decimal , or --decimal .")
    }

    @Test func workbookProblems() {
        #expect(message(reading: "empty-sheet.xlsx") == "empty-sheet.xlsx: the sheet 'Leer' is empty")
        #expect(message(reading: "truncated.xlsx") == "truncated.xlsx: cannot read the Excel workbook: xl/worksheets/sheet1.xml is damaged and cannot be unpacked")
        // Line 1 of the part is the XML declaration, line 2 the first row; the second row breaks off on line 3.
        #expect(message(reading: "broken.xlsx") == "broken.xlsx: cannot read the Excel workbook: xl/worksheets/sheet1.xml is not valid XML (line 3)")
        #expect(message(reading: "orders.xlsx", ReadOptions(sheet: "Nope"))
            == "orders.xlsx: there is no sheet 'Nope'; the workbook has 'Bestellungen', 'Rohdaten'")
    }

    @Test func missingFilesAndPatterns() {
        #expect(message(reading: "no-such.csv") == "no-such.csv: cannot read the file: no such file")
        #expect(message(reading: "monthly") == "monthly: cannot read the file: it is a folder, not a file")
        #expect(message(reading: "nothing-*.csv") == "nothing-*.csv: no file matches this pattern")
    }
}
