import CohortCore
import CohortIngest
import Foundation
import Testing

struct OrderReaderTests {
    private func read(_ text: String, _ options: ReadOptions = ReadOptions()) throws -> OrderReadResult {
        try OrderReader(options: options).read(bytes: Array(text.utf8), source: "orders.csv")
    }

    private func day(_ year: Int, _ month: Int, _ day: Int) -> Int32 {
        Int32(CivilDate(year: year, month: month, day: day)!.dayNumber)
    }

    @Test func readsColumnsIntoTheTable() throws {
        let result = try read("customer_id,order_date,amount\nC1,2026-01-05,10.50\nC2,2026-01-06,-3\nC1,2026-02-01,7\n")
        #expect(result.table.customer == [0, 1, 0])
        #expect(result.table.customerIDs == ["C1", "C2"])
        #expect(result.table.day == [day(2026, 1, 5), day(2026, 1, 6), day(2026, 2, 1)])
        #expect(result.table.amount == [1_050, -300, 700])
        #expect(result.table.order == nil)
        #expect(result.rowsRead == 3 && result.rejected.isEmpty)
    }

    @Test func semicolonGermanFileWithBOMAndQuotedAmounts() throws {
        let result = try read("\u{FEFF}Kundennummer;Datum;Betrag\r\n\"K 1\";05.01.2026;\"1.234,50\"\r\n\r\nK 2;06.01.2026;99,9\r\n")
        #expect(result.table.customerIDs == ["K 1", "K 2"])
        #expect(result.table.amount == [123_450, 9_990])
        #expect(result.rowsRead == 2) // the blank line is not a row
    }

    @Test func orderIdsAreInterned() throws {
        let result = try read("order,customer,date,amount\nA-1,C1,2026-01-05,1\nA-1,C1,2026-01-05,2\nA-2,C1,2026-01-06,3\n,C1,2026-01-07,4\n")
        // A-1 → 0 twice, A-2 → 1, and the row without an order id gets an id of its own.
        #expect(result.table.order == [0, 0, 1, 2])
        #expect(result.table.orderCount == 3)
    }

    @Test func badRowsAreKeptWithLineColumnAndReason() throws {
        let result = try read("customer,date,amount\nC1,2026-01-05,1\nC2,2026-13-01,1\n,2026-01-05,1\nC3,2026-01-05,abc\nC4,2026-01-05\nC5,,2\n")
        #expect(result.table.rowCount == 1)
        #expect(result.rowsRead == 6)
        #expect(result.rejected.map(\.description) == [
            "orders.csv:3: column 'date': '2026-13-01' is not a date (expected YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or MM/DD/YYYY)",
            "orders.csv:4: column 'customer': the customer id is empty",
            "orders.csv:5: column 'amount': 'abc' is not a number",
            "orders.csv:6: has 2 fields, the header has 3",
            "orders.csv:7: column 'date': the date is empty",
        ])
        // The same in German, for German reports.
        #expect(result.rejected.map(\.germanDescription) == [
            "orders.csv:3: Spalte 'date': '2026-13-01' ist kein Datum (erwartet JJJJ-MM-TT, TT.MM.JJJJ, TT/MM/JJJJ oder MM/TT/JJJJ)",
            "orders.csv:4: Spalte 'customer': die Kundennummer ist leer",
            "orders.csv:5: Spalte 'amount': 'abc' ist keine Zahl",
            "orders.csv:6: hat 2 Felder, die Kopfzeile hat 3",
            "orders.csv:7: Spalte 'date': das Datum ist leer",
        ])
        #expect(result.rejected[2].rawText == "C3,2026-01-05,abc")
    }

    @Test func rowsOfOnlyDelimitersAreBlankAndExtraEmptyFieldsAreHarmless() throws {
        // Excel writes ";;;" for formatted empty rows; SAP ends every data row with a delimiter.
        let result = try read("Kunde;Datum;Betrag\nK1;05.01.2026;1,00;\n;;;\nK2;06.01.2026;2,00;;\n")
        #expect(result.rowsRead == 2 && result.rejected.isEmpty)
        #expect(result.table.amount == [100, 200])
    }

    @Test func columnsAfterTheLastOneReadAreCountedAndChecked() throws {
        // country and note are not read: their fields are counted, not kept (`FieldList.storedLimit`),
        // yet a row with too few or too many fields is rejected, extra empty fields are harmless,
        // a row whose only text is in a column not read is a row, and a quoted line break there
        // moves the lines after it on.
        let result = try read("""
            customer,date,amount,country,note
            C1,2026-01-05,1,DE,x
            C2,2026-01-05,2,DE
            C3,2026-01-05,3,DE,"a,b
            c",,
            C4,2026-01-05,4,DE,x,y
            ,,,,note only
            ,,,,
            C5,2026-01-06,zz,DE,y

            """)
        #expect(result.rowsRead == 6) // C1 to C5 and the note; the row of delimiters is blank
        #expect(result.table.amount == [100, 300])
        #expect(result.rejected.map(\.description) == [
            "orders.csv:3: has 4 fields, the header has 5",
            "orders.csv:6: has 6 fields, the header has 5",
            "orders.csv:7: column 'date': the date is empty",
            "orders.csv:9: column 'amount': 'zz' is not a number",
        ])
    }

    @Test func thresholdAndStrictMode() throws {
        let result = try read("customer,date,amount\nC1,2026-01-05,1\nC2,2026-01-05,x\n")
        #expect(throws: Never.self) { try result.check(strict: false, maxRejectedPercent: 50) }
        #expect(throws: IngestError.self) { try result.check(strict: false, maxRejectedPercent: 49) }
        #expect(throws: IngestError.rejectedRow(result.rejected[0])) { try result.check(strict: true, maxRejectedPercent: 100) }
    }

    @Test func wholeFileProblemsAreOneLine() {
        #expect(throws: IngestError.emptyFile(source: "orders.csv")) { _ = try read("") }
        #expect(throws: IngestError.emptyFile(source: "orders.csv")) { _ = try read("\n\n;;\n") }
        #expect(throws: IngestError.noDataRows(source: "orders.csv")) { _ = try read("customer,date,amount\n") }
        #expect(throws: IngestError.unterminatedQuote(source: "orders.csv", line: 3)) {
            _ = try read("customer,date,amount\nC1,2026-01-05,1\n\"C2,2026-01-05,1\n")
        }
        #expect(throws: IngestError.notText(source: "orders.csv", signature: .gzip)) {
            _ = try OrderReader().read(bytes: [0x1F, 0x8B, 0x08, 0x00], source: "orders.csv")
        }
        #expect(throws: IngestError.binaryFile(source: "orders.csv")) {
            _ = try OrderReader().read(bytes: Array("customer,date\u{0}amount\n".utf8), source: "orders.csv")
        }
    }

    // MARK: - Conventions settled by the data

    @Test func decimalCommaSettledLaterAppliesToTheRowsBefore() throws {
        // "1.500" reads 1.50 or 1,500.00; "2,25" on line 4 proves the decimal comma, so line 2 is 1,500.00.
        let result = try read("customer;date;amount\nA;01.03.2026;1.500\nB;02.03.2026;450\nC;03.03.2026;2,25\n")
        #expect(result.rejected.isEmpty)
        // B needed no convention and came first; A waited until line 4 settled it, then went in before C.
        #expect(result.table.customerIDs == ["B", "A", "C"])
        #expect(result.table.amount == [45_000, 150_000, 225])
        #expect(result.formats.first?.decimalSeparator == .comma)
    }

    @Test func plainIntegersBesideThreeDigitGroupsShowThousands() throws {
        // No amount proves a separator; "450" beside "1.500" and "12.000" shows '.' groups thousands.
        let result = try read("customer;date;amount\nA;01.03.2026;1.500\nB;02.03.2026;450\nC;03.03.2026;12.000\n")
        #expect(result.table.amount == [45_000, 150_000, 1_200_000])
        #expect(result.formats.first?.decimalSeparator == .comma)
    }

    @Test func amountsThatNeverTellAreRefused() throws {
        #expect(throws: IngestError.ambiguousDecimalSeparator(source: "orders.csv", line: 2, column: "amount", text: "1.500")) {
            _ = try read("customer;date;amount\nA;01.03.2026;1.500\nB;02.03.2026;2.250\n")
        }
        let given = ReadOptions(decimalSeparator: .point)
        #expect(try read("customer;date;amount\nA;01.03.2026;1.500\nB;02.03.2026;2.250\n", given).table.amount == [150, 225])
    }

    @Test func amountsAgainstTheSettledSeparatorAreRejectedNamingTheProof() throws {
        let result = try read("customer;date;amount\nA;01.03.2026;1.234,56\nB;02.03.2026;12.50\n")
        #expect(result.rejected.map(\.description) == [
            "orders.csv:3: column 'amount': '12.50' does not fit the decimal comma of this column, as '1.234,56' on line 2 shows; use --decimal if that is wrong",
        ])
        let given = try read("customer;date;amount\nA;01.03.2026;12.50\n", ReadOptions(decimalSeparator: .comma))
        #expect(given.rejected.map(\.reasonText) == ["'12.50' does not fit the decimal comma of this column, as given with --decimal"])
        #expect(result.rejected.map(\.germanReason) == [
            "'12.50' passt nicht zum Dezimalkomma dieser Spalte, wie '1.234,56' in Zeile 2 zeigt; --decimal, falls das nicht stimmt",
        ])
        #expect(given.rejected.map(\.germanReason) == ["'12.50' passt nicht zum Dezimalkomma dieser Spalte, wie mit --decimal angegeben"])
    }

    @Test func monthFirstDatesSettledLaterApplyToTheRowsBefore() throws {
        let result = try read("customer,date,amount\nA,01/02/2026,1\nB,01/13/2026,2\nC,02/03/2026,3\n")
        #expect(result.rejected.isEmpty)
        #expect(result.table.customerIDs == ["A", "B", "C"])
        #expect(result.table.day == [day(2026, 1, 2), day(2026, 1, 13), day(2026, 2, 3)])
        #expect(result.formats.first?.dateOrder == .monthDayYear)
    }

    @Test func datesAgainstTheSettledOrderAreRejectedNamingTheProof() throws {
        let result = try read("customer,date,amount\nA,13/01/2026,1\nB,01/13/2026,2\n")
        #expect(result.rejected.map(\.description) == [
            "orders.csv:3: column 'date': '01/13/2026' is not a date in the day first (DD/MM/YYYY) order of this column, "
                + "as '13/01/2026' on line 2 shows; use --date-format if that is wrong",
        ])
        #expect(result.rejected.map(\.germanReason) == [
            "'01/13/2026' ist kein Datum in der Reihenfolge Tag zuerst (TT/MM/JJJJ) dieser Spalte, "
                + "wie '13/01/2026' in Zeile 2 zeigt; --date-format, falls das nicht stimmt",
        ])
    }

    @Test func datesThatNeverTellAreRefusedUnlessTheFormatIsGiven() throws {
        let text = "customer,date,amount\nA,03/04/2026,1\nB,05/06/2026,2\n"
        let error = IngestError.ambiguousDateOrder(source: "orders.csv", line: 2, column: "date", text: "03/04/2026",
                                                   dayFirst: CivilDate(year: 2026, month: 4, day: 3)!,
                                                   monthFirst: CivilDate(year: 2026, month: 3, day: 4)!)
        #expect(throws: error) { _ = try read(text) }
        #expect(error.description == "orders.csv:2: column 'date': '03/04/2026' could be 2026-04-03 (day first) or 2026-03-04 (month first) "
            + "and no date in the file tells which; add --date-format DD/MM/YYYY or --date-format MM/DD/YYYY")
        let given = try read(text, ReadOptions(dateOrder: DateOrder(pattern: "MM/DD/YYYY")))
        #expect(given.table.day == [day(2026, 3, 4), day(2026, 5, 6)])
    }

    @Test func aWaitingRowThatEndsUpUnreadableIsRejected() throws {
        // "12,345" reads 12,345.00 or 12.345 (three decimals, no money); "1.234,56" proves the decimal comma.
        let result = try read("customer;date;amount\nA;01.03.2026;12,345\nB;02.03.2026;1.234,56\n")
        #expect(result.rejected.map(\.description) == ["orders.csv:2: column 'amount': '12,345' has more than 2 decimal places"])
        #expect(result.rejected.map(\.germanReason) == ["'12,345' hat mehr als 2 Nachkommastellen"])
        #expect(result.table.customerIDs == ["B"]) // A never entered the table
    }

    // MARK: - Options

    @Test func givenDelimiterWins() throws {
        let result = try read("customer;date;amount\nC1,Anna;2026-01-05;1\n", ReadOptions(delimiter: UInt8(ascii: ";")))
        #expect(result.table.customerIDs == ["C1,Anna"])
    }

    @Test func optionArgumentsParse() {
        #expect(ReadOptions.delimiter(argument: "tab") == UInt8(ascii: "\t"))
        #expect(ReadOptions.delimiter(argument: ";") == UInt8(ascii: ";"))
        #expect(ReadOptions.delimiter(argument: ";;") == nil)
        #expect(DecimalSeparator(argument: ",") == .comma && DecimalSeparator(argument: "point") == .point)
        #expect(DecimalSeparator(argument: "x") == nil)
        #expect(DateOrder(pattern: "dd.mm.yyyy") == .dayMonthYear)
        #expect(DateOrder(pattern: "MM/DD/YY") == .monthDayYear)
        #expect(DateOrder(pattern: "YYYY-MM-DD") == .yearMonthDay)
        #expect(DateOrder(pattern: "MDY") == .monthDayYear)
        #expect(DateOrder(pattern: "DD/MM") == nil)
        #expect(TextEncoding(argument: "ISO-8859-1") == .windows1252)
        #expect(TextEncoding(argument: "utf-16") == .utf16LittleEndian)
        #expect(TextEncoding(argument: "ebcdic") == nil)
    }
}
