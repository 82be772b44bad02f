import CohortCore
import CohortIngest
import Foundation
import Testing

struct SeveralFilesTests {
    private func day(_ year: Int, _ month: Int, _ day: Int) -> Int32 {
        Int32(CivilDate.dayNumber(year: year, month: month, day: day))
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
        let summary = result.inputSummary
        #expect(summary.sources == [january.path, february.path])
        #expect(summary.rowsRead == 3 && summary.rowsRejected == 0 && summary.rowsDuplicated == 0)
        #expect(summary.formats.map(\.description) == ["\(january.path): CSV, UTF-8, ',' delimited, 1 row", "\(february.path): CSV, UTF-8, ';' delimited, 2 rows"])
    }

    @Test func aPatternReadsTheMonthlyExportsInOrderAndSkipsTheOverlap() throws {
        let pattern = Fixture.path("monthly/*.csv")
        let result = try OrderReader().read(sources: [pattern])
        let january = Fixture.path("monthly/2026-01.csv"), february = Fixture.path("monthly/2026-02.csv")
        #expect(result.sources == [january, february])
        // February's export repeats J-2 of 31 January: read (4 rows), but only once in the table.
        #expect(result.rowsRead == 4)
        #expect(result.table.customerIDs == ["C1", "C2"])
        #expect(result.table.day == [day(2026, 1, 10), day(2026, 1, 31), day(2026, 2, 3)])
        #expect(result.table.amount == [1_000, 2_000, 3_000])
        let duplicate = RejectedRow(source: february, line: 2, column: nil,
                                    reason: .repeats(RowLocation(source: january, line: 3)),
                                    rawText: "J-2,C2,2026-01-31,20.00")
        #expect(result.duplicates == [duplicate])
        #expect(result.warnings == [.duplicateRows(count: 1, first: duplicate)])
        #expect(result.inputSummary.rowsDuplicated == 1)
        #expect(result.setAside == [duplicate])
        // Duplicates are no unreadable rows: they do not count against --max-rejected.
        #expect(throws: Never.self) { try result.check(strict: true, maxRejectedPercent: 0) }
    }

    @Test func aFileNamedTwiceIsReadOnce() throws {
        let file = Fixture.path("dialect-comma-lf.csv")
        let result = try OrderReader().read(sources: [file, file])
        #expect(result.sources == [file] && result.rowsRead == 3 && result.duplicates.isEmpty)
    }

    @Test func linesRepeatedWithinOneFileAreNoDuplicates() throws {
        // Two equal lines of one order in one file are two items; the same two lines in a later file are repeats.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-dups-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let text = "order,customer,date,amount\nA-1,C1,2026-01-05,5.00\nA-1,C1,2026-01-05,5.00\n"
        let first = directory.appendingPathComponent("a.csv"), second = directory.appendingPathComponent("b.csv")
        try text.write(to: first, atomically: true, encoding: .utf8)
        try (text + "A-2,C1,2026-01-06,5.00\n").write(to: second, atomically: true, encoding: .utf8)
        let result = try OrderReader().read(sources: [first.path, second.path])
        #expect(result.table.amount == [500, 500, 500]) // a.csv's two lines and b.csv's A-2
        #expect(result.duplicates.map(\.line) == [2, 3])
        #expect(result.duplicates.map(\.reasonText) == ["repeats \(first.path):2 (same order id, customer, date and amount)",
                                                    "repeats \(first.path):2 (same order id, customer, date and amount)"])
    }
}
