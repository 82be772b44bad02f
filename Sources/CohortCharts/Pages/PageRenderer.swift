import CohortCore
import Foundation

/// The management report as one A4 landscape PDF: a cover with the headline cards,
/// then one page per section with its chart, summary and table.
///
///     let pdf = try PageRenderer(document: document, analysis: analysis, style: style).render()
///
/// Fonts are embedded (Cairo subsets them), every page has the footer and
/// "Page n / N", and each page is a bookmark in the viewer's sidebar. Output is
/// deterministic: the same document, analysis and style give the same bytes.
public struct PageRenderer: Sendable {
    let document: PageDocument
    let analysis: CohortAnalysis
    let style: ChartStyle

    public init(document: PageDocument, analysis: CohortAnalysis, style: ChartStyle) {
        self.document = document
        self.analysis = analysis
        self.style = style
    }

    /// The whole PDF. Throws when Cairo fails or the logo is not a readable PNG.
    public func render() throws(ChartError) -> Data {
        var logo: CairoImage?
        if let bytes = document.logoPNG, !bytes.isEmpty { logo = try CairoImage(png: bytes) }
        let surface = try CairoSurface(format: .pdf, width: ReportPage.width, height: ReportPage.height)
        surface.setTitle(document.title)
        if let createdAt = document.createdAt { surface.setCreationDate(createdAt) }
        let context = try CairoContext(surface: surface, fontFamily: style.fontFamily)
        let canvas = ChartCanvas(context: context, style: style)
        let pageCount = 1 + document.sections.count

        ReportCover(document: document, logo: logo).draw(on: canvas)
        drawFooter(page: 1, of: pageCount, on: canvas)
        surface.addOutline(document.title, page: 1)

        for (index, section) in document.sections.enumerated() {
            context.showPage()
            var chartStyle = style
            chartStyle.segmentAttribute = section.segmentAttribute
            ReportSectionPage(section: section, chart: section.chart.chart(for: analysis, style: chartStyle)).draw(on: canvas)
            drawFooter(page: index + 2, of: pageCount, on: canvas)
            surface.addOutline(section.heading, page: index + 2)
        }
        try context.checkStatus()
        return try surface.finish()
    }

    /// A hairline, the document's footer on the left and the page number on the right, in the bottom margin.
    private func drawFooter(page: Int, of pageCount: Int, on canvas: ChartCanvas) {
        let size = 8.0
        let left = ReportPage.margin, right = ReportPage.width - ReportPage.margin
        let ruleY = ReportPage.contentBottom + 10
        let baseline = ruleY + 14
        canvas.line(from: Point(x: left, y: ruleY), to: Point(x: right, y: ruleY), ReportPalette.rule, width: 0.8)
        let number = "\(document.pageWord) \(page) / \(pageCount)"
        canvas.text(number, x: right, y: baseline, size: size, color: Palette.mutedText, align: .right)
        let room = right - left - canvas.textWidth(number, size: size) - 24
        if !document.footer.isEmpty {
            canvas.text(canvas.fitting(document.footer, maxWidth: room, size: size), x: left, y: baseline, size: size, color: Palette.mutedText)
        }
    }
}
