import CohortCharts
import CohortCore
import CohortIngest
@testable import CohortReports
import CohortVocabulary
import Foundation
import Testing

/// report.html on examples/orders.csv (36 monthly cohorts): light, self-contained, a navigation
/// that lists every section, heat maps without duplicate tables, and (where Chromium is
/// installed) a printout of at most 12 A4 pages.
///
/// Set COHORT_REPORT_HTML_DIR=/some/folder to also write the English and German pages there,
/// for looking at them in a browser.
struct HTMLReportTests {
    /// examples/orders.csv with the customers to act on, as `cohort report` analyses it.
    static let examples: CohortAnalysis = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        // The example file always reads; a failure here is a broken fixture, not a test result.
        let read = try! OrderReader().read(sources: [root.appendingPathComponent("examples/orders.csv").path])
        return try! CohortAnalysis(table: read.table, input: read.inputSummary, includesCustomers: true)
    }()

    static func html(_ language: Language) throws -> String {
        let settings = ReportSettings(language: language, generatedAt: Date(timeIntervalSince1970: 1_767_225_600), sources: ["orders.csv"])
        let bundle = ReportBundle(analysis: examples, settings: settings, chartStyle: ChartStyle(language: language, source: "orders.csv"),
                                  templates: try ReportTemplates())
        let svgs = try ChartRenderer(analysis: bundle.analysis, style: bundle.chartStyle).inlineSVGs(bundle.charts)
        let html = try bundle.templates.renderHTMLReport(bundle.model(.html, svgs: svgs))
        if let folder = ProcessInfo.processInfo.environment["COHORT_REPORT_HTML_DIR"] {
            try Data(html.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("report-\(language.code).html"))
        }
        return html
    }

    @Test func contentsListEverySectionWithAHeadingInOrder() {
        let page = """
        <nav class="contents"></nav>
        <section id="summary" class="summary">
        <h2>Summary</h2><p>…</p>
        </section>
        <section data-id="x" id="act"><h2 class="big">Customers <em>to act</em>
         on &amp; more</h2></section>
        <section id="empty"><p>no heading</p></section>
        <section id="late"><p>its heading belongs to the next section</p></section>
        <section id="next"><h2>Next</h2></section>
        <section><h2>Without an id</h2></section>
        """
        #expect(ReportContents.entries(in: page) == [
            ContentsEntry(id: "summary", title: "Summary"),
            ContentsEntry(id: "act", title: "Customers to act on &amp; more"),
            ContentsEntry(id: "next", title: "Next"),
        ])
    }

    @Test(arguments: Language.all)
    func theExampleReportIsLightSelfContainedAndNavigable(_ language: Language) throws {
        let html = try Self.html(language)
        // Cairo's SVG (every digit a glyph path) made this page 3.0 MB.
        #expect(html.utf8.count < 1_000_000, "\(html.utf8.count) bytes")
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("src=\"http"))
        #expect(html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").range(of: "http") == nil)

        // The navigation links every section that has a heading, in the order of the page.
        let navigation = try #require(html.range(of: #"(?s)<nav class="contents"[^>]*>.*?</nav>"#, options: .regularExpression))
        let links = Self.matches(##"href="#([^"]+)""##, in: String(html[navigation]))
        let sections = Self.matches(#"<section id="([^"]+)""#, in: html)
        #expect(links == sections)
        #expect(["summary", "headline", "act", "customers", "revenue", "retention", "revenue-retention", "grr", "lifetime", "quality", "glossary"]
            .allSatisfy(links.contains))

        // Each heat map once, as a chart; its full matrix is one click away, not a cut-off table.
        #expect(!html.contains("class=\"matrix\""))
        #expect(Self.matches(#"<figure class="heatmap">"#, in: html).count == 3)
        #expect(Self.matches(#"<a href="cohorts.csv">cohorts.csv</a>"#, in: html).count == 3)
        #expect(html.contains(language.words.fullMatrixFiles))
        // The print stylesheet: A4 landscape, the customer lists and bridge tables shortened with a note.
        #expect(html.contains("@page { size: A4 landscape;"))
        #expect(html.contains("table.at-risk tbody tr:nth-child(n+11)") && html.contains("table.bridge tbody tr:nth-last-child(n+7)"))
        #expect(html.contains(language.words.printedBridgeRows(6, of: 12, .month)))
    }

    @Test(arguments: Language.all)
    func theExamplePrintsOnAtMostTwelveA4LandscapePages(_ language: Language) throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first(where: FileManager.default.isExecutableFile(atPath:)) else { return } // no browser: the checks above only
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html"), pdf = folder.appendingPathComponent("report.pdf")
        try Data(try Self.html(language).utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.path)/profile",
                             "--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer", page.path]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        guard let info = try Poppler.run("pdfinfo", pdf.path) else { return }
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
        let count = try #require(pages)
        #expect(count <= 12, "\(count) pages")
        // A4 landscape: 842 × 595 points, wider than high.
        #expect(info.contains("841.92 x 594.96 pts (A4)"), "\(info)")
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            let range = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
            return Range(range, in: text).map { String(text[$0]) } ?? ""
        }
    }
}
