import Foundation

extension ChartRenderer {
    /// A chart as SVG markup for embedding in an HTML page: no XML declaration, and every
    /// id (Cairo's `surface1`, `glyph0-1`, `clip2`, ...) prefixed, so that several charts
    /// can share one document without their ids colliding.
    public func inlineSVG(_ kind: ChartKind, idPrefix: String) throws(ChartError) -> String {
        Self.inline(try render(kind, as: .svg), idPrefix: idPrefix)
    }

    /// SVG file bytes as markup for embedding (see `inlineSVG(_:idPrefix:)`).
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
