import CohortCore
import CohortVocabulary

/// Do detractors leave? For promoters, passives and detractors, the share of customers who churned
/// within a year after their latest NPS answer, as horizontal bars with their 95 % Wilson interval
/// as a line with end ticks, the rate and the number of customers followed at the end of each bar.
///
/// Overlapping lines are the picture of "no difference can be claimed"; the finding sentence below
/// the chart says the same in words.
struct NPSChurnChart: Chart {
    let analysis: CohortAnalysis
    let style: ChartStyle

    var width: Double { 900 }
    var height: Double { 400 }
    var title: String { strings.npsChurnTitle }

    private var strings: any Vocabulary { style.words }

    /// Bar colors: promoters green, passives grey, detractors red.
    private static func color(_ group: NPSGroup) -> Color {
        switch group {
        case .promoter: return Palette.new
        case .passive: return Palette.target
        case .detractor: return Palette.churned
        }
    }

    func draw(on canvas: ChartCanvas) {
        let satisfaction = analysis.satisfaction
        let followed = satisfaction?.followedPeriods ?? analysis.options.period.periodsPerYear
        let frame = ChartFrame(title: title, subtitle: ChartFrame.subtitle(for: analysis, style: style), legend: nil)
        let plot = frame.draw(on: canvas, width: width, height: height)
        guard let groups = satisfaction?.churnAfterAnswer, groups.contains(where: { $0.customers > 0 }) else {
            canvas.text(strings.findingSentence(.tooFewAnswers, detractors: "", promoters: "", followed: followed, analysis.options.period),
                        x: plot.midX, y: plot.midY, size: 12, color: Palette.mutedText, align: .center, vertical: .middle)
            return
        }
        let labels = groups.map { strings.npsGroupName($0.group) }
        let ends = groups.map { group -> String in
            guard let value = group.churned.value else { return strings.followedCount(0) }
            return "\(strings.percent(value)) · \(strings.followedCount(group.customers))"
        }
        let labelSize = 11.0, valueSize = 10.5, captionHeight = 34.0, axisHeight = 22.0
        let labelWidth = (labels.map { canvas.textWidth($0, size: labelSize) }.max() ?? 80) + 14
        let endWidth = (ends.map { canvas.textWidth($0, size: valueSize, bold: true) }.max() ?? 80) + 16
        let area = Rect(x: plot.minX + labelWidth, y: plot.minY + 6, width: max(80, plot.width - labelWidth - endWidth),
                        height: plot.height - 6 - captionHeight - axisHeight)
        // The axis runs to the next 10 % above the highest interval end.
        let highest = groups.compactMap { $0.churned.high }.max() ?? 1
        let top = min(1, max(0.1, (highest * 10).rounded(.up) / 10))
        func x(_ share: Double) -> Double { area.minX + share / top * area.width }

        for tick in stride(from: 0.0, through: top + 1e-9, by: top > 0.5 ? 0.2 : 0.1) {
            canvas.line(from: Point(x: x(tick), y: area.minY), to: Point(x: x(tick), y: area.maxY), tick == 0 ? Palette.axis : Palette.grid)
            canvas.text(strings.wholePercent(tick), x: x(tick), y: area.maxY + 6, size: 9.5, color: Palette.mutedText, align: .center, vertical: .top)
        }
        let slot = area.height / Double(groups.count)
        let barHeight = min(44, slot * 0.5)
        for (index, group) in groups.enumerated() {
            let middle = area.minY + (Double(index) + 0.5) * slot
            canvas.text(labels[index], x: area.minX - 10, y: middle, size: labelSize, color: Palette.text, align: .right, vertical: .middle)
            guard let value = group.churned.value, let low = group.churned.low, let high = group.churned.high else {
                canvas.text(ends[index], x: area.minX + 8, y: middle, size: valueSize, color: Palette.mutedText, vertical: .middle)
                continue
            }
            let color = Self.color(group.group)
            canvas.fill(Rect(x: area.minX, y: middle - barHeight / 2, width: x(value) - area.minX, height: barHeight),
                        color.mixed(with: Palette.background, 0.35))
            // The 95 % interval: a line with end ticks across the bar's end.
            let tick = barHeight * 0.45
            canvas.line(from: Point(x: x(low), y: middle), to: Point(x: x(high), y: middle), Palette.text, width: 1.6)
            canvas.line(from: Point(x: x(low), y: middle - tick), to: Point(x: x(low), y: middle + tick), Palette.text, width: 1.6)
            canvas.line(from: Point(x: x(high), y: middle - tick), to: Point(x: x(high), y: middle + tick), Palette.text, width: 1.6)
            canvas.text(ends[index], x: x(high) + 8, y: middle, size: valueSize, bold: true, color: Palette.text, vertical: .middle)
        }
        let caption = strings.npsChurnCaption(followed: followed, analysis.options.period)
        for (line, text) in canvas.wrapped(caption, width: plot.width, size: 9.5, maxLines: 2).enumerated() {
            canvas.text(text, x: plot.minX, y: plot.maxY - captionHeight + 12 + Double(line) * 13, size: 9.5, color: Palette.mutedText, vertical: .middle)
        }
    }
}
