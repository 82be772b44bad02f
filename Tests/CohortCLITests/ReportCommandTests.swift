import Foundation
import Testing

struct ReportCommandTests {
    @Test func amountsMarkedWithAnotherCurrencyThanTheReportsAreWarnedOf() throws {
        // dialect-us.csv marks two amounts with '$' (lines 2 and 4); the report shows euros unless told otherwise.
        let fixture = CLIRunner.fixture("ingest/dialect-us.csv")
        for (currency, warned) in [(nil, true), ("USD", false)] as [(String?, Bool)] {
            let directory = try CLIRunner.temporaryDirectory()
            let result = try CLIRunner.run(["report", fixture, "--out", directory.path, "--date-format", "MM/DD/YYYY"]
                                           + (currency.map { ["--currency", $0] } ?? []))
            #expect(result.status == 0, "\(result.standardError)")
            let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: directory.path).first)
            let markdown = try String(contentsOf: directory.appendingPathComponent(folder).appendingPathComponent("report.md"), encoding: .utf8)
            let warning = "2 amounts are marked '$' but the report's currency is EUR"
            #expect(markdown.contains(warning) == warned, "currency \(currency ?? "default")")
        }
    }

    @Test func writesEveryFileIntoTheAsOfFolder() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let result = try CLIRunner.run(["report", CLIRunner.fixture("small-orders.csv"), "--out", directory.path])
        #expect(result.status == 0)
        let folder = directory.appendingPathComponent("2026-03-31")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["analysis.json", "at-risk.csv", "charts", "cohorts.csv", "kpis.csv", "lost.csv", "report.eml", "report.html", "report.md",
                          "report.pdf", "report.xlsx", "survival.csv"])
        let charts = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("charts").path).sorted()
        #expect(charts == ["at-risk.png", "charts.pdf", "curves.png", "customer-bridge.png", "grr.png", "ltv.png", "retention.png",
                           "revenue-bridge.png", "revenue-retention.png", "survival.png", "trends.png"])
        // Nothing left behind from building the folder aside.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["2026-03-31"])
        let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        // March bridge, worked in KPIsCommandTests: 2 at the start, no movement, 2 at the end.
        #expect(markdown.contains("March 2026: 2 customers at the start, 0 new, 0 won back, 0 churned → 2 at the end."))
        #expect(markdown.contains("## Glossary"))
        // The A4 management report: a cover and one page per chart.
        let pdf = try #require(FileManager.default.contents(atPath: folder.appendingPathComponent("report.pdf").path))
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        #expect(markdown.contains("![Customer retention by cohort](charts/retention.png)"))
        // Nobody is at risk in this fixture (see CustomersCommandTests): report.md leaves the empty at-risk chart out.
        #expect(!markdown.contains("charts/at-risk.png"))
        for chart in charts where chart.hasSuffix(".png") && chart != "at-risk.png" {
            #expect(markdown.contains("(charts/\(chart))"), "report.md does not link \(chart)")
        }
        #expect(markdown.contains("Kundenbindungsrate"))
    }

    @Test func rerunReplacesTheReportAndKeepsRejectedRows() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let arguments = ["report", CLIRunner.fixture("german-orders.csv"), "--out", directory.path, "--max-rejected", "80"]
        #expect(try CLIRunner.run(arguments).status == 0)
        #expect(try CLIRunner.run(arguments).status == 0)
        let folder = directory.appendingPathComponent("2026-02-01")
        let rejected = try String(contentsOf: folder.appendingPathComponent("rejected.csv"), encoding: .utf8)
        let lines = rejected.split(separator: "\n")
        #expect(lines.first == "source,line,column,reason,raw_text")
        // Lines 5 (12,5O), 6 (empty customer), 7 (30 February), 8 (3 fields) of the file.
        #expect(lines.count == 5)
        #expect(lines[1].contains(",5,Betrag,'12,5O' is not a number,") || lines[1].contains(",5,Betrag,\"'12,5O' is not a number\","))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["2026-02-01"])
    }
}
