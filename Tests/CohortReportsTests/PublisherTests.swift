import CohortCore
@testable import CohortReports
import Foundation
import Testing

struct PublisherTests {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-publish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func files(asOf month: Int) throws -> [String: Data] {
        let asOf = CivilDate(year: 2026, month: month, day: CivilDate.daysIn(month: month, year: 2026))
        let analysis = try CohortAnalysis(table: table(), options: AnalysisOptions(asOf: asOf))
        return ["analysis.json": try AnalysisJSON.encode(analysis), "report.html": Data("<p>\(month)</p>".utf8)]
    }

    /// A and B buy in January, A again in February and March.
    private func table() -> OrderTable {
        var table = OrderTable()
        let a = table.internCustomer("A"), b = table.internCustomer("B")
        for (customer, month) in [(a, 1), (b, 1), (a, 2), (a, 3)] {
            table.append(customer: customer, day: CivilDate(year: 2026, month: month, day: 10)!.dayNumber, amount: 1_000, order: nil)
        }
        return table
    }

    private func publisher(_ folder: URL) throws -> Publisher {
        Publisher(folder: folder, templates: try ReportTemplates(), settings: ReportSettings())
    }

    @Test func publishesPeriodsAndListsThemNewestFirst() throws {
        let folder = try temporaryDirectory()
        try publisher(folder).publish(try files(asOf: 2), period: "2026-02")
        try publisher(folder).publish(try files(asOf: 3), period: "2026-03")
        #expect(try publisher(folder).publishedPeriods() == ["2026-02", "2026-03"])
        let index = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        let march = try #require(index.range(of: "2026-03/report.html")), february = try #require(index.range(of: "2026-02/report.html"))
        #expect(march.lowerBound < february.lowerBound)
        #expect(index.contains("March 2026") && index.contains("February 2026"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["2026-02", "2026-03", "index.html"])
    }

    @Test func indexNamesEachFigureSoThatANarrowScreenCanShowItAsACard() throws {
        let folder = try temporaryDirectory()
        try publisher(folder).publish(try files(asOf: 3), period: "2026-03")
        let index = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        // March: A active (1 of 2 customers), revenue €10.00 (amounts are in cents).
        #expect(index.contains(#"<td data-label="Active customers"><span>1"#))
        #expect(index.contains(#"<td data-label="Revenue"><span>€10"#))
        #expect(index.contains("as of 31 March 2026"))
        #expect(index.contains("@media (max-width: 1060px)"))
    }

    @Test func keepPrunesTheOldest() throws {
        let folder = try temporaryDirectory()
        for month in [1, 2, 3] { try publisher(folder).publish(try files(asOf: month), period: "2026-0\(month)", keep: 2) }
        #expect(try publisher(folder).publishedPeriods() == ["2026-02", "2026-03"])
    }

    @Test func periodNamesCannotLeaveTheFolder() throws {
        let folder = try temporaryDirectory()
        for name in ["../../etc", "2026-10/../../x", ".hidden", "index.html", ""] {
            #expect(throws: ReportError.self) { try publisher(folder).publish([:], period: name) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
