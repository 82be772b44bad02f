import Foundation

extension ChartRenderer {
    /// The CSS pixel size of the numbers inside a chart (heat map cells) below which the page
    /// scrolls the chart rather than shrinking it: DejaVu Sans digits are 0.729 em high, so
    /// 12.4 px text has digits 9 px high.
    public static let smallestValueTextPixels = 12.4

    /// A chart as SVG markup for embedding in an HTML page: no XML declaration, every id
    /// prefixed with `idPrefix` (so that several charts can share one document), text as
    /// `<text>`. A chart with numbers in its plot (a heat map) carries a `min-width` at
    /// which they are `smallestValueTextPixels` high; a page shows it in a box that scrolls.
    public func inlineSVG(_ kind: ChartKind, idPrefix: String) throws(ChartError) -> String {
        let chart = kind.chart(for: analysis, style: style)
        let svg = try drawSVG(chart, idPrefix: idPrefix)
        let valueSize = chart.valueTextSize(on: ChartCanvas(context: svg, style: style))
        return svg.inlineMarkup(minimumWidth: valueSize.map { chart.width.rounded(.up) * Self.smallestValueTextPixels / $0 })
    }

    /// Several charts as inline SVG (see `inlineSVG(_:idPrefix:)`), drawn in parallel, each
    /// with its ids prefixed by `idPrefix` (by default its file name: "retention-clip1").
    public func inlineSVGs(_ kinds: [ChartKind], idPrefix: @escaping @Sendable (ChartKind) -> String = { "\($0.fileName)-" })
        throws(ChartError) -> [ChartKind: String] {
        try inParallel(kinds) { kind throws(ChartError) in try inlineSVG(kind, idPrefix: idPrefix(kind)) }
    }

    /// SVG file bytes as markup for embedding (see `inlineSVG(_:idPrefix:)`): the XML
    /// declaration dropped and every id (`clip2`, ...) prefixed.
    public static func inline(_ file: Data, idPrefix: String) -> String {
        var svg = String(decoding: file, as: UTF8.self)
        if let declarationEnd = svg.range(of: "?>"), svg.hasPrefix("<?xml") {
            svg = String(svg[declarationEnd.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let ids = try? NSRegularExpression(pattern: #"id="([^"]+)""#) else { return svg }
        let names = Set(ids.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).compactMap { match in
            Range(match.range(at: 1), in: svg).map { String(svg[$0]) }
        })
        guard !names.isEmpty, let references = try? NSRegularExpression(pattern: #"(id="|#)([A-Za-z][\w.-]*)"#) else { return svg }
        var result = ""
        var last = svg.startIndex
        for match in references.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)) {
            guard let whole = Range(match.range, in: svg), let lead = Range(match.range(at: 1), in: svg),
                  let name = Range(match.range(at: 2), in: svg), names.contains(String(svg[name])) else { continue }
            result += svg[last ..< whole.lowerBound] + svg[lead] + idPrefix + svg[name]
            last = whole.upperBound
        }
        return result + svg[last...]
    }
}
