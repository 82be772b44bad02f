import CohortCharts
import Foundation
import Testing

struct ChartRenderingTests {
    @Test(arguments: ChartKind.allCases)
    func everyChartRendersIdenticallyTwiceInEveryFormat(_ kind: ChartKind) throws {
        for format in ChartFormat.allCases {
            let first = try ChartFixture.renderer.render(kind, as: format)
            let second = try ChartFixture.renderer.render(kind, as: format)
            #expect(first == second, "\(kind) \(format) differs between two renders")
            // SVG keeps text as text: a chart that only says "nobody is at risk" is a few hundred bytes.
            #expect(first.count > (format == .svg ? 400 : 1_000), "\(kind) \(format) is suspiciously small")
        }
    }

    @Test func pngHasTheChartSizeTimesTheScale() throws {
        let renderer = ChartRenderer(analysis: ChartFixture.analysis, style: ChartFixture.style)
        let oneX = try renderer.render(.retention, as: .png)
        var doubleStyle = ChartFixture.style
        doubleStyle.scale = 2
        let twoX = try ChartRenderer(analysis: ChartFixture.analysis, style: doubleStyle).render(.retention, as: .png)
        let (width, height) = try #require(PNGHeader(oneX))
        let (width2, height2) = try #require(PNGHeader(twoX))
        #expect(width2 == width * 2 && height2 == height * 2)
        #expect(width >= 640 && height >= 300)
        // An email attachment, not a poster: a 2× heat map of 14 cohorts stays well under 1 MB.
        #expect(twoX.count < 1_000_000)
    }

    @Test func svgIsAnSVGDocument() throws {
        let svg = String(decoding: try ChartFixture.renderer.render(.curves, as: .svg), as: UTF8.self)
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("<svg"))
        #expect(!svg.contains("http://") || svg.contains("http://www.w3.org/")) // no external references
    }

    @Test func multiPagePDFHasOnePagePerChartWithEmbeddedFonts() throws {
        let pdf = try ChartFixture.renderer.renderPDF(ChartKind.allCases)
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-charts-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        guard let info = try Poppler.run("pdfinfo", file.path) else { return } // poppler-utils not installed: byte checks above only
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)
        #expect(pages == "\(ChartKind.allCases.count)")
        let fonts = try #require(try Poppler.run("pdffonts", file.path))
        let fontLines = fonts.split(separator: "\n").dropFirst(2)
        #expect(!fontLines.isEmpty)
        for line in fontLines {
            #expect(line.contains("DejaVu"), "unexpected font: \(line)")
            // Columns: name type encoding emb sub uni object ID; "yes yes" = embedded subset.
            #expect(line.contains(" yes yes "), "font not embedded: \(line)")
        }
    }

    @Test func germanLabelsWithUmlautsRender() throws {
        var style = ChartFixture.style
        style.language = .german
        // The SVG's words: SVGContextTests.germanLabelsAreTextInTheSVG. Here the PDF's text layer.
        let pdf = try ChartRenderer(analysis: ChartFixture.analysis, style: style).render(.retention, as: .pdf)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-de-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        guard let text = try Poppler.run("pdftotext", file.path, "-") else { return }
        #expect(text.contains("Kundenbindung je Kohorte"))
        #expect(text.contains("Durchschnitt"))
        #expect(text.contains("Februar 2026"))
    }
}

/// Width and height from a PNG's IHDR chunk.
func PNGHeader(_ data: Data) -> (Int, Int)? {
    let bytes = [UInt8](data.prefix(24))
    guard bytes.count == 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
    func integer(_ offset: Int) -> Int { bytes[offset ..< offset + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (integer(16), integer(20))
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
