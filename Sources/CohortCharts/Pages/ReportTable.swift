import Foundation

/// A small table under a chart: first row the header, numbers right-aligned.
///
/// Laid out to a width and a height it must never leave: long headers break onto
/// two lines and the font shrinks from 8.5 pt to 6.5 pt until every row fits. When
/// no size holds every row, the oldest (top) rows are left out and the newest kept,
/// at the largest size at which no cell is cut.
struct ReportTable {
    let header: [String]
    let body: [[String]]
    let columns: Int

    /// nil when there is nothing to show: no row under the header, or only empty cells.
    init?(_ rows: [[String]]) {
        let columns = rows.map(\.count).max() ?? 0
        guard columns > 0, rows.count > 1, rows.dropFirst().contains(where: { $0.contains { !$0.isEmpty } }) else { return nil }
        let padded = rows.map { $0 + Array(repeating: "", count: columns - $0.count) }
        self.columns = columns
        header = padded[0]
        body = Array(padded.dropFirst())
    }

    struct Layout {
        var fontSize: Double
        var columnWidths: [Double]
        var padding: Double
        var headerLines: [[String]]
        var headerHeight: Double
        var rowHeight: Double
        /// The rows shown: the newest that fit.
        var rows: [[String]]
        var numeric: [Bool]
        /// Columns narrower than their text (cells end in "…"): only at the smallest font.
        var squeezed: Bool

        var width: Double { columnWidths.reduce(0, +) }
        var height: Double { headerHeight + Double(rows.count) * rowHeight }
    }

    static let largestFont = 8.5
    static let smallestFont = 6.5

    /// The table at the largest font that shows every row within `width` × `maxHeight`;
    /// failing that, at the smallest font with the oldest rows left out.
    func layout(on canvas: ChartCanvas, width: Double, maxHeight: Double) -> Layout {
        // The first column names the rows; a column of numbers (and dashes for "no value") is right-aligned.
        let numeric = (0 ..< columns).map { column in
            column > 0 && body.allSatisfy { Self.isPlaceholder($0[column]) || Self.isNumber($0[column]) }
        }
        var readable: Layout?
        for size in stride(from: Self.largestFont, through: Self.smallestFont, by: -0.5) {
            let layout = columnsLayout(on: canvas, size: size, width: width, numeric: numeric)
            guard !layout.squeezed else { continue }
            if readable == nil { readable = layout }
            if rows(fitting: maxHeight, in: layout) >= body.count { return layout }
        }
        // Rows must be left out anyway: keep the largest font at which nothing is cut (or squeeze at the smallest).
        var layout = readable ?? columnsLayout(on: canvas, size: Self.smallestFont, width: width, numeric: numeric)
        layout.rows = Array(body.suffix(rows(fitting: maxHeight, in: layout)))
        return layout
    }

    private func rows(fitting maxHeight: Double, in layout: Layout) -> Int {
        max(0, min(body.count, Int(((maxHeight - layout.headerHeight) / layout.rowHeight).rounded(.down))))
    }

    /// The narrowest the table gets at `size` without cutting any text (long headers on two lines).
    func minimumWidth(on canvas: ChartCanvas, size: Double) -> Double {
        let padding = (size * 0.8).rounded()
        return (0 ..< columns).reduce(0.0) { total, column in
            let cells = body.map { canvas.textWidth($0[column], size: size) }.max() ?? 0
            let header = twoLines(header[column], canvas: canvas, size: size).map { canvas.textWidth($0, size: size, bold: true) }.max() ?? 0
            return total + max(cells, header) + 2 * padding
        }
    }

    /// Column widths at one font size: natural widths, headers on two lines where
    /// that is needed to fit, then (at the smallest size) squeezed proportionally.
    private func columnsLayout(on canvas: ChartCanvas, size: Double, width: Double, numeric: [Bool]) -> Layout {
        let padding = (size * 0.8).rounded()
        let cellWidths = (0 ..< columns).map { column in
            body.map { canvas.textWidth($0[column], size: size) }.max() ?? 0
        }
        var headerLines = header.map { [$0] }
        func headerWidth(_ lines: [String]) -> Double { lines.map { canvas.textWidth($0, size: size, bold: true) }.max() ?? 0 }
        func widths() -> [Double] {
            (0 ..< columns).map { max(cellWidths[$0], headerWidth(headerLines[$0])) + 2 * padding }
        }
        // Break the header that saves the most width onto two lines, until the table fits or none saves any.
        while widths().reduce(0, +) > width {
            let current = widths()
            var best: (column: Int, saving: Double, lines: [String])?
            for column in 0 ..< columns where headerLines[column].count == 1 {
                let lines = twoLines(header[column], canvas: canvas, size: size)
                let saving = current[column] - (max(cellWidths[column], headerWidth(lines)) + 2 * padding)
                if saving > 0.5 && saving > (best?.saving ?? 0) { best = (column, saving, lines) }
            }
            guard let best else { break }
            headerLines[best.column] = best.lines
        }
        var columnWidths = widths()
        let natural = columnWidths.reduce(0, +)
        let squeezed = natural > width + 0.01
        if squeezed {
            // Still too wide (only at the smallest sizes): squeeze every column; cells get "…".
            columnWidths = columnWidths.map { $0 * width / natural }
        } else {
            // Room to spare: air between the columns, up to 3 em each; the table need not span the page.
            let extra = min((width - natural) / Double(columns), size * 3)
            columnWidths = columnWidths.map { $0 + extra }
        }
        let lineCount = Double(headerLines.map(\.count).max() ?? 1)
        return Layout(fontSize: size, columnWidths: columnWidths, padding: padding, headerLines: headerLines,
                      headerHeight: lineCount * size * 1.25 + size * 0.9, rowHeight: (size * 1.75).rounded(), rows: body, numeric: numeric,
                      squeezed: squeezed)
    }

    /// `text` split at the space that makes its longer half shortest; short halves ("CRR" / "12", "Ø" / "Bestellwert") are not made.
    private func twoLines(_ text: String, canvas: ChartCanvas, size: Double) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        guard words.count > 1 else { return [text] }
        var best = [text]
        var bestWidth = Double.infinity
        for split in 1 ..< words.count {
            let lines = [words[..<split].joined(separator: " "), words[split...].joined(separator: " ")]
            guard lines.allSatisfy({ $0.count >= 4 }) else { continue }
            let width = lines.map { canvas.textWidth($0, size: size, bold: true) }.max() ?? 0
            if width < bestWidth { (best, bestWidth) = (lines, width) }
        }
        return best
    }

    /// Draws the laid-out table with its top-left corner at (x, y).
    func draw(_ layout: Layout, x: Double, y: Double, on canvas: ChartCanvas) {
        let size = layout.fontSize
        let lineHeight = size * 1.25
        let lineCount = Double(layout.headerLines.map(\.count).max() ?? 1)
        var left = x
        for (column, lines) in layout.headerLines.enumerated() {
            let width = layout.columnWidths[column]
            // Headers sit on the rule: a one-line header shares the baseline of the lower line of a two-line one.
            for (index, line) in lines.enumerated() {
                let baseline = y + (lineCount - Double(lines.count - index)) * lineHeight + size * 1.05
                drawCell(line, column: column, left: left, width: width, baseline: baseline, layout: layout, bold: true,
                         color: Palette.mutedText, on: canvas)
            }
            left += width
        }
        let headerBottom = y + layout.headerHeight
        canvas.line(from: Point(x: x, y: headerBottom - 0.5), to: Point(x: x + layout.width, y: headerBottom - 0.5), Palette.axis, width: 1)

        for (index, row) in layout.rows.enumerated() {
            let top = headerBottom + Double(index) * layout.rowHeight
            if index % 2 == 1 { canvas.fill(Rect(x: x, y: top, width: layout.width, height: layout.rowHeight), ReportPalette.tableStripe) }
            let baseline = top + layout.rowHeight / 2 + size * 0.36
            var left = x
            for (column, cell) in row.enumerated() {
                drawCell(cell, column: column, left: left, width: layout.columnWidths[column], baseline: baseline, layout: layout,
                         bold: false, color: Self.isPlaceholder(cell) ? Palette.faintText : Palette.text, on: canvas)
                left += layout.columnWidths[column]
            }
        }
        let bottom = headerBottom + Double(layout.rows.count) * layout.rowHeight
        canvas.line(from: Point(x: x, y: bottom), to: Point(x: x + layout.width, y: bottom), ReportPalette.rule, width: 1)
    }

    private func drawCell(_ text: String, column: Int, left: Double, width: Double, baseline: Double, layout: Layout, bold: Bool,
                          color: Color, on canvas: ChartCanvas) {
        let room = width - 2 * layout.padding
        let shown = canvas.fitting(text, maxWidth: room, size: layout.fontSize, bold: bold)
        if layout.numeric[column] {
            canvas.text(shown, x: left + width - layout.padding, y: baseline, size: layout.fontSize, bold: bold, color: color, align: .right)
        } else {
            canvas.text(shown, x: left + layout.padding, y: baseline, size: layout.fontSize, bold: bold, color: color)
        }
    }

    /// "85.3%", "−1.234 €", "+2.1 pp", "€1.3M", "12": starts with a digit after signs and currency symbols.
    static func isNumber(_ cell: String) -> Bool {
        var rest = Substring(cell.trimmingCharacters(in: .whitespaces))
        if rest.hasPrefix("CHF") { rest = rest.dropFirst(3) }
        rest = rest.drop { "+−-–±≈~<>≤≥€$£ ".contains($0) }
        return rest.first?.isNumber ?? false
    }

    /// Empty, or a dash standing for "no value".
    static func isPlaceholder(_ cell: String) -> Bool {
        let trimmed = cell.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || ["–", "—", "-", "−", "n/a", "k. A."].contains(trimmed)
    }
}
