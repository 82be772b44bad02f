/// One section page: heading, the chart scaled to fit, its summary and its table.
///
/// The chart keeps its aspect ratio; its own title and subtitle are cropped away
/// (the section heading and the cover say the same). Three arrangements are tried
/// and the one that draws the chart largest wins:
///
/// - beside: summary in a column right of the chart, table across the page below;
/// - stacked: summary under the chart, table below (very wide charts);
/// - sidebar: chart at full height on the left, summary and table in a column on
///   the right (tall charts, such as the three-panel KPI trends);
/// - inset: the chart as large as the page allows, summary and table in the part of
///   its plot it leaves empty (the young cohorts' corner of a heat map).
///
/// The table never leaves the page: its font shrinks, and if its rows still do not
/// fit, the oldest rows are left out.
struct ReportSectionPage {
    let section: PageDocument.Section
    let chart: any Chart

    static let headingSize = 17.0
    /// Between chart and column, and above the table.
    static let gutter = 22.0
    static let summaryMinimumWidth = 200.0
    /// The most of the page's content height a table below the chart may take.
    static let tableShare = 0.4
    static let summarySizes = [9.5, 9, 8.5]

    /// The part of the chart's own page shown: below its title and subtitle, without most of its white margin.
    static func crop(_ chart: any Chart) -> Rect {
        let side = ChartFrame.margin - 8, top = ChartFrame.margin + 42, bottom = ChartFrame.margin - 10
        return Rect(x: side, y: top, width: chart.width - 2 * side, height: chart.height - top - bottom)
    }

    func draw(on canvas: ChartCanvas) {
        let content = ReportPage.content
        let ruleY = canvas.reportHeading(section.heading, x: content.minX, y: content.minY, width: content.width, size: Self.headingSize)
        let top = ruleY + 16
        let area = Rect(x: content.minX, y: top, width: content.width, height: content.maxY - top)
        let table = ReportTable(section.table)
        let placement = arrange(in: area, table: table, canvas: canvas)
        drawChart(in: placement.chart, scale: placement.scale, on: canvas)
        if let summary = placement.summary {
            drawSummary(summary.lines, at: Point(x: summary.rect.minX, y: summary.rect.minY), size: summary.size, on: canvas)
        }
        if let table, let placed = placement.table {
            table.draw(placed.layout, x: placed.origin.x, y: placed.origin.y, on: canvas)
        }
    }

    // MARK: Layout

    private struct Summary {
        var rect: Rect
        var lines: [[String]]
        var size: Double
    }

    private struct Placement {
        var chart: Rect
        var scale: Double
        var summary: Summary?
        var table: (layout: ReportTable.Layout, origin: Point)?
    }

    private func arrange(in area: Rect, table: ReportTable?, canvas: ChartCanvas) -> Placement {
        let crop = Self.crop(chart)
        let paragraphs = section.summary.filter { !$0.isEmpty }

        // Beside and stacked share the table across the page foot.
        let below = table?.layout(on: canvas, width: area.width, maxHeight: area.height * Self.tableShare)
        let upper = Rect(x: area.minX, y: area.minY, width: area.width, height: area.height - (below.map { $0.height + Self.gutter } ?? 0))
        var candidates: [Placement] = []
        if let beside = beside(in: upper, crop: crop, paragraphs: paragraphs, canvas: canvas) { candidates.append(beside) }
        if let stacked = stacked(in: upper, crop: crop, paragraphs: paragraphs, canvas: canvas) { candidates.append(stacked) }
        for index in candidates.indices {
            guard let below else { continue }
            // The table follows right under the taller of chart and summary; spare room collects at the page foot.
            let used = max(candidates[index].chart.maxY, candidates[index].summary.map { $0.rect.maxY } ?? 0)
            candidates[index].table = (below, Point(x: area.minX, y: used + Self.gutter))
        }
        if let table, let sidebar = sidebar(in: area, crop: crop, paragraphs: paragraphs, table: table, canvas: canvas) {
            candidates.append(sidebar)
        }
        if let inset = inset(in: area, crop: crop, paragraphs: paragraphs, table: table, canvas: canvas) {
            candidates.append(inset)
        }
        // The first (beside) wins unless another draws the chart clearly larger.
        guard var best = candidates.first else {
            return overflowing(in: upper, crop: crop, paragraphs: paragraphs, below: below, canvas: canvas)
        }
        for candidate in candidates.dropFirst() where candidate.scale > best.scale * 1.03 { best = candidate }
        return best
    }

    /// Summary in a column right of the chart; nil when the summary does not fit there.
    private func beside(in area: Rect, crop: Rect, paragraphs: [String], canvas: ChartCanvas) -> Placement? {
        guard !paragraphs.isEmpty else {
            let scale = min(area.width / crop.width, area.height / crop.height)
            let width = crop.width * scale
            return Placement(chart: Rect(x: area.minX + (area.width - width) / 2, y: area.minY, width: width, height: crop.height * scale),
                             scale: scale)
        }
        let scale = min((area.width - Self.summaryMinimumWidth - Self.gutter) / crop.width, area.height / crop.height)
        let chartRect = Rect(x: area.minX, y: area.minY, width: crop.width * scale, height: crop.height * scale)
        let columnX = chartRect.maxX + Self.gutter
        guard let summary = summary(paragraphs, width: area.maxX - columnX, maxHeight: area.height, canvas: canvas) else { return nil }
        return Placement(chart: chartRect, scale: scale, summary: Summary(rect: summary.rect.moved(to: Point(x: columnX, y: area.minY)),
                                                                          lines: summary.lines, size: summary.size))
    }

    /// Summary under the chart, across the page.
    private func stacked(in area: Rect, crop: Rect, paragraphs: [String], canvas: ChartCanvas) -> Placement? {
        guard !paragraphs.isEmpty, let summary = summary(paragraphs, width: area.width, maxHeight: area.height - 60, canvas: canvas) else {
            return nil
        }
        let gap = Self.gutter * 0.7
        let scale = min(area.width / crop.width, (area.height - summary.rect.height - gap) / crop.height)
        let chartRect = Rect(x: area.minX, y: area.minY, width: crop.width * scale, height: crop.height * scale)
        return Placement(chart: chartRect, scale: scale, summary: Summary(rect: summary.rect.moved(to: Point(x: area.minX, y: chartRect.maxY + gap)),
                                                                          lines: summary.lines, size: summary.size))
    }

    /// Chart at full height, summary and table in the column to its right; nil when the table would have to shrink or lose rows there.
    private func sidebar(in area: Rect, crop: Rect, paragraphs: [String], table: ReportTable, canvas: ChartCanvas) -> Placement? {
        for size in [ReportTable.largestFont, 8, 7.5] {
            let columnWidth = max(Self.summaryMinimumWidth, table.minimumWidth(on: canvas, size: size))
            let scale = min(area.height / crop.height, (area.width - Self.gutter - columnWidth) / crop.width)
            guard scale > 0 else { return nil }
            let chartRect = Rect(x: area.minX, y: area.minY, width: crop.width * scale, height: crop.height * scale)
            let column = Rect(x: chartRect.maxX + Self.gutter, y: area.minY, width: area.maxX - chartRect.maxX - Self.gutter, height: area.height)
            var summaryHeight = 0.0
            var placedSummary: Summary?
            if !paragraphs.isEmpty {
                guard let summary = summary(paragraphs, width: column.width, maxHeight: column.height / 2, canvas: canvas) else { continue }
                placedSummary = Summary(rect: summary.rect.moved(to: Point(x: column.minX, y: column.minY)), lines: summary.lines, size: summary.size)
                summaryHeight = summary.rect.height + Self.gutter
            }
            let layout = table.layout(on: canvas, width: column.width, maxHeight: column.height - summaryHeight)
            guard !layout.squeezed, layout.rows.count == table.body.count, layout.fontSize >= size else { continue }
            // The table's foot lines up with the chart's when there is room, else it follows the summary.
            let y = max(column.minY + summaryHeight, chartRect.maxY - layout.height)
            return Placement(chart: chartRect, scale: scale, summary: placedSummary, table: (layout, Point(x: column.minX, y: y)))
        }
        return nil
    }

    /// The chart filling the page, summary and table inside its empty region; nil when the chart
    /// has none or they do not fit there whole.
    private func inset(in area: Rect, crop: Rect, paragraphs: [String], table: ReportTable?, canvas: ChartCanvas) -> Placement? {
        guard let region = chart.emptyRegion(on: canvas) else { return nil }
        let scale = min(area.width / crop.width, area.height / crop.height)
        let chartRect = Rect(x: area.minX, y: area.minY, width: crop.width * scale, height: crop.height * scale)
        let padding = 10.0
        let room = Rect(x: chartRect.minX + (region.minX - crop.minX) * scale + padding, y: chartRect.minY + (region.minY - crop.minY) * scale + padding,
                        width: region.width * scale - 2 * padding, height: region.height * scale - 2 * padding)
        guard room.width >= Self.summaryMinimumWidth, room.height > 0 else { return nil }
        var placedSummary: Summary?
        var used = 0.0
        if !paragraphs.isEmpty {
            guard let summary = summary(paragraphs, width: room.width, maxHeight: room.height, canvas: canvas) else { return nil }
            placedSummary = Summary(rect: summary.rect.moved(to: Point(x: room.minX, y: room.minY)), lines: summary.lines, size: summary.size)
            used = summary.rect.height + Self.gutter * 0.7
        }
        var placedTable: (layout: ReportTable.Layout, origin: Point)?
        if let table {
            let layout = table.layout(on: canvas, width: room.width, maxHeight: room.height - used)
            guard !layout.squeezed, layout.rows.count == table.body.count, layout.height <= room.height - used else { return nil }
            placedTable = (layout, Point(x: room.minX, y: room.minY + used))
        }
        return Placement(chart: chartRect, scale: scale, summary: placedSummary, table: placedTable)
    }

    /// Far too much summary for any arrangement: the chart beside what fits of it, cut with "…".
    private func overflowing(in area: Rect, crop: Rect, paragraphs: [String], below: ReportTable.Layout?, canvas: ChartCanvas) -> Placement {
        let scale = min((area.width - Self.summaryMinimumWidth - Self.gutter) / crop.width, area.height / crop.height)
        let chartRect = Rect(x: area.minX, y: area.minY, width: crop.width * scale, height: crop.height * scale)
        let column = Rect(x: chartRect.maxX + Self.gutter, y: area.minY, width: area.maxX - chartRect.maxX - Self.gutter, height: area.height)
        let size = Self.summarySizes.last ?? 8.5
        let lines = fittedLines(paragraphs, width: column.width, maxHeight: column.height, size: size, canvas: canvas)
        let summary = Summary(rect: Rect(x: column.minX, y: column.minY, width: column.width, height: summaryHeight(lines, size: size)),
                              lines: lines, size: size)
        let tableOrigin = Point(x: area.minX, y: max(chartRect.maxY, summary.rect.maxY) + Self.gutter)
        return Placement(chart: chartRect, scale: scale, summary: summary, table: below.map { ($0, tableOrigin) })
    }

    // MARK: Chart

    private func drawChart(in rect: Rect, scale: Double, on canvas: ChartCanvas) {
        let crop = Self.crop(chart)
        let context = canvas.context
        context.save()
        context.rectangle(rect)
        context.clip()
        context.translate(rect.minX - crop.minX * scale, rect.minY - crop.minY * scale)
        context.scale(scale, scale)
        chart.draw(on: ChartCanvas(context: context, style: canvas.style))
        context.restore()
    }

    // MARK: Summary

    static let bulletIndent = 12.0

    private func lineHeight(_ size: Double) -> Double { size * 1.45 }
    private func paragraphGap(_ size: Double) -> Double { size * 0.7 }

    /// The summary wrapped to `width` at the largest size whose height fits; the rect is at the origin.
    private func summary(_ paragraphs: [String], width: Double, maxHeight: Double, canvas: ChartCanvas) -> Summary? {
        for size in Self.summarySizes {
            let lines = paragraphs.map { canvas.wrapped($0, width: width - Self.bulletIndent, size: size) }
            let height = summaryHeight(lines, size: size)
            if height <= maxHeight { return Summary(rect: Rect(x: 0, y: 0, width: width, height: height), lines: lines, size: size) }
        }
        return nil
    }

    private func summaryHeight(_ lines: [[String]], size: Double) -> Double {
        let count = lines.reduce(0) { $0 + $1.count }
        return Double(count) * lineHeight(size) + Double(max(0, lines.count - 1)) * paragraphGap(size)
    }

    /// Paragraphs cut to what fits; the last line shown ends in "…" when text was left out.
    private func fittedLines(_ paragraphs: [String], width: Double, maxHeight: Double, size: Double, canvas: ChartCanvas) -> [[String]] {
        var result: [[String]] = []
        var used = 0.0
        for paragraph in paragraphs {
            let lines = canvas.wrapped(paragraph, width: width - Self.bulletIndent, size: size)
            let gap = result.isEmpty ? 0 : paragraphGap(size)
            let room = Int(((maxHeight - used - gap) / lineHeight(size)).rounded(.down))
            guard room > 0 else { break }
            if lines.count <= room {
                result.append(lines)
                used += gap + Double(lines.count) * lineHeight(size)
            } else {
                result.append(canvas.wrapped(paragraph, width: width - Self.bulletIndent, size: size, maxLines: room))
                break
            }
        }
        return result
    }

    private func drawSummary(_ paragraphs: [[String]], at origin: Point, size: Double, on canvas: ChartCanvas) {
        var y = origin.y
        let mark = size * 0.42
        for lines in paragraphs {
            // A small accent square at the first line's x-height marks each point.
            let middle = y + lineHeight(size) / 2 + size * 0.36 - size * 0.27
            canvas.fill(Rect(x: origin.x + 1, y: middle - mark / 2, width: mark, height: mark), ReportPalette.accent)
            for line in lines {
                canvas.text(line, x: origin.x + Self.bulletIndent, y: y + lineHeight(size) / 2, size: size, vertical: .middle)
                y += lineHeight(size)
            }
            y += paragraphGap(size)
        }
    }
}

private extension Rect {
    func moved(to origin: Point) -> Rect { Rect(x: origin.x, y: origin.y, width: width, height: height) }
}
