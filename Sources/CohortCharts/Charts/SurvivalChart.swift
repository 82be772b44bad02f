import CohortCore
import CohortVocabulary

/// The Kaplan–Meier retention curve (METRICS.md): the share of customers still live at
/// each age since acquisition, as a step line over its 95 % confidence band.
///
/// The curve steps down where customers churn for the first time and stays flat
/// between; the band (Greenwood) is a light area around it, wide where few customers
/// are still at risk. A dotted line marks the median, the first age at which fewer than
/// half are still live, when the curve gets that low. The caption says how it is counted.
struct SurvivalChart: Chart {
    let analysis: CohortAnalysis
    let style: ChartStyle

    var width: Double { 1000 }
    var height: Double { 600 }
    var title: String { strings.survivalTitle }

    private var strings: any Vocabulary { style.words }
    private var locale: any Vocabulary { style.words }
    private static let tickFontSize = 9.5

    func draw(on canvas: ChartCanvas) {
        let points = analysis.survival ?? []
        let frame = ChartFrame(title: title,
                               subtitle: ChartFrame.subtitle(for: analysis, style: style, extra: strings.churnWindow(analysis.churnWindow.periods)),
                               legend: Legend(items: [.init(swatch: .line(Palette.average, width: 2.5, dash: []), label: strings.stillLive),
                                                      .init(swatch: .box(Palette.recentCohort.withAlpha(0.25)), label: strings.confidenceBand)]))
        let plot = frame.draw(on: canvas, width: width, height: height)
        guard let lastAge = points.last?.age, lastAge > 0 else {
            canvas.text(strings.noPeriods, x: plot.midX, y: plot.midY, size: 12, color: Palette.mutedText, align: .center, vertical: .middle)
            return
        }

        // Caption at the foot, x axis title above it, then the plot area.
        let captionSize = 9.5
        let everyone = points.first?.atRisk ?? 0
        let censored = points.reduce(0) { $0 + $1.censored }
        let caption = strings.survivalCaption(customers: locale.count(everyone), censored: locale.count(censored),
                                              partial: analysis.endsWithPartialPeriod)
        let captionLines = canvas.wrapped(caption, width: plot.width, size: captionSize)
        let captionTop = plot.maxY - Double(captionLines.count) * 13
        let tickLabelWidth = canvas.textWidth(locale.wholePercent(1), size: Self.tickFontSize)
        let area = Rect(x: plot.minX + tickLabelWidth + 8, y: plot.minY + 12, width: plot.width - tickLabelWidth - 8 - 60,
                        height: captionTop - 6 - 18 - 18 - plot.minY - 12)
        func x(_ age: Double) -> Double { area.minX + age / Double(lastAge) * area.width }
        func y(_ share: Double) -> Double { area.maxY - share * area.height }

        // Grid and y ticks every 20 %.
        for step in 0 ... 5 {
            let share = Double(step) / 5
            canvas.line(from: Point(x: area.minX, y: y(share)), to: Point(x: area.maxX, y: y(share)), step == 0 ? Palette.axis : Palette.grid)
            canvas.text(locale.wholePercent(share), x: area.minX - 6, y: y(share), size: Self.tickFontSize, color: Palette.mutedText,
                        align: .right, vertical: .middle)
        }
        // X ticks, thinned to what fits.
        let letter = strings.ageLetter(analysis.options.period)
        let labelWidth = canvas.textWidth("\(letter)\(lastAge)", size: Self.tickFontSize) + 10
        for age in AxisTicks.thinned(count: lastAge + 1, room: max(2, Int(area.width / labelWidth))) {
            canvas.line(from: Point(x: x(Double(age)), y: area.maxY), to: Point(x: x(Double(age)), y: area.maxY + 4), Palette.axis)
            canvas.text("\(letter)\(age)", x: x(Double(age)), y: area.maxY + 12, size: Self.tickFontSize, color: Palette.mutedText,
                        align: .center, vertical: .middle)
        }
        canvas.text(strings.ageAxis(analysis.options.period), x: area.midX, y: area.maxY + 30, size: 10, color: Palette.mutedText,
                    align: .center, vertical: .middle)

        // The band and the curve are steps: a value holds from its age until the next.
        func steps(_ value: (SurvivalPoint) -> Double) -> [Point] {
            var path: [Point] = []
            for (index, point) in points.enumerated() {
                let end = index + 1 < points.count ? Double(points[index + 1].age) : Double(point.age)
                path.append(Point(x: x(Double(point.age)), y: y(value(point))))
                path.append(Point(x: x(end), y: y(value(point))))
            }
            return path
        }
        let upper = steps(\.upper), lower = steps(\.lower)
        canvas.fill(polygon: upper + lower.reversed(), Palette.recentCohort.withAlpha(0.25))
        canvas.polyline(steps(\.survival), Palette.average, width: 2.5)

        // The median: the first age at which fewer than half are still live.
        if let median = points.first(where: { $0.survival < 0.5 }) {
            let px = x(Double(median.age))
            canvas.line(from: Point(x: area.minX, y: y(0.5)), to: Point(x: px, y: y(0.5)), Palette.target, width: 1, dash: [2, 3])
            canvas.line(from: Point(x: px, y: y(0.5)), to: Point(x: px, y: area.maxY), Palette.target, width: 1, dash: [2, 3])
            canvas.text(strings.halfChurned(by: "\(letter)\(median.age)"), x: px + 6, y: y(0.5) - 8, size: 10, color: Palette.mutedText,
                        vertical: .middle)
        }
        // The last value, at the curve's end.
        if let last = points.last {
            canvas.text(locale.percent(last.survival), x: x(Double(last.age)) + 6, y: y(last.survival), size: 10, bold: true,
                        color: Palette.average, vertical: .middle)
        }

        for (index, line) in captionLines.enumerated() {
            canvas.text(line, x: plot.minX, y: captionTop + Double(index) * 13 + 6, size: captionSize, color: Palette.mutedText, vertical: .middle)
        }
    }
}
