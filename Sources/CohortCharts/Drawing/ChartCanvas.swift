/// The drawing vocabulary charts use: aligned text, lines, boxes, hatching, clipping.
///
/// Wraps a `DrawingContext` (Cairo for PNG and PDF, `SVGContext` for SVG) so that chart
/// code reads as a description of the picture, not as drawing calls. Coordinates are
/// points, origin top left.
final class ChartCanvas {
    enum HorizontalAlignment { case left, center, right }
    enum VerticalAlignment { case top, middle, baseline, bottom }

    let context: any DrawingContext
    let style: ChartStyle

    init(context: any DrawingContext, style: ChartStyle) {
        self.context = context
        self.style = style
    }

    // MARK: Text

    func textWidth(_ text: String, size: Double, bold: Bool = false) -> Double {
        context.setFont(size: size, bold: bold)
        return context.textWidth(text)
    }

    /// Draws `text` anchored at (x, y) by the given alignments.
    func text(_ text: String, x: Double, y: Double, size: Double, bold: Bool = false, color: Color = Palette.text,
              align: HorizontalAlignment = .left, vertical: VerticalAlignment = .baseline) {
        context.setFont(size: size, bold: bold)
        let (ascent, descent) = context.fontMetrics()
        let baseline: Double
        switch vertical {
        case .baseline: baseline = y
        // Cap height of DejaVu is about 0.73 em; centre on it rather than on ascent + descent.
        case .middle: baseline = y + size * 0.36
        case .top: baseline = y + ascent * 0.92
        case .bottom: baseline = y - descent
        }
        context.setColor(color)
        context.showText(text, x: x, y: baseline, align: align)
    }

    /// Draws text turned 90° counter-clockwise, centred on (x, y) (for vertical axis titles).
    func verticalText(_ text: String, x: Double, y: Double, size: Double, color: Color = Palette.mutedText) {
        context.save()
        context.translate(x, y)
        context.rotate(-Double.pi / 2)
        self.text(text, x: 0, y: 0, size: size, color: color, align: .center, vertical: .middle)
        context.restore()
    }

    /// `text`, shortened with "…" until it fits `maxWidth`.
    func fitting(_ text: String, maxWidth: Double, size: Double, bold: Bool = false) -> String {
        guard textWidth(text, size: size, bold: bold) > maxWidth else { return text }
        var characters = Array(text)
        while !characters.isEmpty && textWidth(String(characters) + "…", size: size, bold: bold) > maxWidth {
            characters.removeLast()
        }
        return String(characters) + "…"
    }

    // MARK: Shapes

    func fill(_ rect: Rect, _ color: Color) {
        context.setColor(color)
        context.rectangle(rect)
        context.fill()
    }

    func stroke(_ rect: Rect, _ color: Color, width: Double = 1) {
        context.setColor(color)
        context.setLineWidth(width)
        context.setDash([])
        context.rectangle(rect)
        context.stroke()
    }

    func line(from start: Point, to end: Point, _ color: Color, width: Double = 1, dash: [Double] = []) {
        polyline([start, end], color, width: width, dash: dash)
    }

    func polyline(_ points: [Point], _ color: Color, width: Double = 1.5, dash: [Double] = []) {
        guard let first = points.first, points.count > 1 else { return }
        context.setColor(color)
        context.setLineWidth(width)
        context.setDash(dash)
        context.setRoundCaps(dash.isEmpty)
        context.moveTo(first.x, first.y)
        for point in points.dropFirst() { context.lineTo(point.x, point.y) }
        context.stroke()
        context.setDash([])
    }

    /// Fills the polygon through `points` (closed back to the first).
    func fill(polygon points: [Point], _ color: Color) {
        guard let first = points.first, points.count > 2 else { return }
        context.setColor(color)
        context.moveTo(first.x, first.y)
        for point in points.dropFirst() { context.lineTo(point.x, point.y) }
        context.closePath()
        context.fill()
    }

    func dot(_ center: Point, radius: Double, _ color: Color, outline: Color? = nil) {
        context.setColor(color)
        context.circle(centerX: center.x, centerY: center.y, radius: radius)
        if let outline {
            context.fillPreserve()
            context.setColor(outline)
            context.setLineWidth(1)
            context.stroke()
        } else {
            context.fill()
        }
    }

    /// A white dot with a colored ring: a value that is not final yet (a partial period).
    func hollowDot(_ center: Point, radius: Double, _ color: Color) {
        dot(center, radius: radius, .white, outline: nil)
        context.setColor(color)
        context.setLineWidth(1.6)
        context.setDash([])
        context.circle(centerX: center.x, centerY: center.y, radius: radius)
        context.stroke()
    }

    /// Diagonal stripes across `rect` (marks partial periods).
    func hatch(_ rect: Rect, _ color: Color, spacing: Double = 4, width: Double = 0.8) {
        context.save()
        context.rectangle(rect)
        context.clip()
        context.setColor(color)
        context.setLineWidth(width)
        context.setDash([])
        var offset = -rect.height
        while offset < rect.width {
            context.moveTo(rect.minX + offset, rect.maxY)
            context.lineTo(rect.minX + offset + rect.height, rect.minY)
            offset += spacing
        }
        context.stroke()
        context.restore()
    }

    /// Runs `body` with drawing limited to `rect`.
    func clipped(to rect: Rect, _ body: () -> Void) {
        context.save()
        context.rectangle(rect)
        context.clip()
        body()
        context.restore()
    }
}
