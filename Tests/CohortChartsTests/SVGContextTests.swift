@testable import CohortCharts
import CohortVocabulary
import Foundation
import Testing

/// SVG written by `SVGContext`: text stays text, measured as Cairo measures it, so a chart
/// looks the same as its PNG and PDF; shapes go through the transform as Cairo's do.
struct SVGContextTests {
    private func canvas(width: Double = 200, height: Double = 100, idPrefix: String = "") throws -> (SVGContext, ChartCanvas) {
        let svg = try SVGContext(width: width, height: height, fontFamily: "DejaVu Sans", idPrefix: idPrefix)
        return (svg, ChartCanvas(context: svg, style: ChartStyle(scale: 1)))
    }

    private func markup(_ svg: SVGContext) -> String { String(decoding: svg.document(), as: UTF8.self) }

    @Test func numbersAreRoundedToHundredthsWithoutTrailingZeros() {
        #expect(SVGMarkup.number(12.5) == "12.5")
        #expect(SVGMarkup.number(3) == "3")
        #expect(SVGMarkup.number(1.05) == "1.05")
        #expect(SVGMarkup.number(-0.254) == "-0.25")
        #expect(SVGMarkup.number(0.001) == "0")
        #expect(SVGMarkup.number(-0.004) == "0")
        #expect(SVGMarkup.number(1121.999) == "1122")
        #expect(SVGMarkup.color(Color(hex: 0x1F5A96)) == "#1f5a96")
        #expect(SVGMarkup.escaped("a < b & \"c\"") == "a &lt; b &amp; &quot;c&quot;")
    }

    @Test func textIsTextAnchoredAsAligned() throws {
        let (svg, canvas) = try canvas()
        canvas.text("Umsatz 1.234 €", x: 190, y: 50, size: 10, align: .right)
        canvas.text("Kündigungen <2>", x: 100, y: 20, size: 12, bold: true, color: Color(hex: 0xFF0000), align: .center, vertical: .middle)
        canvas.text("left", x: 10, y: 80, size: 9)
        let text = markup(svg)
        #expect(text.hasPrefix("<?xml"))
        #expect(text.contains(##"<text x="190" y="50" font-size="10" fill="#1f2328" text-anchor="end">Umsatz 1.234 €</text>"##))
        // Middle alignment puts the baseline 0.36 em below y: 20 + 12 × 0.36 = 24.32.
        #expect(text.contains(##"<text x="100" y="24.32" font-size="12" font-weight="bold" fill="#ff0000" text-anchor="middle">Kündigungen &lt;2&gt;</text>"##))
        #expect(text.contains(##"<text x="10" y="80" font-size="9" fill="#1f2328">left</text>"##))
        #expect(!text.contains("<path")) // no glyph outlines
    }

    @Test func pathsGoThroughTheTransformAndLineWidthsScaleWithIt() throws {
        let (svg, canvas) = try canvas()
        svg.save()
        svg.translate(5, 5)
        svg.scale(2, 2)
        canvas.fill(Rect(x: 0, y: 0, width: 10, height: 10), Color(hex: 0x00FF00, alpha: 0.5))
        canvas.line(from: Point(x: 0, y: 20), to: Point(x: 10, y: 20), Color.black, width: 1, dash: [2, 1])
        svg.restore()
        canvas.line(from: Point(x: 0, y: 0), to: Point(x: 3, y: 4), Color.black, width: 1)
        let text = markup(svg)
        // (0, 0)–(10, 10) scaled by 2 and moved by 5: 5 to 25.
        #expect(text.contains(##"<path d="M5 5H25V25H5Z" fill="#00ff00" fill-opacity="0.5"/>"##))
        // y = 20 → 45; width 1 → 2; dashes 2, 1 → 4, 2; dashed lines have butt caps.
        #expect(text.contains(##"<path d="M5 45H25" fill="none" stroke="#000000" stroke-width="2" stroke-dasharray="4 2"/>"##))
        // After restore: no transform, round caps for a solid line.
        #expect(text.contains(##"<path d="M0 0L3 4" fill="none" stroke="#000000" stroke-width="1" stroke-linecap="round"/>"##))
    }

    @Test func turnedTextCarriesItsMatrix() throws {
        let (svg, canvas) = try canvas()
        canvas.verticalText("Kunden", x: 30, y: 50, size: 10)
        // Turned −90°: cos = 0, sin = −1 → matrix(0 −1 1 0 30 50); the text is centred on its own origin.
        #expect(markup(svg).contains(##"<text transform="matrix(0 -1 1 0 30 50)" x="0" y="3.6" font-size="10" fill="#59636e" text-anchor="middle">Kunden</text>"##))
    }

    @Test func circlesAreTwoArcsAndClipsEndWithTheirSave() throws {
        let (svg, canvas) = try canvas(idPrefix: "trends-")
        canvas.dot(Point(x: 50, y: 50), radius: 4, Color.black)
        canvas.clipped(to: Rect(x: 0, y: 0, width: 20, height: 20)) {
            canvas.fill(Rect(x: 0, y: 0, width: 40, height: 40), Color.white)
        }
        canvas.fill(Rect(x: 0, y: 0, width: 1, height: 1), Color.black)
        let text = markup(svg)
        #expect(text.contains(##"<path d="M54 50A4 4 0 0 1 46 50A4 4 0 0 1 54 50" fill="#000000"/>"##))
        let clip = try #require(text.range(of: ##"<clipPath id="trends-clip1"><path d="M0 0H20V20H0Z"/></clipPath><g clip-path="url(#trends-clip1)">"##))
        let inside = try #require(text.range(of: ##"<path d="M0 0H40V40H0Z" fill="#ffffff"/>"##))
        let close = try #require(text.range(of: "</g>"))
        let after = try #require(text.range(of: ##"<path d="M0 0H1V1H0Z" fill="#000000"/>"##))
        #expect(clip.upperBound <= inside.lowerBound && inside.upperBound <= close.lowerBound && close.upperBound <= after.lowerBound)
    }

    @Test func textSitsWhereCairoPutsItInThePDF() throws {
        // Poppler measures the words of the PDF Cairo wrote; the SVG's anchors must agree with them.
        let svg = String(decoding: try ChartFixture.renderer.render(.retention, as: .svg), as: UTF8.self)
        let pdf = try ChartFixture.renderer.render(.retention, as: .pdf)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-svg-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        guard let boxes = try Poppler.run("pdftotext", "-bbox", file.path, "-") else { return }
        // Age headers are centred on their cells, cohort sizes right-aligned, cohort labels left-aligned.
        var compared = 0
        for (word, anchor) in [("M3", "middle"), ("M11", "middle"), ("2025-04", nil)] as [(String, String?)] {
            let pattern = #"<text x="([0-9.]+)" y="[0-9.]+" font-size="[0-9.]+"[^>]*"# + (anchor.map { #" text-anchor="\#($0)""# } ?? "") + ">\(word)</text>"
            guard let match = svg.range(of: pattern, options: .regularExpression) else { Issue.record("\(word) not in the SVG"); continue }
            let x = try #require(Double(svg[match].split(separator: "\"")[1]))
            guard let line = boxes.split(separator: "\n").first(where: { $0.hasSuffix(">\(word)</word>") }) else { Issue.record("\(word) not in the PDF"); continue }
            func value(_ name: String) -> Double? {
                line.range(of: #"\#(name)="[0-9.]+""#, options: .regularExpression).flatMap { Double(line[$0].split(separator: "\"")[1]) }
            }
            let xMin = try #require(value("xMin")), xMax = try #require(value("xMax"))
            let expected = anchor == "middle" ? (xMin + xMax) / 2 : xMin
            #expect(abs(x - expected) < 0.35, "\(word): SVG \(x), PDF \(expected)")
            compared += 1
        }
        #expect(compared == 3)
    }

    @Test func germanLabelsAreTextInTheSVG() throws {
        var style = ChartFixture.style
        style.language = .german
        let svg = String(decoding: try ChartRenderer(analysis: ChartFixture.analysis, style: style).render(.retention, as: .svg), as: UTF8.self)
        #expect(svg.contains(">Kundenbindung je Kohorte</text>"))
        #expect(svg.contains(">Durchschnitt</text>"))
        #expect(svg.contains("Februar 2026"))
    }

    @Test func theExampleHeatMapIsSmallAndKeepsItsDigitsReadable() throws {
        // 36 cohorts: Cairo's SVG surface wrote 500 KB per heat map (every digit a path).
        let renderer = ChartRenderer(analysis: ChartFixture.examples, style: ChartStyle(source: "orders.csv"))
        let inline = try renderer.inlineSVG(.retention, idPrefix: "retention-")
        #expect(inline.utf8.count < 150_000, "\(inline.utf8.count) bytes")
        #expect(!inline.hasPrefix("<?xml") && !inline.contains("glyph"))
        let minimumWidth = try #require(Self.number(in: inline, #"min-width:([0-9]+)px"#))
        let viewBoxWidth = try #require(Self.number(in: inline, #"viewBox="0 0 ([0-9.]+) "#))
        // Every number of the grid (cells, cohort sizes, ages) at the smallest size the page shows it:
        // DejaVu Sans digits are 0.729 em high.
        let cellSizes = Self.numbers(in: inline, #"font-size="([0-9.]+)"[^>]*>[0-9]+</text>"#)
        let smallest = try #require(cellSizes.min())
        #expect(smallest * minimumWidth / viewBoxWidth * 0.729 >= 9, "digits \(smallest * minimumWidth / viewBoxWidth * 0.729) px high")
        // Charts without numbers in the plot fill the column (no minimum width).
        #expect(!(try renderer.inlineSVG(.trends, idPrefix: "trends-")).contains("min-width"))
    }

    @Test func idsAreUniqueAcrossEveryChartOfAPage() throws {
        let svgs = try ChartFixture.renderer.inlineSVGs(ChartKind.allCases)
        var ids: [String] = []
        for (kind, svg) in svgs {
            let own = Self.strings(in: svg, #"id="([^"]+)""#)
            #expect(own.allSatisfy { $0.hasPrefix("\(kind.fileName)-") }, "\(kind)")
            for reference in Self.strings(in: svg, #"url\(#([^)]+)\)"#) { #expect(own.contains(reference), "\(kind): #\(reference)") }
            ids += own
        }
        #expect(!ids.isEmpty)
        #expect(Set(ids).count == ids.count)
    }

    // MARK: Helpers

    static func strings(in text: String, _ pattern: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    static func numbers(in text: String, _ pattern: String) -> [Double] { strings(in: text, pattern).compactMap(Double.init) }

    static func number(in text: String, _ pattern: String) -> Double? { numbers(in: text, pattern).first }
}
