import CohortCore
import CohortVocabulary

/// How the customer base or the revenue moved, period by period (the last 24 at most).
///
/// Gains are stacked above a zero line, losses below it, and the net change
/// (end − start) runs across as a line with dots, so a reader sees in one glance
/// whether growth came from new customers or from winning old ones back, and how
/// much churn ate of it. The customer bridge counts customers
/// (new + won back − churned = E − S); the revenue bridge is an MRR-movement
/// chart (new + expansion + reactivation + contraction + churned = Σx(t) − Σx(t−1)).
/// A partial last period is drawn lighter and hatched, its net dot hollow.
struct BridgeChart: Chart {
    enum Kind { case customers, revenue }

    let analysis: CohortAnalysis
    let style: ChartStyle
    let kind: Kind
    /// The MRR movements of contracts, drawn as a revenue bridge with MRR's words (`BridgeChart+MRR.swift`).
    var isMRR = false

    /// The most periods drawn; older ones are left out (the subtitle says so).
    static let maxPeriods = 24

    var width: Double { min(1000, max(760, 640 + 15 * Double(shown.count))) }
    var height: Double { 560 }

    var title: String {
        if isMRR { return strings.mrrChartTitle }
        switch kind {
        case .customers: return strings.customerBridgeTitle
        case .revenue: return strings.revenueBridgeTitle
        }
    }

    private var strings: any Vocabulary { style.words }
    private var shown: ArraySlice<PeriodKPIs> { analysis.kpis.suffix(Self.maxPeriods) }

    func draw(on canvas: ChartCanvas) {
        let kpis = Array(shown)
        let series = BridgeSeries(kind: kind, kpis: kpis, strings: strings)
        let hasPartial = kpis.contains { $0.partial }

        var legendItems = series.gains.map { Legend.Item(swatch: .box($0.color), label: $0.label) }
            + series.losses.map { Legend.Item(swatch: .box($0.color), label: $0.label) }
        legendItems.append(Legend.Item(swatch: .lineWithDot(Palette.net), label: isMRR ? strings.mrrNetChange : strings.bridgeNetChange(revenue: kind == .revenue)))
        if hasPartial { legendItems.append(Legend.Item(swatch: .hatched(Palette.mutedText), label: strings.partialPeriod)) }
        let extra = analysis.kpis.count > kpis.count
            ? strings.lastPeriods(kpis.count, of: analysis.kpis.count, analysis.options.period) : nil
        let frame = ChartFrame(title: title, subtitle: ChartFrame.subtitle(for: analysis, style: style, extra: extra),
                               legend: Legend(items: legendItems))
        let plot = frame.draw(on: canvas, width: width, height: height)

        guard !kpis.isEmpty else {
            canvas.text(strings.noPeriods, x: plot.midX, y: plot.midY, size: 12, color: Palette.mutedText, align: .center, vertical: .middle)
            return
        }

        // Value axis: nice ticks over the tallest gain stack, the deepest loss stack and the net line.
        let upper = max(0, series.gainTotals.max() ?? 0, series.net.max() ?? 0)
        let lower = min(0, series.lossTotals.min() ?? 0, series.net.min() ?? 0)
        var ticks = tightTicks(from: lower, to: upper, counts: 5 ... 8, maxTicks: 9, minStep: kind == .customers ? 1 : 0)
        if ticks.count < 2 { ticks = [0, kind == .revenue ? 1000 : 10] }
        let tickLabels = ticks.map(axisLabel)
        let tickFont = 9.5
        let labelColumn = (tickLabels.map { canvas.textWidth($0, size: tickFont) }.max() ?? 20) + 8

        // Caption (unit) on the left, the latest complete period in one line on the right; two lines when narrow.
        let captionFont = 10.0
        let caption = isMRR ? strings.mrrChartCaption : strings.bridgeCaption(revenue: kind == .revenue, analysis.options.period)
        let summary = latestSummary(kpis)
        let captionWidth = canvas.textWidth(caption, size: captionFont)
        let summaryWidth = summary.map { canvas.textWidth($0, size: captionFont, bold: true) } ?? 0
        let oneLine = captionWidth + summaryWidth + 24 <= plot.width
        let captionHeight = oneLine || summary == nil ? 26.0 : 42.0
        canvas.text(canvas.fitting(caption, maxWidth: plot.width, size: captionFont), x: plot.minX, y: plot.minY + 10,
                    size: captionFont, color: Palette.mutedText)
        if let summary {
            let fitted = canvas.fitting(summary, maxWidth: plot.width, size: captionFont, bold: true)
            if oneLine {
                canvas.text(fitted, x: plot.maxX, y: plot.minY + 10, size: captionFont, bold: true, align: .right)
            } else {
                canvas.text(fitted, x: plot.minX, y: plot.minY + 26, size: captionFont, bold: true)
            }
        }

        // Vertical layout: caption, plot area, period labels.
        let periodLabelHeight = 22.0
        let area = Rect(x: plot.minX + labelColumn, y: plot.minY + captionHeight, width: plot.width - labelColumn - 4,
                        height: plot.height - captionHeight - periodLabelHeight)
        let axis = ValueAxis(lower: ticks.first ?? lower, upper: ticks.last ?? upper, area: area)

        // Grid and tick labels.
        for (tick, label) in zip(ticks, tickLabels) {
            let y = axis.y(tick)
            if tick != 0 { canvas.line(from: Point(x: area.minX, y: y), to: Point(x: area.maxX, y: y), Palette.grid) }
            canvas.text(label, x: area.minX - 8, y: y, size: tickFont, color: Palette.mutedText, align: .right, vertical: .middle)
        }

        // Bars.
        let slot = area.width / Double(kpis.count)
        // With few periods, bars are wide enough to carry their values: all of them or none, never a random few.
        let barWidth = min(slot * 0.64, kpis.count <= 12 ? 76 : 56)
        let widestValue = (series.gains + series.losses).flatMap { $0.values }.filter { $0 != 0 }
            .map { canvas.textWidth(axisLabel($0), size: 9) }.max() ?? 0
        let labelled = kpis.count <= 12 && widestValue <= barWidth - 6
        for (index, kpi) in kpis.enumerated() {
            let center = area.minX + (Double(index) + 0.5) * slot
            for segments in [series.gains, series.losses] {
                drawStack(segments, at: index, center: center, barWidth: barWidth, axis: axis, partial: kpi.partial, labelled: labelled,
                          canvas: canvas)
            }
        }

        // Zero line above the bars' bases.
        canvas.line(from: Point(x: area.minX, y: axis.y(0)), to: Point(x: area.maxX, y: axis.y(0)), Palette.text.withAlpha(0.7), width: 1)

        // Net change: a solid line through complete periods, dashed to a hollow dot for a partial one.
        let points = kpis.indices.map { Point(x: area.minX + (Double($0) + 0.5) * slot, y: axis.y(series.net[$0])) }
        let complete = kpis.indices.filter { !kpis[$0].partial }
        for run in AxisTicks.consecutiveRuns(complete) where run.count > 1 {
            // A white halo keeps the line readable where it crosses dark bars.
            canvas.polyline(run.map { points[$0] }, Color.white.withAlpha(0.85), width: 4.2)
            canvas.polyline(run.map { points[$0] }, Palette.net, width: 1.8)
        }
        for index in kpis.indices where kpis[index].partial {
            if index > 0, !kpis[index - 1].partial {
                canvas.line(from: points[index - 1], to: points[index], Palette.net, width: 1.5, dash: [3, 3])
            }
        }
        let dotRadius = slot < 18 ? 2.6 : 3.4
        for index in kpis.indices {
            if kpis[index].partial {
                canvas.hollowDot(points[index], radius: dotRadius, Palette.net)
            } else {
                canvas.dot(points[index], radius: dotRadius, Palette.net, outline: .white)
            }
        }

        // Period labels, thinned so they never touch; the latest period is always labelled.
        let kindOfPeriod = analysis.options.period
        let labels = kpis.map { style.words.shortPeriod(analysis.periods[$0.period], kindOfPeriod) }
        let labelFont = 9.5
        let widest = (labels.map { canvas.textWidth($0, size: labelFont) }.max() ?? 30) + 10
        let room = max(1, Int(area.width / widest))
        for index in AxisTicks.thinnedFromEnd(count: labels.count, room: room) {
            let x = area.minX + (Double(index) + 0.5) * slot
            canvas.line(from: Point(x: x, y: area.maxY), to: Point(x: x, y: area.maxY + 4), Palette.axis)
            canvas.text(labels[index], x: x, y: area.maxY + 7, size: labelFont, color: Palette.mutedText, align: .center, vertical: .top)
        }
        canvas.line(from: Point(x: area.minX, y: area.maxY), to: Point(x: area.maxX, y: area.maxY), Palette.axis)
    }

    /// "Oct 25: 348 → 419 customers (net +71)": where the latest complete period started and ended.
    private func latestSummary(_ kpis: [PeriodKPIs]) -> String? {
        guard let kpi = kpis.last(where: { !$0.partial }) else { return nil }
        let words = style.words
        let period = words.shortPeriod(analysis.periods[kpi.period], analysis.options.period)
        switch kind {
        case .customers:
            let change = kpi.customers.end - kpi.customers.start
            let net = (change > 0 ? "+" : "") + words.count(change)
            return words.bridgeCustomersSummary(period: period, start: words.count(kpi.customers.start), end: words.count(kpi.customers.end),
                                                net: net)
        case .revenue:
            let bridge = kpi.revenueBridge
            let change = (bridge.end - bridge.start).units
            // Exact amounts: rounded ones would not add up (1.2M → 1.3M, net +69k).
            let net = (change > 0 ? "+" : "") + words.money(change, currency: style.currency)
            let start = words.money(bridge.start.units, currency: style.currency), end = words.money(bridge.end.units, currency: style.currency)
            if isMRR { return words.mrrSummary(period, start: start, end: end, net: net) }
            return words.bridgeRevenueSummary(period: period, start: start,
                                              end: end, net: net)
        }
    }

    private func axisLabel(_ value: Double) -> String {
        switch kind {
        case .customers: return style.words.count(Int(value.rounded()))
        case .revenue: return style.words.compactMoney(value, currency: style.currency)
        }
    }

    /// Stacks one period's segments outward from zero (gains up, losses down), in the given order.
    /// With few periods, each segment big enough carries its value.
    private func drawStack(_ segments: [BridgeSeries.Segment], at index: Int, center: Double, barWidth: Double, axis: ValueAxis,
                           partial: Bool, labelled: Bool, canvas: ChartCanvas) {
        var base = 0.0
        for segment in segments {
            let value = segment.values[index]
            guard value != 0 else { continue }
            let top = base + value
            let y0 = axis.y(base), y1 = axis.y(top)
            let rect = Rect(x: center - barWidth / 2, y: min(y0, y1), width: barWidth, height: abs(y1 - y0))
            if partial {
                canvas.fill(rect, segment.color.mixed(with: .white, 0.6))
                canvas.hatch(rect, segment.color.withAlpha(0.8), spacing: 4, width: 0.9)
                canvas.stroke(rect.inset(top: 0.4, left: 0.4, bottom: 0.4, right: 0.4), segment.color, width: 0.8)
            } else {
                canvas.fill(rect, segment.color)
            }
            // A hairline of white between stacked segments keeps neighbours apart.
            if base != 0 { canvas.line(from: Point(x: rect.minX, y: y0), to: Point(x: rect.maxX, y: y0), .white, width: 0.8) }
            if labelled {
                let text = axisLabel(value)
                let size = 9.0
                let textWidth = canvas.textWidth(text, size: size)
                if rect.height >= size + 6 {
                    var background = segment.color
                    if partial {
                        // A quiet plate over the hatching keeps the number legible.
                        background = segment.color.mixed(with: .white, 0.85)
                        canvas.fill(Rect(x: rect.midX - textWidth / 2 - 2, y: rect.midY - size * 0.65, width: textWidth + 4, height: size * 1.3),
                                    background)
                    }
                    canvas.text(text, x: rect.midX, y: rect.midY, size: size, color: ColorScale.textColor(on: background),
                                align: .center, vertical: .middle)
                }
            }
            base = top
        }
    }
}

/// The numbers one bridge draws, per shown period.
private struct BridgeSeries {
    struct Segment {
        let label: String
        let color: Color
        let values: [Double]
    }

    /// Stacked above zero, first segment at the bottom.
    let gains: [Segment]
    /// Stacked below zero, first segment next to the zero line (values ≤ 0).
    let losses: [Segment]
    /// End − start of each period.
    let net: [Double]

    init(kind: BridgeChart.Kind, kpis: [PeriodKPIs], strings: any Vocabulary) {
        switch kind {
        case .customers:
            gains = [
                Segment(label: strings.new, color: Palette.new, values: kpis.map { Double($0.customers.new) }),
                Segment(label: strings.reactivated, color: Palette.reactivated, values: kpis.map { Double($0.customers.reactivated) }),
            ]
            losses = [
                Segment(label: strings.churned, color: Palette.churned, values: kpis.map { -Double($0.customers.churned) }),
            ]
            net = kpis.map { Double($0.customers.end - $0.customers.start) }
        case .revenue:
            gains = [
                Segment(label: strings.new, color: Palette.new, values: kpis.map { $0.revenueBridge.new.units }),
                Segment(label: strings.expansion, color: Palette.expansion, values: kpis.map { $0.revenueBridge.expansion.units }),
                Segment(label: strings.reactivation, color: Palette.reactivated, values: kpis.map { $0.revenueBridge.reactivation.units }),
            ]
            losses = [
                Segment(label: strings.contraction, color: Palette.contraction, values: kpis.map { $0.revenueBridge.contraction.units }),
                Segment(label: strings.churned, color: Palette.churned, values: kpis.map { $0.revenueBridge.churned.units }),
            ]
            net = kpis.map { ($0.revenueBridge.end - $0.revenueBridge.start).units }
        }
    }

    var gainTotals: [Double] { (0 ..< net.count).map { index in gains.reduce(0) { $0 + $1.values[index] } } }
    var lossTotals: [Double] { (0 ..< net.count).map { index in losses.reduce(0) { $0 + $1.values[index] } } }
}

/// Maps values to y inside a plot area (top = `upper`).
private struct ValueAxis {
    let lower: Double
    let upper: Double
    let area: Rect

    func y(_ value: Double) -> Double {
        guard upper > lower else { return area.midY }
        return area.maxY - (value - lower) / (upper - lower) * area.height
    }
}

/// Nice ticks that waste the least room: tries several tick counts, keeps the tightest span (then the finer grid).
/// `minStep` keeps whole-number axes (customer counts) from getting fractional ticks.
private func tightTicks(from lower: Double, to upper: Double, counts: ClosedRange<Int>, maxTicks: Int, minStep: Double) -> [Double] {
    func step(_ ticks: [Double]) -> Double { ticks.count > 1 ? ticks[1] - ticks[0] : .infinity }
    var best: [Double] = []
    for count in (1 ... counts.upperBound).reversed() where best.isEmpty {
        let ticks = AxisTicks.nice(from: lower, to: upper, count: count)
        if step(ticks) >= minStep - 1e-9 { best = ticks }
    }
    for count in counts {
        let ticks = AxisTicks.nice(from: lower, to: upper, count: count)
        guard ticks.count <= maxTicks, step(ticks) >= minStep - 1e-9, let first = ticks.first, let last = ticks.last,
              let bestFirst = best.first, let bestLast = best.last else { continue }
        let span = last - first, bestSpan = bestLast - bestFirst
        if span < bestSpan - 1e-9 * abs(bestSpan) || (abs(span - bestSpan) <= 1e-9 * abs(bestSpan) && ticks.count > best.count) {
            best = ticks
        }
    }
    return best
}
