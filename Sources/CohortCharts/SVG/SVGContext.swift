import Foundation

/// Draws a chart as SVG markup: `<path>` for shapes, `<text>` for text, `<clipPath>` for clipping.
///
/// Cairo's SVG surface turns every glyph into a path (a 36-cohort heat map became 500 KB);
/// here text stays text, so it is small, selectable and found by the browser's search.
/// Text is measured with Cairo in the same font as PNG and PDF, so every label sits where
/// it sits there; the SVG anchors text by its start, middle or end, so that a viewer
/// without DejaVu Sans still aligns it.
///
///     let svg = try SVGContext(width: 640, height: 400, fontFamily: "DejaVu Sans")
///     chart.draw(on: ChartCanvas(context: svg, style: style))
///     let file = svg.document()
///
/// Points are mapped through the current transform as they are added (as Cairo does),
/// so the markup needs no `transform` except on turned text. Output is deterministic.
final class SVGContext: DrawingContext {
    let width: Double
    let height: Double
    let fontFamily: String
    /// Put before every id (`clip3`), so that several charts can share one HTML page.
    let idPrefix: String

    private struct GraphicsState {
        var color = Color.black
        var lineWidth = 2.0
        var dash: [Double] = []
        var roundCaps = false
        var fontSize = 10.0
        var bold = false
        var transform = AffineTransform.identity
    }

    private var state = GraphicsState()
    /// Saved states, each with the number of clip groups open when it was saved.
    private var saved: [(state: GraphicsState, openGroups: Int)] = []
    private var openGroups = 0
    private var clipCount = 0
    private var body = ""
    /// The current path in the SVG's coordinates, as path data.
    private var path = ""
    private var currentPoint: Point?
    private var subpathStart: Point?
    /// Measures text exactly as the PNG and PDF renderers do.
    private let measure: CairoContext

    /// `width` and `height` in points are rounded up to whole points, as for PNG and PDF.
    init(width: Double, height: Double, fontFamily: String, idPrefix: String = "") throws(ChartError) {
        self.width = width.rounded(.up)
        self.height = height.rounded(.up)
        self.fontFamily = fontFamily
        self.idPrefix = idPrefix
        measure = try CairoContext(surface: CairoSurface(format: .png, width: 1, height: 1, scale: 1), fontFamily: fontFamily)
        body.reserveCapacity(64 * 1024)
    }

    // MARK: Output

    /// A standalone SVG file: XML declaration, size in points.
    func document() -> Data {
        Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + markup(attributes: "width=\"\(SVGMarkup.number(width))pt\" height=\"\(SVGMarkup.number(height))pt\"")).utf8)
    }

    /// The `<svg>` element for embedding in HTML. With `minimumWidth` (CSS pixels) the chart is
    /// never shown narrower, so that its smallest text stays readable; its box scrolls instead.
    func inlineMarkup(minimumWidth: Double? = nil) -> String {
        var attributes = "width=\"\(SVGMarkup.number(width))\" height=\"\(SVGMarkup.number(height))\""
        if let minimumWidth { attributes += " style=\"min-width:\(Int(minimumWidth.rounded(.up)))px\"" }
        return markup(attributes: attributes)
    }

    private func markup(attributes: String) -> String {
        let family = SVGMarkup.escaped("'\(fontFamily)', Verdana, sans-serif")
        var closing = ""
        for _ in 0 ..< openGroups { closing += "</g>" }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVGMarkup.number(width)) \(SVGMarkup.number(height))\" "
            + attributes + " font-family=\"\(family)\" stroke-linejoin=\"round\">\n" + body + closing + "</svg>\n"
    }

    // MARK: State

    func save() {
        saved.append((state, openGroups))
        measure.save()
    }

    func restore() {
        guard let last = saved.popLast() else { return }
        while openGroups > last.openGroups {
            body += "</g>"
            openGroups -= 1
        }
        state = last.state
        measure.restore()
    }

    func setColor(_ color: Color) { state.color = color }
    func setLineWidth(_ width: Double) { state.lineWidth = width }
    func setDash(_ pattern: [Double]) { state.dash = pattern }
    func setRoundCaps(_ round: Bool) { state.roundCaps = round }

    func translate(_ x: Double, _ y: Double) { state.transform = state.transform.translated(x, y) }
    func rotate(_ radians: Double) { state.transform = state.transform.rotated(radians) }
    func scale(_ x: Double, _ y: Double) { state.transform = state.transform.scaled(x, y) }

    // MARK: Path

    func moveTo(_ x: Double, _ y: Double) {
        let point = state.transform.apply(x, y)
        path += "M\(SVGMarkup.number(point.x)) \(SVGMarkup.number(point.y))"
        currentPoint = point
        subpathStart = point
    }

    func lineTo(_ x: Double, _ y: Double) {
        guard let current = currentPoint else { return moveTo(x, y) }
        let point = state.transform.apply(x, y)
        let (newX, newY) = (SVGMarkup.number(point.x), SVGMarkup.number(point.y))
        if newY == SVGMarkup.number(current.y) {
            path += "H" + newX
        } else if newX == SVGMarkup.number(current.x) {
            path += "V" + newY
        } else {
            path += "L\(newX) \(newY)"
        }
        currentPoint = point
    }

    func closePath() {
        guard currentPoint != nil else { return }
        path += "Z"
        currentPoint = subpathStart
    }

    func rectangle(_ rect: Rect) {
        moveTo(rect.minX, rect.minY)
        lineTo(rect.maxX, rect.minY)
        lineTo(rect.maxX, rect.maxY)
        lineTo(rect.minX, rect.maxY)
        closePath()
    }

    func circle(centerX: Double, centerY: Double, radius: Double) {
        currentPoint = nil
        arc(centerX: centerX, centerY: centerY, radius: radius, from: 0, to: 2 * Double.pi)
    }

    func roundedRectangle(_ rect: Rect, radius: Double) {
        let radius = max(0, min(radius, rect.width / 2, rect.height / 2))
        guard radius > 0 else { return rectangle(rect) }
        currentPoint = nil
        arc(centerX: rect.maxX - radius, centerY: rect.minY + radius, radius: radius, from: -Double.pi / 2, to: 0)
        arc(centerX: rect.maxX - radius, centerY: rect.maxY - radius, radius: radius, from: 0, to: Double.pi / 2)
        arc(centerX: rect.minX + radius, centerY: rect.maxY - radius, radius: radius, from: Double.pi / 2, to: Double.pi)
        arc(centerX: rect.minX + radius, centerY: rect.minY + radius, radius: radius, from: Double.pi, to: 3 * Double.pi / 2)
        closePath()
    }

    /// Cairo's `cairo_arc`: a line from the current point (if any) to the arc's start, then the arc
    /// with increasing angle (clockwise on screen). Exact for transforms that scale x and y alike.
    private func arc(centerX: Double, centerY: Double, radius: Double, from start: Double, to end: Double) {
        func point(_ angle: Double) -> Point { state.transform.apply(centerX + radius * cos(angle), centerY + radius * sin(angle)) }
        let first = point(start)
        if currentPoint == nil {
            path += "M\(SVGMarkup.number(first.x)) \(SVGMarkup.number(first.y))"
            subpathStart = first
        } else {
            path += "L\(SVGMarkup.number(first.x)) \(SVGMarkup.number(first.y))"
        }
        let r = SVGMarkup.number(radius * state.transform.lengthFactor)
        let sweep = state.transform.mirrors ? "0" : "1"
        // An arc command cannot draw a whole circle: split anything over half a turn.
        let pieces = end - start > Double.pi ? 2 : 1
        for piece in 1 ... pieces {
            let to = point(start + (end - start) * Double(piece) / Double(pieces))
            path += "A\(r) \(r) 0 0 \(sweep) \(SVGMarkup.number(to.x)) \(SVGMarkup.number(to.y))"
            currentPoint = to
        }
    }

    // MARK: Painting

    func fill() {
        fillPreserve()
        clearPath()
    }

    func fillPreserve() {
        guard !path.isEmpty else { return }
        body += "<path d=\"\(path)\" fill=\"\(SVGMarkup.color(state.color))\"\(opacity("fill-opacity"))/>\n"
    }

    func stroke() {
        guard !path.isEmpty else { return }
        let factor = state.transform.lengthFactor
        var attributes = " fill=\"none\" stroke=\"\(SVGMarkup.color(state.color))\"\(opacity("stroke-opacity"))"
        attributes += " stroke-width=\"\(SVGMarkup.number(state.lineWidth * factor))\""
        if !state.dash.isEmpty {
            attributes += " stroke-dasharray=\"\(state.dash.map { SVGMarkup.number($0 * factor) }.joined(separator: " "))\""
        }
        if state.roundCaps { attributes += " stroke-linecap=\"round\"" }
        body += "<path d=\"\(path)\"\(attributes)/>\n"
        clearPath()
    }

    func clip() {
        guard !path.isEmpty else { return }
        clipCount += 1
        let id = "\(idPrefix)clip\(clipCount)"
        body += "<clipPath id=\"\(id)\"><path d=\"\(path)\"/></clipPath><g clip-path=\"url(#\(id))\">\n"
        openGroups += 1
        clearPath()
    }

    private func clearPath() {
        path = ""
        currentPoint = nil
        subpathStart = nil
    }

    /// ` fill-opacity="0.35"`, or nothing for an opaque color.
    private func opacity(_ attribute: String) -> String {
        state.color.alpha < 1 ? " \(attribute)=\"\(SVGMarkup.number(state.color.alpha))\"" : ""
    }

    // MARK: Text

    func setFont(size: Double, bold: Bool) {
        state.fontSize = size
        state.bold = bold
        measure.setFont(size: size, bold: bold)
    }

    func textWidth(_ text: String) -> Double { measure.textWidth(text) }

    func fontMetrics() -> (ascent: Double, descent: Double) { measure.fontMetrics() }

    func showText(_ text: String, x: Double, y: Double, align: ChartCanvas.HorizontalAlignment) {
        guard !text.isEmpty else { return }
        let transform = state.transform
        var attributes: String
        if transform.isAxisAligned && transform.a == transform.d && transform.a > 0 {
            let point = transform.apply(x, y)
            attributes = "x=\"\(SVGMarkup.number(point.x))\" y=\"\(SVGMarkup.number(point.y))\" font-size=\"\(SVGMarkup.number(state.fontSize * transform.a))\""
        } else {
            let matrix = [transform.a, transform.b, transform.c, transform.d, transform.e, transform.f].map(SVGMarkup.number).joined(separator: " ")
            attributes = "transform=\"matrix(\(matrix))\" x=\"\(SVGMarkup.number(x))\" y=\"\(SVGMarkup.number(y))\" font-size=\"\(SVGMarkup.number(state.fontSize))\""
        }
        if state.bold { attributes += " font-weight=\"bold\"" }
        attributes += " fill=\"\(SVGMarkup.color(state.color))\"\(opacity("fill-opacity"))"
        switch align {
        case .left: break
        case .center: attributes += " text-anchor=\"middle\""
        case .right: attributes += " text-anchor=\"end\""
        }
        // xml:space keeps runs of spaces as they were measured.
        if text.contains("  ") { attributes += " xml:space=\"preserve\"" }
        body += "<text \(attributes)>\(SVGMarkup.escaped(text))</text>\n"
    }

    // MARK: Images

    func draw(_ image: CairoImage, in rect: Rect) {
        guard image.width > 0, image.height > 0, !image.png.isEmpty else { return }
        let source = "data:image/png;base64," + Data(image.png).base64EncodedString()
        let transform = state.transform
        let matrix = [transform.a, transform.b, transform.c, transform.d, transform.e, transform.f].map(SVGMarkup.number).joined(separator: " ")
        body += "<image transform=\"matrix(\(matrix))\" x=\"\(SVGMarkup.number(rect.x))\" y=\"\(SVGMarkup.number(rect.y))\""
            + " width=\"\(SVGMarkup.number(rect.width))\" height=\"\(SVGMarkup.number(rect.height))\" preserveAspectRatio=\"none\" href=\"\(source)\"/>\n"
    }
}
