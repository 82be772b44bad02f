import CohortCore
import CohortIngest
import CohortVocabulary
import Foundation
import Testing

/// Contract lists read like orders: dialects, German and English columns, rejected rows with their reasons.
struct ContractReaderTests {
    /// Writes `text` as a file in a fresh folder and reads it.
    static func read(_ text: String, name: String = "contracts.csv", columns: ContractColumns = ContractColumns(),
                     options: ReadOptions = ReadOptions()) throws -> ContractReadResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-contracts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        let result = try ContractReader(options: options, columns: columns).read(sources: [file.path])
        // Messages name the file as given; the tests compare them by its name.
        return ContractReadResult(table: result.table, rejected: result.rejected.map { row in
            var row = row
            row.source = name
            return row
        }, rowsRead: result.rowsRead, sources: result.sources, formats: result.formats)
    }

    private func day(_ iso: String) -> Int32 { Int32(CivilDate(iso: iso)!.dayNumber) }

    @Test func germanExportWithSemicolonsDecimalCommaAndARunningContract() throws {
        let result = try Self.read("""
            Kundennummer;Vertragsnummer;Vertragsbeginn;Vertragsende;monatlicher Betrag
            K-1;V-1;01.01.2026;31.12.2026;1.234,50
            K-2;V-2;15.02.2026;;99,00
            K-1;V-3;01.06.2026;31.05.2027;10
            """)
        #expect(result.rejected.isEmpty && result.rowsRead == 3)
        #expect(result.table.customerIDs == ["K-1", "K-2"])
        #expect(result.table.customer == [0, 1, 0])
        #expect(result.table.start == [day("2026-01-01"), day("2026-02-15"), day("2026-06-01")])
        #expect(result.table.end == [day("2026-12-31"), ContractTable.running, day("2027-05-31")])
        #expect(result.table.mrr == [123_450, 9_900, 1_000])
        #expect(result.table.contractIDs == ["V-1", "V-2", "V-3"])
        #expect(result.formats.first?.decimalSeparator == .comma && result.formats.first?.delimiter == UInt8(ascii: ";"))
    }

    @Test func englishNamesAndMRRColumn() throws {
        let result = try Self.read("customer_id,contract_start,contract_end,MRR\nC1,2026-01-01,2026-03-31,100.00\n")
        #expect(result.table.rowCount == 1 && result.table.contractIDs == nil)
        #expect(result.table.mrr == [100_00])
    }

    @Test func badRowsAreRejectedWithTheirReason() throws {
        let result = try Self.read("""
            customer,start,end,mrr
            C1,2026-01-01,2026-12-31,100
            C2,2026-03-01,2026-02-28,100
            C3,2026-01-01,,-50
            C4,,2026-12-31,100
            C5,2026-01-01,2026-12-31,
            ,2026-01-01,2026-12-31,10
            C6,2026-13-01,2026-12-31,10
            C7,2026-01-01,2026-12-31,abc
            C8,2026-01-01
            """)
        #expect(result.table.rowCount == 1 && result.rowsRead == 9)
        #expect(result.rejected.map(\.description) == [
            "contracts.csv:3: column 'end': the contract ends on 2026-02-28, before it starts on 2026-03-01",
            "contracts.csv:4: column 'mrr': '-50' is a negative MRR (a credit belongs in the orders, not in a contract)",
            "contracts.csv:5: column 'start': the date is empty",
            "contracts.csv:6: column 'mrr': the amount is empty",
            "contracts.csv:7: column 'customer': the customer id is empty",
            "contracts.csv:8: column 'start': '2026-13-01' is not a date (expected YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or MM/DD/YYYY)",
            "contracts.csv:9: column 'mrr': 'abc' is not a number",
            "contracts.csv:10: has 2 fields, the header has 4",
        ])
        #expect(result.rejected[0].germanDescription
            == "contracts.csv:3: Spalte 'end': der Vertrag endet am 2026-02-28, vor seinem Beginn am 2026-03-01")
    }

    @Test func aMissingMRRColumnIsOneClearLine() {
        do {
            _ = try Self.read("customer_id,start,end\nC1,2026-01-01,2026-12-31\n")
            Issue.record("a file without an MRR column was read")
        } catch let error as IngestError {
            guard case .noColumnDetected(_, let line, let role, _, _) = error else { Issue.record("\(error)"); return }
            #expect(line == 1 && role == .mrr)
            #expect(error.description.hasSuffix("no mrr column found among 'customer_id', 'start', 'end'; name it with --mrr-column"))
            #expect(Language.german.words.describe(error).contains("keine Spalte für den monatlichen Betrag (MRR) unter"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func columnsCanBeNamed() throws {
        let result = try Self.read("kunde,von,bis,preis\nC1,2026-01-01,2026-12-31,5\n",
                                   columns: ContractColumns(customer: "kunde", start: "von", end: "bis", mrr: "preis"))
        #expect(result.table.rowCount == 1 && result.table.mrr == [500])
    }

    @Test func theOrdersCustomerColumnIsUsedWhereAFileHasIt() throws {
        var options = ReadOptions()
        options.mapping.customer = "Debitor"
        // Two columns could be the customer: "Debitor" (named for the orders) settles it.
        let result = try Self.read("Debitor,Kunde,start,end,mrr\nD1,K1,2026-01-01,,5\n", options: options)
        #expect(result.table.customerIDs == ["D1"])
    }

    @Test func daysAndMonthsSettledByTheData() throws {
        // 03/04 reads two ways until 25/12 shows the day comes first.
        let result = try Self.read("customer,start,end,mrr\nC1,03/04/2026,25/12/2026,5\n")
        #expect(result.table.start == [day("2026-04-03")] && result.table.end == [day("2026-12-25")])
        #expect(throws: IngestError.self) { try Self.read("customer,start,end,mrr\nC1,03/04/2026,05/06/2026,5\n") }
    }

    @Test func workbookWithGermanColumnsAndDateCells() throws {
        let result = try ContractReader(options: ReadOptions()).read(sources: [Self.fixture("contracts.xlsx")])
        // V-3 ends (2026-02-28) before it starts (2026-03-01).
        #expect(result.table.customerIDs == ["K-1", "K-2"] && result.table.mrr == [99_50, 250_00])
        #expect(result.table.end == [day("2026-12-31"), ContractTable.running])
        #expect(result.rejected.map(\.line) == [4] && result.rejected.first?.column == "Vertragsende")
    }

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/contracts/\(name)").path
    }
}

extension ContractReaderTests {
    @Test func segmentColumnsAreKeptPerContract() throws {
        var options = ReadOptions()
        options.segmentColumns = ["plan", "region"]
        let result = try Self.read("customer,start,end,mrr,Plan\nC1,2025-01-01,2025-12-31,10,Basic\nC1,2026-01-01,,20,Pro\nC2,2025-06-01,,5,Basic\n",
                                   options: options)
        // "plan" matches "Plan"; "region" is not in the file (the customer file may have it).
        let plan = try #require(result.table.segments.first)
        #expect(result.table.segments.count == 1 && plan.name == "plan")
        #expect(plan.values == ["Basic", "Pro"] && plan.source == .rows([0, 1, 0]))
        // Revenue rows carry each customer's earliest contract's value: C1 Basic in 2026 too.
        let revenue = try result.table.revenueTable(asOf: CivilDate(iso: "2026-02-28")!)
        guard case .rows(let ids) = revenue.segments.first?.source else { Issue.record("no segment rows"); return }
        #expect(Set(ids) == [0])
        #expect(ids.count == revenue.rowCount)
    }
}
