import CohortCore
import CohortIngest
import Foundation
import Testing

/// Survey answers: scores outside 0–10 or not whole are rejected rows, never a crash.
struct AnswerReaderTests {
    private func read(_ text: String) throws -> AnswerReadResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-answers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("nps.csv")
        try Data(text.utf8).write(to: file)
        return try AnswerReader(options: ReadOptions()).read(sources: [file.path])
    }

    @Test func germanColumns() throws {
        let result = try read("Kundennummer;Datum;Bewertung\nK-1;02.03.2026;10\nK-2;03.03.2026; 0 \n")
        #expect(result.rejected.isEmpty)
        #expect(result.table.customerIDs == ["K-1", "K-2"] && result.table.score == [10, 0])
        #expect(result.table.day == [Int32(CivilDate(iso: "2026-03-02")!.dayNumber), Int32(CivilDate(iso: "2026-03-03")!.dayNumber)])
    }

    @Test func scoresThatAreNotWholeNumbersFromZeroToTenAreRejected() throws {
        let result = try read("customer_id,date,score\nC1,2026-03-02,9/10\nC2,2026-03-02,11\nC3,2026-03-02,8.5\nC4,2026-03-02,-1\nC5,2026-03-02,\nC6,2026-03-02,7\nC7,2026-03-02,zehn\n")
        #expect(result.table.score == [7])
        #expect(result.rejected.map { $0.reasonText } == [
            "'9/10' is not a whole score from 0 to 10", "'11' is not a whole score from 0 to 10", "'8.5' is not a whole score from 0 to 10",
            "'-1' is not a whole score from 0 to 10", "the score is empty", "'zehn' is not a whole score from 0 to 10",
        ])
        #expect(result.rejected.map(\.line) == [2, 3, 4, 5, 6, 8])
        #expect(result.rejected.first?.germanReason == "'9/10' ist keine ganze Bewertung von 0 bis 10")
    }

    @Test func workbookNumberCells() throws {
        // 10 and 7.0 are whole numbers; 8.5 is not.
        let result = try AnswerReader(options: ReadOptions()).read(sources: [ContractReaderTests.fixture("answers.xlsx")])
        #expect(result.table.score == [10, 7])
        #expect(result.rejected.map(\.line) == [4])
    }

    @Test func aFileWithoutAScoreColumnIsOneClearLine() {
        #expect(throws: IngestError.self) { try read("customer_id,date,rating_text\nC1,2026-03-02,9\n") }
    }
}
