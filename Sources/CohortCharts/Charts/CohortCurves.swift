import CohortCore
import CohortVocabulary
import Foundation

/// Retention curves or cumulative revenue per customer (LTV curves): one line per cohort over age.
///
/// Older cohorts are thin, light and translucent so that 60 of them read as a calm
/// band; the most recent few (with at least two complete ages) are drawn in a stronger
/// blue and labelled at their line's end where there is room; the weighted average
/// (METRICS.md, "Average across cohorts") is a bold dark line on top, dashed where it
/// rests on fewer than three cohorts. Partial cells are left out: a period that has
/// not ended would make a curve drop falsely.
///
/// Retention starts at 100 % at age 0 by definition. When every later value is well
/// below that (the nice maximum is 70 % or less), the y axis is broken: the lower part
/// spans 0 to a nice maximum at or above the largest value from age 1 on, a narrow
/// compressed band above it carries the 100 % start (break marks on the axis), and the
/// caption says so. Every chart stands alone: the legend names the recent cohorts, the
/// caption says what the numbers are and what is left out (partial period, cohorts
/// without a complete period after acquisition).
struct CohortCurves: Chart {
    enum Metric { case retention, cumulativeRevenue }
    let analysis: CohortAnalysis
    let style: ChartStyle
    let metric: Metric

    var width: Double { 1000 }
    var height: Double { 600 }
    var title: String { metric == .retention ? strings.retentionCurvesTitle : strings.ltvTitle }

    private var strings: any Vocabulary { style.words }
    private var locale: any Vocabulary { style.words }
    private var kind: PeriodKind { analysis.options.period }

    /// The average is dashed where it rests on fewer cohorts than this.
    private static let solidAverageCohorts = 3
    private static let tickFontSize = 9.5
    private static let labelFontSize = 9.5

    // MARK: Data

    private struct Curve {
        let cohortIndex: Int
        let label: String
        let points: [(age: Int, value: Double)]
        /// Fewer customers than `--min-cohort`: drawn faded, never among the emphasized recent ones.
        let small: Bool
    }

    private struct AveragePoint {
        let age: Int
        let value: Double
        let cohorts: Int
    }

    private func value(of cell: CohortCell) -> Double? {
        metric == .retention ? cell.retention.value : cell.cumulativeRevenuePerCustomer.value
    }

    private func value(of average: AgeAverage) -> Double? {
        metric == .retention ? average.retention.value : average.cumulativeRevenuePerCustomer.value
    }

    /// Every cohort with at least two complete ages, oldest first.
    private var curves: [Curve] {
        analysis.cohorts.enumerated().compactMap { index, row in
            let points = row.cells.filter { !$0.partial }.compactMap { cell in value(of: cell).map { (age: cell.age, value: $0) } }
            guard points.count >= 2 else { return nil }
            return Curve(cohortIndex: index, label: shortLabel(of: row), points: points, small: row.size < analysis.options.minimumCohortSize)
        }
    }

    /// "Mar 26" / "Mär 26" for months, the cohort's own label ("2026-W09", "2026-Q1") otherwise.
    private func shortLabel(of row: CohortRow) -> String {
        analysis.periods.indices.contains(row.period) ? locale.shortPeriod(analysis.periods[row.period], kind) : row.label
    }

    private var averagePoints: [AveragePoint] {
        analysis.averages.filter { $0.cohorts > 0 }.compactMap { average in
            value(of: average).map { AveragePoint(age: average.age, value: $0, cohorts: average.cohorts) }
        }
    }

    /// How many of the newest curves are emphasized: all of up to four, else 3 to 5 (a fifth of them).
    private static func recentCount(of curves: Int) -> Int {
        curves <= 4 ? curves : min(5, max(3, curves / 5))
    }

    // MARK: Drawing

    func draw(on canvas: ChartCanvas) {
        let allCurves = self.curves
        let curves = allCurves.filter { !$0.small }
        let small = allCurves.filter(\.small)
        let averages = averagePoints
        let recentCount = Self.recentCount(of: curves.count)
        let older = curves.dropLast(recentCount)
        let recent = curves.suffix(recentCount)
        let hasThinAverage = averages.dropFirst().contains { $0.cohorts < Self.solidAverageCohorts }
        let hasSolidAverage = averages.count < 2 || averages.dropFirst().contains { $0.cohorts >= Self.solidAverageCohorts }

        var legendItems: [Legend.Item] = []
        if !older.isEmpty { legendItems.append(.init(swatch: .line(Palette.olderCohort, width: 1.5, dash: []), label: strings.olderCohortsLegend)) }
        if !recent.isEmpty {
            legendItems.append(.init(swatch: .line(Palette.recentCohort, width: 2, dash: []),
                                     label: strings.recentCohortsLegend(recent.map(\.label), all: older.isEmpty)))
        }
        if !small.isEmpty {
            legendItems.append(.init(swatch: .line(Palette.olderCohort.withAlpha(0.45), width: 1, dash: [3, 2]),
                                     label: strings.smallCohorts(below: analysis.options.minimumCohortSize)))
        }
        if hasSolidAverage { legendItems.append(.init(swatch: .line(Palette.average, width: 3, dash: []), label: strings.weightedAverage)) }
        if hasThinAverage {
            legendItems.append(.init(swatch: .line(Palette.average, width: 2, dash: [4, 3]),
                                     label: strings.thinAverage(Self.solidAverageCohorts)))
        }
        let customers = analysis.cohorts.reduce(0) { $0 + $1.size }
        let frame = ChartFrame(title: title,
                               subtitle: ChartFrame.subtitle(for: analysis, style: style, extra: "\(locale.count(customers)) \(strings.customersWord)"),
                               legend: Legend(items: legendItems))
        let plot = frame.draw(on: canvas, width: width, height: height)

        // Value range of the y axis. With very many (small, noisy) cohorts, retention scales to the 99th percentile
        // of their later values: the few spikes above it run into the compressed band instead of squashing the rest.
        let allValues = curves.flatMap { $0.points.map(\.value) } + averages.map(\.value)
        var laterValues = older.flatMap { $0.points.filter { $0.age >= 1 }.map(\.value) }.sorted()
        if older.count > 80 && laterValues.count > 1 {
            laterValues = Array(laterValues.prefix(Int(Double(laterValues.count - 1) * 0.99) + 1))
        }
        laterValues += (recent.flatMap(\.points) + averages.map { (age: $0.age, value: $0.value) }).filter { $0.age >= 1 }.map(\.value)
        let axis = YAxis(metric: metric, values: allValues, laterValues: laterValues)

        // Caption at the bottom (wrapped), x axis title above it.
        let captionSize = 9.5
        let captionLines = canvas.wrapped(caption(axis: axis, curves: allCurves), width: plot.width, size: captionSize)
        let captionHeight = Double(captionLines.count) * 13
        let xAxisTitleHeight = 18.0
        let xTickHeight = 18.0

        // Room for y tick labels on the left, the average's end label on the right, the y axis title on top.
        let tickLabels = axis.ticks.map { axis.label($0, locale: locale, currency: style.currency) }
            + (axis.breakCeiling.map { [axis.label($0, locale: locale, currency: style.currency)] } ?? [])
        let tickLabelWidth = tickLabels.map { canvas.textWidth($0, size: Self.tickFontSize) }.max() ?? 20
        let averageLabel = strings.average
        let averageLabelWidth = canvas.textWidth(averageLabel, size: 10, bold: true)
        let yTitleHeight = 22.0
        let area = Rect(x: plot.minX + tickLabelWidth + 8, y: plot.minY + yTitleHeight,
                        width: plot.width - tickLabelWidth - 8 - averageLabelWidth - 12,
                        height: plot.height - yTitleHeight - xTickHeight - xAxisTitleHeight - captionHeight - 6)

        canvas.text(canvas.fitting(yAxisTitle, maxWidth: plot.width, size: 10), x: plot.minX, y: plot.minY + 2, size: 10,
                    color: Palette.mutedText, vertical: .top)

        let maxAge = max(1, (curves.flatMap { $0.points.map(\.age) } + averages.map(\.age)).max() ?? 1)
        let xScale = XScale(left: area.minX + 10, width: area.width - 10, maxAge: maxAge)
        let yScale = axis.scale(top: area.minY, bottom: area.maxY)

        drawGrid(axis: axis, yScale: yScale, area: area, canvas: canvas)
        drawXAxis(xScale: xScale, area: area, canvas: canvas)

        // Lines: older cohorts at the back, recent ones over them, the average on top.
        canvas.clipped(to: area.inset(top: -3, left: -3, bottom: -3, right: -3)) {
            // Fainter and thinner the more there are, so that 60 (or 260 weekly) lines still read as one calm band.
            let count = Double(max(older.count, 1))
            let olderAlpha = min(0.9, max(0.08, 3.2 / count.squareRoot() * min(1, 60 / count).squareRoot()))
            let olderWidth = older.count > 100 ? 0.6 : older.count > 30 ? 0.8 : 1.0
            for curve in small {
                canvas.polyline(curve.points.map { Point(x: xScale.x($0.age), y: yScale.y($0.value)) },
                                Palette.olderCohort.withAlpha(0.45), width: 1, dash: [3, 2])
            }
            for curve in older {
                canvas.polyline(curve.points.map { Point(x: xScale.x($0.age), y: yScale.y($0.value)) },
                                Palette.olderCohort.withAlpha(olderAlpha), width: olderWidth)
            }
            let dotted = xScale.perAge >= 40
            for curve in recent {
                let points = curve.points.map { Point(x: xScale.x($0.age), y: yScale.y($0.value)) }
                canvas.polyline(points, Palette.background.withAlpha(0.8), width: 4)
                canvas.polyline(points, Palette.recentCohort, width: 2)
                if dotted {
                    for point in points { canvas.dot(point, radius: 2.6, Palette.recentCohort, outline: Palette.background) }
                }
            }
            drawAverage(averages, xScale: xScale, yScale: yScale, dotted: dotted, canvas: canvas)
            // End points of recent lines stay visible where they meet the average (they anchor the labels).
            for curve in recent {
                guard let last = curve.points.last else { continue }
                canvas.dot(Point(x: xScale.x(last.age), y: yScale.y(last.value)), radius: 2.6, Palette.recentCohort, outline: Palette.background)
            }
        }

        // Labels: the average in the right margin, recent cohorts at their lines' ends where they fit.
        let averageLine = averages.map { Point(x: xScale.x($0.age), y: yScale.y($0.value)) }
        if let last = averageLine.last {
            let y = min(max(last.y, area.minY + 6), area.maxY - 6)
            canvas.text(averageLabel, x: area.maxX + 8, y: y, size: 10, bold: true, color: Palette.average, vertical: .middle)
        }
        placeRecentLabels(Array(recent), xScale: xScale, yScale: yScale, area: area, averageLine: averageLine, canvas: canvas)

        if curves.isEmpty && averages.count < 2 {
            canvas.text(strings.nothingToDraw(kind), x: area.midX, y: area.midY, size: 12, color: Palette.mutedText, align: .center, vertical: .middle)
        }

        // X axis title and caption.
        let xTitleY = area.maxY + xTickHeight + xAxisTitleHeight / 2 + 2
        canvas.text(strings.ageAxis(kind), x: area.midX, y: xTitleY, size: 10, color: Palette.mutedText, align: .center, vertical: .middle)
        var captionY = xTitleY + xAxisTitleHeight / 2 + 4
        for line in captionLines {
            canvas.text(line, x: plot.minX, y: captionY, size: captionSize, color: Palette.faintText.mixed(with: Palette.mutedText, 0.5), vertical: .top)
            captionY += 13
        }
    }

    private var yAxisTitle: String {
        switch metric {
        case .retention: return strings.retentionAxisTitle
        case .cumulativeRevenue: return strings.revenuePerCustomerAxisTitle(symbol: CurrencySymbol.of(style.currency))
        }
    }

    private func caption(axis: YAxis, curves: [Curve]) -> String {
        var sentences: [String] = []
        switch metric {
        case .retention:
            sentences.append(strings.ageZeroNote(brokenAbove: axis.breakCeiling == nil ? nil : axis.ticks.last.map { locale.wholePercent($0) },
                                                 kind))
        case .cumulativeRevenue:
            sentences.append(strings.ltvNote)
        }
        let drawn = Set(curves.map(\.cohortIndex))
        let missing = analysis.cohorts.indices.filter { !drawn.contains($0) }.map { shortLabel(of: analysis.cohorts[$0]) }
        if let note = strings.notDrawn(partialPeriod: analysis.endsWithPartialPeriod, cohorts: missing) { sentences.append(note) }
        return sentences.joined(separator: " ")
    }

    private func drawGrid(axis: YAxis, yScale: YScale, area: Rect, canvas: ChartCanvas) {
        for tick in axis.ticks {
            let y = yScale.y(tick)
            canvas.line(from: Point(x: area.minX, y: y), to: Point(x: area.maxX, y: y), tick == 0 ? Palette.axis : Palette.grid, width: tick == 0 ? 1 : 0.8)
            canvas.text(axis.label(tick, locale: locale, currency: style.currency), x: area.minX - 8, y: y, size: Self.tickFontSize,
                        color: Palette.mutedText, align: .right, vertical: .middle)
        }
        guard let ceiling = axis.breakCeiling, let upper = axis.ticks.last else { return }
        // The compressed band between the last tick and 100 %: a faint fill, the 100 % line, break marks on the axis.
        let bandTop = yScale.y(ceiling), bandBottom = yScale.y(upper)
        canvas.fill(Rect(x: area.minX, y: bandTop, width: area.width, height: bandBottom - bandTop), Palette.emptyCell)
        canvas.line(from: Point(x: area.minX, y: bandTop), to: Point(x: area.maxX, y: bandTop), Palette.grid, width: 0.8)
        canvas.text(axis.label(ceiling, locale: locale, currency: style.currency), x: area.minX - 8, y: bandTop, size: Self.tickFontSize,
                    color: Palette.mutedText, align: .right, vertical: .middle)
        // Break marks across the left edge of the band: a white gap between two slanted strokes.
        let middle = (bandTop + bandBottom) / 2
        let (left, right, rise, gap) = (area.minX - 6, area.minX + 6, 5.0, 3.5)
        canvas.context.setColor(Palette.background)
        canvas.context.moveTo(left, middle - gap / 2 + rise / 2)
        canvas.context.lineTo(right, middle - gap / 2 - rise / 2)
        canvas.context.lineTo(right, middle + gap / 2 - rise / 2)
        canvas.context.lineTo(left, middle + gap / 2 + rise / 2)
        canvas.context.closePath()
        canvas.context.fill()
        for offset in [-gap / 2, gap / 2] {
            canvas.line(from: Point(x: left, y: middle + offset + rise / 2), to: Point(x: right, y: middle + offset - rise / 2), Palette.mutedText, width: 1)
        }
    }

    private func drawXAxis(xScale: XScale, area: Rect, canvas: ChartCanvas) {
        let widest = canvas.textWidth(locale.count(xScale.maxAge), size: Self.tickFontSize)
        let steps: [Int]
        switch kind {
        case .month: steps = [1, 2, 3, 6, 12, 24, 60]
        case .week: steps = [1, 2, 4, 8, 13, 26, 52, 104]
        case .quarter: steps = [1, 2, 4, 8, 20, 40]
        }
        let room = max(widest + 14, 30)
        let step = steps.first { Double($0) * xScale.perAge >= room } ?? steps.last ?? 1
        for age in stride(from: 0, through: xScale.maxAge, by: step) {
            let x = xScale.x(age)
            canvas.line(from: Point(x: x, y: area.maxY), to: Point(x: x, y: area.maxY + 4), Palette.axis)
            canvas.text(locale.count(age), x: x, y: area.maxY + 7, size: Self.tickFontSize, color: Palette.mutedText, align: .center, vertical: .top)
        }
    }

    private func drawAverage(_ averages: [AveragePoint], xScale: XScale, yScale: YScale, dotted: Bool, canvas: ChartCanvas) {
        let points = averages.map { Point(x: xScale.x($0.age), y: yScale.y($0.value)) }
        guard points.count > 1 else {
            if let only = points.first { canvas.dot(only, radius: 3.5, Palette.average, outline: Palette.background) }
            return
        }
        canvas.polyline(points, Palette.background.withAlpha(0.9), width: 5)
        // Runs of segments, solid or dashed by the number of cohorts behind the segment's end.
        var start = 0
        while start < points.count - 1 {
            let thin = averages[start + 1].cohorts < Self.solidAverageCohorts
            var end = start + 1
            while end < points.count - 1 && (averages[end + 1].cohorts < Self.solidAverageCohorts) == thin { end += 1 }
            canvas.polyline(Array(points[start ... end]), Palette.average, width: thin ? 2 : 2.8, dash: thin ? [5, 3.5] : [])
            start = end
        }
        if dotted {
            for point in points { canvas.dot(point, radius: 3.4, Palette.average, outline: Palette.background) }
        }
    }

    /// Labels recent cohorts beside their last point: right of it if possible, nudged up or down as little as
    /// possible, never over another label, a line end or the average, preferably not over another recent line.
    /// A thin leader joins a nudged label to its point; a label that fits nowhere is left out.
    private func placeRecentLabels(_ recent: [Curve], xScale: XScale, yScale: YScale, area: Rect, averageLine: [Point], canvas: ChartCanvas) {
        let size = Self.labelFontSize
        let height = size + 4
        let lines = recent.map { curve in curve.points.map { Point(x: xScale.x($0.age), y: yScale.y($0.value)) } }
        var taken = lines.compactMap(\.last).map { Rect(x: $0.x - 3.5, y: $0.y - 3.5, width: 7, height: 7) }
        let color = Palette.recentCohort.mixed(with: Palette.text, 0.35)
        // Newest first: their lines are shortest and hardest to tell apart.
        for index in recent.indices.reversed() {
            guard let end = lines[index].last else { continue }
            let label = recent[index].label
            let width = canvas.textWidth(label, size: size, bold: true) + 6
            var best: (rect: Rect, cost: Double)?
            for side in [1.0, -1.0] {
                for step in [0.0, -0.7, 0.7, -1.4, 1.4, -2.1, 2.1, -2.8, 2.8] {
                    let x = side > 0 ? end.x + 6 : end.x - 6 - width
                    let rect = Rect(x: x, y: end.y + step * height - height / 2, width: width, height: height)
                    guard rect.minX >= area.minX, rect.maxX <= area.maxX, rect.minY >= area.minY, rect.maxY <= area.maxY,
                          !taken.contains(where: { $0.intersects(rect, padding: 1) }),
                          !polyline(averageLine, crosses: rect.inset(top: -2, bottom: -2)) else { continue }
                    let crossings = lines.indices.filter { $0 != index && polyline(lines[$0], crosses: rect) }.count
                    let cost = abs(step) + (side < 0 ? 1.5 : 0) + 2 * Double(crossings)
                    if cost < best?.cost ?? .infinity { best = (rect, cost) }
                }
            }
            guard let rect = best?.rect else { continue }
            taken.append(rect)
            if end.y < rect.minY + 2 || end.y > rect.maxY - 2 {
                let anchor = Point(x: rect.midX < end.x ? rect.maxX - 1 : rect.minX + 1, y: min(max(end.y, rect.minY + 3), rect.maxY - 3))
                canvas.line(from: end, to: anchor, color.withAlpha(0.85), width: 1)
            }
            canvas.fill(rect, Palette.background.withAlpha(0.85))
            canvas.text(label, x: rect.minX + 3, y: rect.midY, size: size, bold: true, color: color, vertical: .middle)
        }
    }

    /// Whether the piecewise linear `line` (x increasing) passes through `rect`.
    private func polyline(_ line: [Point], crosses rect: Rect) -> Bool {
        for (a, b) in zip(line, line.dropFirst()) where b.x >= rect.minX && a.x <= rect.maxX {
            func y(at x: Double) -> Double { b.x == a.x ? a.y : a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x) }
            let y0 = y(at: max(a.x, rect.minX)), y1 = y(at: min(b.x, rect.maxX))
            if max(y0, y1) >= rect.minY && min(y0, y1) <= rect.maxY { return true }
        }
        return false
    }
}

// MARK: - Scales

private struct XScale {
    let left: Double
    let width: Double
    let maxAge: Int
    var perAge: Double { width / Double(max(maxAge, 1)) }
    func x(_ age: Int) -> Double { left + Double(age) * perAge }
}

/// Ticks and range of the value axis, with an optional break below 100 % for retention.
private struct YAxis {
    let metric: CohortCurves.Metric
    let ticks: [Double]
    /// The value shown at the top of a compressed band above the last tick (100 % for retention), or nil when the axis is continuous.
    let breakCeiling: Double?

    init(metric: CohortCurves.Metric, values: [Double], laterValues: [Double]) {
        self.metric = metric
        switch metric {
        case .retention:
            let ticks = Self.ticks(from: 0, to: min(1, max(laterValues.max() ?? 1, 0.05)))
            if (ticks.last ?? 1) <= 0.7 {
                self.ticks = ticks
                breakCeiling = 1
            } else {
                self.ticks = AxisTicks.nice(from: 0, to: 1, count: 5)
                breakCeiling = nil
            }
        case .cumulativeRevenue:
            let low = min(0, values.min() ?? 0)
            let high = max(values.max() ?? 1, low + 1)
            ticks = Self.ticks(from: low, to: high)
            breakCeiling = nil
        }
    }

    /// Nice ticks covering `lower ... upper` with the least room wasted at the top (4 to 7 steps); about 6 ticks preferred.
    private static func ticks(from lower: Double, to upper: Double) -> [Double] {
        let options = (4 ... 7).map { AxisTicks.nice(from: lower, to: upper, count: $0) }
        return options.min { a, b in
            let (topA, topB) = (a.last ?? 0, b.last ?? 0)
            if abs(topA - topB) > 1e-9 { return topA < topB }
            return abs(a.count - 6) < abs(b.count - 6)
        } ?? [lower, upper]
    }

    private var step: Double { ticks.count > 1 ? ticks[1] - ticks[0] : 1 }

    /// Tick labels: whole percentages (one decimal when the step needs it); money in one unit for the whole axis
    /// ("€5k" beside "€10k", never "€5,000"), the unit chosen by the largest tick.
    func label(_ value: Double, locale: any Vocabulary, currency: String) -> String {
        switch metric {
        case .retention:
            let hundredths = step * 100
            return locale.percent(value, places: abs(hundredths - hundredths.rounded()) < 1e-9 ? 0 : 1)
        case .cumulativeRevenue:
            let largest = ticks.map(abs).max() ?? 0
            let (divisor, suffix): (Double, String) = largest >= 1_000_000 ? (1_000_000, locale.millionSuffix)
                : largest >= 10_000 ? (1_000, locale.thousandSuffix) : (1, "")
            let scaledStep = step / divisor
            let places = [0, 1, 2].first { places in
                let shifted = scaledStep * pow(10, Double(places))
                return abs(shifted - shifted.rounded()) < 1e-6
            } ?? 2
            let symbol = CurrencySymbol.of(currency)
            let number = value == 0 ? "0" : locale.decimal(abs(value) / divisor, places: places)
            let sign = value < 0 ? "−" : ""
            let unit = value == 0 ? "" : suffix
            return locale.moneyText(sign: sign, number: number + unit, symbol: symbol)
        }
    }

    func scale(top: Double, bottom: Double) -> YScale {
        let lower = ticks.first ?? 0, upper = ticks.last ?? 1
        let band = breakCeiling == nil ? 0 : min(40, (bottom - top) * 0.11)
        return YScale(lower: lower, upper: upper, ceiling: breakCeiling, top: top, linearTop: top + band, bottom: bottom)
    }
}

private struct YScale {
    let lower: Double
    let upper: Double
    let ceiling: Double?
    let top: Double
    let linearTop: Double
    let bottom: Double

    func y(_ value: Double) -> Double {
        if let ceiling, value > upper {
            return linearTop - (value - upper) / (ceiling - upper) * (linearTop - top)
        }
        return bottom - (value - lower) / (upper - lower) * (bottom - linearTop)
    }
}

private extension Rect {
    func intersects(_ other: Rect, padding: Double) -> Bool {
        minX < other.maxX + padding && other.minX < maxX + padding && minY < other.maxY + padding && other.minY < maxY + padding
    }
}
