import Foundation
import Testing

/// Values from the data can be anything: markup, paths, spreadsheet formulas. None of it may
/// act in the report, and no file may land outside the report folder.
struct HostileInputTests {
    @Test func markupPathsAndFormulasFromTheDataStayInert() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let out = folder.appendingPathComponent("out")
        let result = try CLIRunner.run(["report", CLIRunner.fixture("hostile-orders.csv"), "--out", out.path, "--max-rejected", "50",
                                        "--publish", folder.appendingPathComponent("published").path])
        #expect(result.status == 0, "\(result.standardError)")
        let report = out.appendingPathComponent("2026-02-10")
        let html = try String(contentsOf: report.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;")) // the rejected amount, shown as text
        let markdown = try String(contentsOf: report.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.range(of: #"(?<!\\)<(img|script)"#, options: .regularExpression) == nil) // only escaped: \<img
        #expect(markdown.contains("\\<img src=x onerror=alert\\(1\\)\\>"))
        // The rejected row keeps its raw text, with the formula neutralized for spreadsheets.
        let rejected = try String(contentsOf: report.appendingPathComponent("rejected.csv"), encoding: .utf8)
        #expect(rejected.contains("\"'=HYPERLINK(\"\"http://x\"\"),2026-02-04,<img src=x onerror=alert(1)>\""))
        // Only the report folder and the published folder were created.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["out", "published"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["2026-02-10"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("published").path).sorted()
                == ["2026-01", "index.html"])
    }
}
