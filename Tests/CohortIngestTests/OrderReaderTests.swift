import CohortCore
import CohortIngest
import Foundation
import Testing

struct OrderReaderTests {
    private func read(_ text: String, _ mapping: ColumnMapping = ColumnMapping()) throws -> OrderReadResult {
        try OrderReader(mapping: mapping).read(bytes: Array(text.utf8), source: "orders.csv")
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
        let result = try read("customer,date,amount\nC1,2026-01-05,1\nC2,2026-13-01,1\n,2026-01-05,1\nC3,2026-01-05,abc\nC4,2026-01-05\n")
        #expect(result.table.rowCount == 1)
        #expect(result.rowsRead == 5)
        #expect(result.rejected.map(\.description) == [
            "orders.csv:3: column 'date': '2026-13-01' is not a date (expected YYYY-MM-DD or DD.MM.YYYY)",
            "orders.csv:4: column 'customer': the customer id is empty",
            "orders.csv:5: column 'amount': 'abc' is not a number",
            "orders.csv:6: has 2 fields, the header has 3",
        ])
        #expect(result.rejected[2].rawText == "C3,2026-01-05,abc")
    }

    @Test func thresholdAndStrictMode() throws {
        let result = try read("customer,date,amount\nC1,2026-01-05,1\nC2,2026-01-05,x\n")
        #expect(throws: Never.self) { try result.check(strict: false, maxRejectedPercent: 50) }
        #expect(throws: IngestError.self) { try result.check(strict: false, maxRejectedPercent: 49) }
        #expect(throws: IngestError.rejectedRow(result.rejected[0])) { try result.check(strict: true, maxRejectedPercent: 100) }
    }

    @Test func wholeFileProblemsAreOneLine() {
        #expect(throws: IngestError.emptyFile(source: "orders.csv")) { _ = try read("") }
        #expect(throws: IngestError.noDataRows(source: "orders.csv")) { _ = try read("customer,date,amount\n") }
        #expect(throws: IngestError.unterminatedQuote(source: "orders.csv", line: 3)) {
            _ = try read("customer,date,amount\nC1,2026-01-05,1\n\"C2,2026-01-05,1\n")
        }
        #expect(throws: IngestError.binaryFile(source: "orders.csv")) {
            _ = try OrderReader().read(bytes: [0x1F, 0x8B, 0x08, 0x00], source: "orders.csv")
        }
    }

    @Test func severalFilesShareOneCustomerIdSpace() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let january = directory.appendingPathComponent("2026-01.csv"), february = directory.appendingPathComponent("2026-02.csv")
        try "customer,date,amount\nC1,2026-01-05,1\n".write(to: january, atomically: true, encoding: .utf8)
        try "Kunde;Datum;Betrag;Rechnungsnummer\nC2;01.02.2026;2;R-1\nC1;02.02.2026;3;R-2\n".write(to: february, atomically: true, encoding: .utf8)
        let result = try OrderReader().read(sources: [january.path, february.path])
        #expect(result.table.customer == [0, 1, 0])
        #expect(result.table.order?.count == 3) // the first file had no order column: its row got its own id
        #expect(result.inputSummary == InputSummary(sources: [january.path, february.path], rowsRead: 3, rowsRejected: 0))
    }
}
