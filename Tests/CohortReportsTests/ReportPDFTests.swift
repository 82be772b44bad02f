import CohortCharts
import CohortCore
import CohortIngest
@testable import CohortReports
import CohortVocabulary
import Foundation
import Testing

/// report.pdf as the report composes it from its model: pages, size, fonts, determinism and
/// what the cover says.
///
/// Set COHORT_REPORT_PDF_DIR=/some/folder to also write the English and German reports of
/// examples/orders.csv there, for looking at them (`pdftoppm -png -r 60 report-en.pdf page`).
struct ReportPDFTests {
    /// examples/orders.csv: 36 monthly cohorts, the size of a real report.
    static let examples: CohortAnalysis = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        // The example file always reads; a failure here is a broken fixture, not a test result.
        let read = try! OrderReader().read(sources: [root.appendingPathComponent("examples/orders.csv").path])
        return try! CohortAnalysis(table: read.table, input: read.inputSummary)
    }()

    /// A PNG logo: a small chart, drawn by the charts module.
    static let logo: Logo = {
        var style = ChartStyle(scale: 0.25)
        style.source = nil
        return Logo(kind: .png, data: try! ChartRenderer(analysis: examples, style: style).render(.customerBridge, as: .png))
    }()

    static func bundle(_ language: Language, logo: Logo? = nil) -> ReportBundle {
        let settings = ReportSettings(language: language, company: "Muster GmbH", logo: logo, generatedAt: Date(timeIntervalSince1970: 1_767_225_600),
                                      sources: ["orders.csv"])
        return ReportBundle(analysis: examples, settings: settings, chartStyle: ChartStyle(language: language, scale: 1, source: "orders.csv"),
                            templates: try! ReportTemplates())
    }

    static func pdf(_ language: Language, logo: Logo? = nil) -> ReportPDF {
        let bundle = bundle(language, logo: logo)
        return bundle.pdf(bundle.model(.html, svgs: [:]))
    }

    static func write(_ pdf: Data, name: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-report-\(name)-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        return file.path
    }

    @Test(arguments: Language.all)
    func onePageForTheCoverAndOnePerSectionAllA4Landscape(_ language: Language) throws {
        let report = Self.pdf(language)
        let pdf = try report.render()
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        // Cover, trends, two bridges, three heat maps, retention curves, Kaplan–Meier, LTV curves.
        #expect(report.document.sections.count == 9)
        let path = try Self.write(pdf, name: language.code)
        guard let info = try Poppler.run("pdfinfo", "-l", "100", path) else { return } // poppler-utils not installed
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.dropFirst("Pages:".count)
            .trimmingCharacters(in: .whitespaces)
        #expect(pages == "10")
        let sizes = info.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }
        #expect(sizes.count == 10)
        for line in sizes {
            #expect(line.contains("842 x 595 pts"), "not A4 landscape: \(line)")
        }
    }

    @Test func fontsAreEmbedded() throws {
        let path = try Self.write(try Self.pdf(.german).render(), name: "fonts")
        guard let fonts = try Poppler.run("pdffonts", path) else { return }
        let lines = fonts.split(separator: "\n").dropFirst(2)
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.contains("DejaVu"), "unexpected font: \(line)")
            #expect(line.contains(" yes yes "), "font not embedded: \(line)")
        }
    }

    @Test func sameInputGivesIdenticalBytes() throws {
        #expect(try Self.pdf(.english, logo: Self.logo).render() == Self.pdf(.english, logo: Self.logo).render())
    }

    @Test func thirtySixCohortReportStaysUnderTwoMegabytes() throws {
        #expect(Self.examples.cohorts.count >= 36)
        let pdf = try Self.pdf(.english, logo: Self.logo).render()
        #expect(pdf.count < 2_000_000, "report is \(pdf.count) bytes")
    }

    @Test(arguments: Language.all)
    func coverShowsTitleCardValuesAndPageNumbers(_ language: Language) throws {
        let report = Self.pdf(language, logo: Self.logo)
        let document = report.document
        let path = try Self.write(try report.render(), name: "cover-\(language.code)")
        guard let cover = try Poppler.run("pdftotext", "-f", "1", "-l", "1", "-layout", path, "-") else { return }
        #expect(cover.contains(document.title))
        #expect(cover.contains(try #require(document.cards.first).value))
        #expect(cover.contains(try #require(document.cards.last).value))
        #expect(cover.contains(document.cardsHeading))
        #expect(cover.contains("\(document.pageWord) 1 / 10"))
        guard let last = try Poppler.run("pdftotext", "-f", "10", "-l", "10", "-layout", path, "-") else { return }
        #expect(last.contains("\(document.pageWord) 10 / 10"))
        #expect(last.contains(document.sections[8].heading))
    }

    /// Writes the reports for a human to look at; does nothing unless asked.
    @Test func writeTheReportsWhenAsked() throws {
        guard let folder = ProcessInfo.processInfo.environment["COHORT_REPORT_PDF_DIR"] else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for language in Language.all {
            let pdf = try Self.pdf(language, logo: Self.logo).render()
            try pdf.write(to: URL(fileURLWithPath: folder).appendingPathComponent("report-\(language.code).pdf"))
        }
    }
}

/// Runs a poppler-utils command; nil when it is not installed.
enum Poppler {
    static func run(_ tool: String, _ arguments: String...) throws -> String? {
        let candidates = ["/usr/bin/\(tool)", "/usr/local/bin/\(tool)"]
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
