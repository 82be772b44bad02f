import CohortCore
import CohortVocabulary

/// Up to three KPI panels over the last 24 periods at most, sharing one period axis:
/// churn per period; retention over 12 months (CRR 12, NRR and GRR, the last 12 months
/// against the 12 before, with the retention target and a 100 % line); and the average
/// order value. The target sits in the 12-month panel because METRICS.md defines it on
/// the 12-month CRR, not on the per-period one.
///
/// Empty values (a zero denominator, or too little history for the year-long KPIs)
/// are gaps, never zeros; a panel with nothing to draw is left out, and a line under the
/// subtitle says why (the other panels take its room). A partial
/// last period is joined by a dotted segment and drawn as a hollow dot: shown, but
/// visibly not final. The latest complete value of each line is printed at its right
/// end, so the chart answers "where are we now" without a table.
struct TrendChart: Chart {
    let analysis: CohortAnalysis
    let style: ChartStyle

    /// The most periods drawn; older ones are left out (the subtitle says so).
    static let maxPeriods = 24

    var width: Double { min(1000, max(760, 640 + 15 * Double(shown.count))) }
    var height: Double { 820 }
    var title: String { strings.trendsTitle }

    private var strings: any Vocabulary { style.words }
    private var shown: ArraySlice<PeriodKPIs> { analysis.kpis.suffix(Self.maxPeriods) }

    func draw(on canvas: ChartCanvas) {
        let kpis = Array(shown)
        let periodKind = analysis.options.period
        let extra = analysis.kpis.count > kpis.count ? strings.lastPeriods(kpis.count, of: analysis.kpis.count, periodKind) : nil
        let frame = ChartFrame(title: title, subtitle: ChartFrame.subtitle(for: analysis, style: style, extra: extra), legend: nil)
        var content = frame.draw(on: canvas, width: width, height: height).inset(top: 4)

        guard !kpis.isEmpty else {
            canvas.text(strings.noPeriods, x: content.midX, y: content.midY, size: 12, color: Palette.mutedText, align: .center,
                        vertical: .middle)
            return
        }
        let labels = kpis.map { style.words.shortPeriod(analysis.periods[$0.period], periodKind) }

        // One line under the subtitle explaining the hollow dot, when the last period is partial.
        if let partialIndex = kpis.lastIndex(where: { $0.partial }) {
            let y = content.minY + 6
            canvas.line(from: Point(x: content.minX, y: y), to: Point(x: content.minX + 18, y: y), Palette.mutedText, width: 1.4, dash: [2, 2.5])
            canvas.hollowDot(Point(x: content.minX + 18, y: y), radius: 3.2, Palette.mutedText)
            canvas.text(canvas.fitting("\(labels[partialIndex]): \(strings.partialPeriod)", maxWidth: content.width - 30, size: 10.5),
                        x: content.minX + 28, y: y, size: 10.5, color: Palette.mutedText, vertical: .middle)
            content = content.inset(top: 22)
        }

        // A panel without a single value is left out; one line says why.
        let allPanels = makePanels(kpis)
        for note in allPanels.filter({ !$0.hasValues }).compactMap(\.emptyNote) {
            let y = content.minY + 6
            canvas.text(canvas.fitting(note, maxWidth: content.width, size: 10.5), x: content.minX, y: y, size: 10.5, color: Palette.mutedText,
                        vertical: .middle)
            content = content.inset(top: 20)
        }
        var panels = allPanels.filter(\.hasValues)
        if panels.isEmpty { panels = [allPanels[0]] }

        // Shared columns: tick labels on the left, latest values on the right.
        let tickFont = 9.5, endFont = 9.5
        let tickColumn = (panels.flatMap { $0.tickLabels }.map { canvas.textWidth($0, size: tickFont) }.max() ?? 30) + 8
        // Latest values sit right of the last period's slot centre; the plot gives up only what half a slot cannot hold.
        let endLabelWidth = panels.flatMap { $0.gutterLabels(kpis: kpis, periodLabels: labels).map(\.text) }
            .map { canvas.textWidth($0, size: endFont, bold: true) }.max() ?? 0
        let roughSlot = (content.width - tickColumn - endLabelWidth) / Double(kpis.count)
        let endColumn = max(8, endLabelWidth + 13 - roughSlot / 2)
        let plotLeft = content.minX + tickColumn
        let plotRight = content.maxX - endColumn
        let slot = (plotRight - plotLeft) / Double(kpis.count)
        func x(_ index: Int) -> Double { plotLeft + (Double(index) + 0.5) * slot }

        // Period labels: thinned so they never touch, the latest always labelled.
        let labelFont = 9.5
        let widest = (labels.map { canvas.textWidth($0, size: labelFont) }.max() ?? 30) + 10
        let labelled = AxisTicks.thinnedFromEnd(count: kpis.count, room: max(1, Int((plotRight - plotLeft) / widest)))

        // Vertical split: three panels, equal plot heights.
        let panelGap = 18.0, periodLabelHeight = 20.0, titleHeight = 19.0
        let legendHeights = panels.map { $0.legend.map { $0.height(on: canvas, width: content.width) } ?? 0 }
        let fixed = panels.indices.reduce(0.0) { $0 + titleHeight + legendHeights[$1] + 6 } + panelGap * Double(panels.count - 1) + periodLabelHeight
        let plotHeight = (content.height - fixed) / Double(panels.count)

        var top = content.minY
        for (index, panel) in panels.enumerated() {
            canvas.text(canvas.fitting(panel.title, maxWidth: content.width, size: 12, bold: true), x: content.minX, y: top,
                        size: 12, bold: true, vertical: .top)
            top += titleHeight
            if let legend = panel.legend {
                legend.draw(on: canvas, in: Rect(x: content.minX, y: top, width: content.width, height: 0))
                top += legendHeights[index]
            }
            top += 6
            let area = Rect(x: plotLeft, y: top, width: plotRight - plotLeft, height: plotHeight)
            drawPanel(panel, in: area, kpis: kpis, labels: labels, labelled: labelled, x: x, tickFont: tickFont, endFont: endFont, canvas: canvas)
            top += plotHeight + panelGap
        }

        // Shared period axis under the last panel.
        let axisY = top - panelGap
        for index in labelled {
            canvas.line(from: Point(x: x(index), y: axisY), to: Point(x: x(index), y: axisY + 4), Palette.axis)
            canvas.text(labels[index], x: x(index), y: axisY + 7, size: labelFont, color: Palette.mutedText, align: .center, vertical: .top)
        }
    }

    // MARK: Panels

    private func makePanels(_ kpis: [PeriodKPIs]) -> [TrendPanel] {
        let locale = style.words
        let kind = analysis.options.period
        let percentTick: (Double) -> String = { locale.wholePercent($0) }
        let percentValue: (Double) -> String = { locale.percent($0) }
        let moneyTick: (Double) -> String = { [currency = style.currency] in locale.compactMoney($0, currency: currency) }
        let moneyValue: (Double) -> String = { [currency = style.currency] in locale.money($0, currency: currency) }
        let targetLabel = "\(strings.target) \(locale.percent(style.retentionTarget, places: style.retentionTarget * 100 == (style.retentionTarget * 100).rounded() ? 0 : 1))"

        // Churn alone: the per-period CRR counts reactivations as kept and can exceed 100 % (it stays in the KPI table).
        let churn = TrendPanel(
            title: strings.trendChurnTitle(kind),
            series: [
                TrendSeries(label: strings.trendChurnRate, color: Palette.secondary, width: 2, values: kpis.map(\.churnRate.value)),
            ],
            references: [], tickLabel: percentTick, valueLabel: percentValue, emptyNote: strings.trendNeedsTwoPeriods(kind), lateNote: nil)

        // The retention target is defined on the 12-month CRR (METRICS.md), so it is drawn beside that line.
        let yearRetention = TrendPanel(
            title: strings.trendYearTitle,
            series: [
                TrendSeries(label: strings.trendYearCRR, color: Palette.primary, width: 2, values: kpis.map(\.customerRetentionRate12.value)),
                TrendSeries(label: strings.trendNRR, color: Palette.net, width: 2, values: kpis.map(\.netRevenueRetention12.value)),
                TrendSeries(label: strings.trendGRR, color: Palette.secondary, width: 2, values: kpis.map(\.grossRevenueRetention12.value)),
            ],
            references: [
                TrendReference(value: style.retentionTarget, color: Palette.target, dash: [6, 4], width: 1.3,
                               gutterLabel: targetLabel, legendLabel: strings.trendTargetLegend(targetLabel)),
                TrendReference(value: 1, color: Palette.axis, dash: [], width: 1.2, gutterLabel: nil,
                               legendLabel: strings.trendHundredPercent(locale.wholePercent(1))),
            ],
            tickLabel: percentTick, valueLabel: percentValue,
            emptyNote: strings.trendNeedsHistory(covered: analysis.kpis.count, kind),
            lateNote: strings.trendStartsLate)

        let orderValue = TrendPanel(
            title: strings.trendAOVTitle,
            series: [TrendSeries(label: strings.trendAOV, color: Palette.primary, width: 2, values: kpis.map(\.averageOrderValue.value))],
            references: [], tickLabel: moneyTick, valueLabel: moneyValue, emptyNote: strings.trendNoOrders, lateNote: nil)

        return [churn, yearRetention, orderValue]
    }

    private func drawPanel(_ panel: TrendPanel, in area: Rect, kpis: [PeriodKPIs], labels: [String], labelled: [Int], x: (Int) -> Double,
                           tickFont: Double, endFont: Double, canvas: ChartCanvas) {
        let ticks = panel.ticks
        let lower = ticks.first ?? 0, upper = ticks.last ?? 1
        func y(_ value: Double) -> Double { upper > lower ? area.maxY - (value - lower) / (upper - lower) * area.height : area.midY }

        guard panel.hasValues else {
            canvas.fill(area, Palette.emptyCell)
            canvas.text(canvas.fitting(panel.emptyNote ?? "–", maxWidth: area.width - 20, size: 11), x: area.midX, y: area.midY, size: 11,
                        color: Palette.mutedText, align: .center, vertical: .middle)
            return
        }

        // Grid: values horizontally, labelled periods vertically (faint, to carry the shared axis up).
        for index in labelled {
            canvas.line(from: Point(x: x(index), y: area.minY), to: Point(x: x(index), y: area.maxY), Palette.grid.withAlpha(0.6), width: 0.6)
        }
        for (tick, label) in zip(ticks, panel.tickLabels) {
            if tick != lower { canvas.line(from: Point(x: area.minX, y: y(tick)), to: Point(x: area.maxX, y: y(tick)), Palette.grid) }
            canvas.text(label, x: area.minX - 8, y: y(tick), size: tickFont, color: Palette.mutedText, align: .right, vertical: .middle)
        }
        canvas.line(from: Point(x: area.minX, y: area.maxY), to: Point(x: area.maxX, y: area.maxY), Palette.axis)
        for reference in panel.references {
            canvas.line(from: Point(x: area.minX, y: y(reference.value)), to: Point(x: area.maxX, y: y(reference.value)), reference.color,
                        width: reference.width, dash: reference.dash)
        }

        // Where the values start late (year-long KPIs), say why the left part is empty.
        if let note = panel.lateNote, let first = panel.firstDefinedIndex, first > 0 {
            let left = area.minX + 8, right = x(first) - 14
            let size = 10.0
            let noteWidth = canvas.textWidth(note, size: size)
            if noteWidth <= right - left {
                // The height of the panel farthest from every reference line.
                let candidates = stride(from: 0.2, through: 0.8, by: 0.05).map { area.minY + $0 * area.height }
                // Clear of reference lines by 16 pt is enough; among such heights the one nearest the middle wins.
                func score(_ candidate: Double) -> Double {
                    let clearance = panel.references.map { abs(y($0.value) - candidate) }.min() ?? .infinity
                    return min(clearance, 16) * 100 - abs(candidate - area.midY)
                }
                let noteY = candidates.max { score($0) < score($1) } ?? area.midY
                let centerX = (left + right) / 2
                canvas.fill(Rect(x: centerX - noteWidth / 2 - 4, y: noteY - 8, width: noteWidth + 8, height: 16), Palette.background)
                canvas.text(note, x: centerX, y: noteY, size: size, color: Palette.mutedText, align: .center, vertical: .middle)
            }
        }

        // Lines: complete periods solid, gaps left open; a partial period dotted to a hollow dot.
        for series in panel.series {
            let points: [Point?] = series.values.indices.map { index in series.values[index].map { Point(x: x(index), y: y($0)) } }
            let complete = points.indices.filter { points[$0] != nil && !kpis[$0].partial }
            for run in AxisTicks.consecutiveRuns(complete) where run.count > 1 {
                canvas.polyline(run.compactMap { points[$0] }, series.color, width: series.width)
            }
            for index in points.indices where kpis[index].partial {
                guard let point = points[index] else { continue }
                if index > 0, !kpis[index - 1].partial, let previous = points[index - 1] {
                    canvas.line(from: previous, to: point, series.color, width: 1.4, dash: [2, 2.5])
                }
                canvas.hollowDot(point, radius: 3, series.color)
            }
            let radius = kpis.count > 36 ? 1.8 : 2.6
            for index in complete {
                if let point = points[index] { canvas.dot(point, radius: radius, series.color, outline: .white) }
            }
        }

        // Latest values and reference labels in the right-hand column, pushed apart so they never overlap.
        var gutter = panel.gutterLabels(kpis: kpis, periodLabels: labels).map { label in
            (label: label, y: y(label.value))
        }
        gutter.sort { $0.y < $1.y }
        let spacing = endFont + 3
        for index in gutter.indices.dropFirst() where gutter[index].y - gutter[index - 1].y < spacing {
            gutter[index].y = gutter[index - 1].y + spacing
        }
        if let last = gutter.last, last.y > area.maxY + 4 {
            let shift = last.y - (area.maxY + 4)
            for index in gutter.indices { gutter[index].y -= shift }
            for index in gutter.indices.reversed().dropFirst() where gutter[index + 1].y - gutter[index].y < spacing {
                gutter[index].y = gutter[index + 1].y - spacing
            }
        }
        let labelX = x(kpis.count - 1) + 9
        for entry in gutter {
            let textWidth = canvas.textWidth(entry.label.text, size: endFont, bold: entry.label.bold)
            canvas.fill(Rect(x: labelX - 2, y: entry.y - endFont * 0.6, width: textWidth + 4, height: endFont * 1.2), Palette.background)
            canvas.text(entry.label.text, x: labelX, y: entry.y, size: endFont, bold: entry.label.bold, color: entry.label.color,
                        vertical: .middle)
        }
    }
}

// MARK: - Panel model

private struct TrendSeries {
    let label: String
    let color: Color
    let width: Double
    /// One per shown period; nil = empty (a gap).
    let values: [Double?]
}

private struct TrendReference {
    let value: Double
    let color: Color
    let dash: [Double]
    let width: Double
    /// Printed in the right-hand column at the line's height ("target 85%").
    let gutterLabel: String?
    let legendLabel: String
}

private struct TrendPanel {
    struct GutterLabel {
        let text: String
        let value: Double
        let color: Color
        let bold: Bool
    }

    let title: String
    let series: [TrendSeries]
    let references: [TrendReference]
    let tickLabel: (Double) -> String
    let valueLabel: (Double) -> String
    /// Shown instead of the plot when no value is defined.
    let emptyNote: String?
    /// Shown in the empty left part when the values start late.
    let lateNote: String?

    var hasValues: Bool { series.contains { $0.values.contains { $0 != nil } } }

    var firstDefinedIndex: Int? {
        series.compactMap { $0.values.firstIndex { $0 != nil } }.min()
    }

    /// From zero to the highest value or reference line, in nice steps.
    var ticks: [Double] {
        let values = series.flatMap { $0.values.compactMap { $0 } } + references.map(\.value)
        let upper = max(values.max() ?? 1, 0)
        let lower = min(values.min() ?? 0, 0)
        let ticks = trendTicks(from: lower, to: upper > lower ? upper : lower + 1)
        return ticks.count >= 2 ? ticks : [0, 1]
    }

    /// Compact tick labels; the value format instead when compact ones would round two ticks alike (tiny ranges).
    var tickLabels: [String] {
        let compact = ticks.map(tickLabel)
        return Set(compact).count == compact.count ? compact : ticks.map(valueLabel)
    }

    var legend: Legend? {
        guard hasValues else { return nil }
        var items = series.map { Legend.Item(swatch: .line($0.color, width: max($0.width, 2), dash: []), label: $0.label) }
        items += references.map { Legend.Item(swatch: .line($0.color, width: $0.width + 0.3, dash: $0.dash), label: $0.legendLabel) }
        return Legend(items: items)
    }

    /// The latest complete value of every line, and the labels of reference lines.
    func gutterLabels(kpis: [PeriodKPIs], periodLabels: [String]) -> [GutterLabel] {
        guard hasValues else { return [] }
        var labels: [GutterLabel] = series.compactMap { series in
            guard let index = series.values.indices.last(where: { series.values[$0] != nil && !kpis[$0].partial }),
                  let value = series.values[index] else { return nil }
            // After a partial period the latest complete value is not at the right end: name its period.
            let prefix = kpis.last?.partial == true ? "\(periodLabels[index]): " : ""
            return GutterLabel(text: prefix + valueLabel(value), value: value, color: series.color, bold: true)
        }
        labels += references.compactMap { reference in
            reference.gutterLabel.map { GutterLabel(text: $0, value: reference.value, color: reference.color, bold: false) }
        }
        return labels
    }
}

// MARK: - Helpers

/// Nice ticks over [lower, upper] that waste the least room (4 to 6 ticks in a small panel).
private func trendTicks(from lower: Double, to upper: Double) -> [Double] {
    var best = AxisTicks.nice(from: lower, to: upper, count: 3)
    for count in 3 ... 5 {
        let ticks = AxisTicks.nice(from: lower, to: upper, count: count)
        guard ticks.count <= 6, let first = ticks.first, let last = ticks.last, let bestFirst = best.first, let bestLast = best.last else { continue }
        let span = last - first, bestSpan = bestLast - bestFirst
        let epsilon = 1e-9 * abs(bestSpan)
        if span < bestSpan - epsilon || (abs(span - bestSpan) <= epsilon && ticks.count > best.count) { best = ticks }
    }
    return best
}
