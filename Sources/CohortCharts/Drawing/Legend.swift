/// A row of legend entries (swatch + label), wrapped onto as many lines as needed.
struct Legend {
    enum Swatch {
        case box(Color)
        case hatched(Color)
        case line(Color, width: Double, dash: [Double])
        case lineWithDot(Color)
    }

    struct Item {
        var swatch: Swatch
        var label: String
    }

    var items: [Item]
    var fontSize: Double = 10.5

    /// The height the legend needs within `width`.
    func height(on canvas: ChartCanvas, width: Double) -> Double {
        Double(lines(on: canvas, width: width).count) * lineHeight
    }

    /// Draws the legend from the top-left corner of `rect`; returns the height used.
    @discardableResult
    func draw(on canvas: ChartCanvas, in rect: Rect) -> Double {
        var y = rect.minY
        for line in lines(on: canvas, width: rect.width) {
            var x = rect.minX
            for item in line {
                drawSwatch(item.swatch, on: canvas, x: x, centerY: y + lineHeight / 2)
                x += swatchWidth + 5
                canvas.text(item.label, x: x, y: y + lineHeight / 2, size: fontSize, color: Palette.mutedText, vertical: .middle)
                x += canvas.textWidth(item.label, size: fontSize) + itemGap
            }
            y += lineHeight
        }
        return y - rect.minY
    }

    private var lineHeight: Double { fontSize * 1.8 }
    private var swatchWidth: Double { 18 }
    private var itemGap: Double { 18 }

    private func lines(on canvas: ChartCanvas, width: Double) -> [[Item]] {
        var lines: [[Item]] = [[]]
        var used = 0.0
        for item in items {
            let itemWidth = swatchWidth + 5 + canvas.textWidth(item.label, size: fontSize) + itemGap
            if used + itemWidth > width && !(lines.last?.isEmpty ?? true) {
                lines.append([])
                used = 0
            }
            lines[lines.count - 1].append(item)
            used += itemWidth
        }
        return lines.filter { !$0.isEmpty }
    }

    private func drawSwatch(_ swatch: Swatch, on canvas: ChartCanvas, x: Double, centerY: Double) {
        let box = Rect(x: x + 3, y: centerY - 6, width: 12, height: 12)
        switch swatch {
        case .box(let color):
            canvas.fill(box, color)
        case .hatched(let color):
            canvas.fill(box, Palette.emptyCell)
            canvas.hatch(box, color, spacing: 3.5)
            canvas.stroke(box, color, width: 0.8)
        case .line(let color, let width, let dash):
            canvas.line(from: Point(x: x, y: centerY), to: Point(x: x + swatchWidth, y: centerY), color, width: width, dash: dash)
        case .lineWithDot(let color):
            canvas.line(from: Point(x: x, y: centerY), to: Point(x: x + swatchWidth, y: centerY), color, width: 2)
            canvas.dot(Point(x: x + swatchWidth / 2, y: centerY), radius: 3, color, outline: .white)
        }
    }
}
