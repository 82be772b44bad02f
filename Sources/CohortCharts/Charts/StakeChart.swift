import CohortCore
import CohortVocabulary

/// Where the revenue at stake sits: the at-risk customers' revenue over the last 12 months,
/// by how overdue they are (1.5–2, 2–3, 3–5 and over 5 times their usual gap since the last
/// order), as horizontal bars with the amount and the number of customers at each end.
///
/// The least overdue are on top: they are the ones a call still reaches.
struct StakeChart: Chart {
    let analysis: CohortAnalysis
    let style: ChartStyle

    var width: Double { 900 }
    var height: Double { 420 }
    var title: String { strings.stakeTitle }

    private var strings: any Vocabulary { style.words }

    func draw(on canvas: ChartCanvas) {
        let customers = analysis.customers
        let subtitle = ChartFrame.subtitle(for: analysis, style: style,
                                           extra: customers.map { strings.atRiskCount($0.count(.atRisk)) })
        let frame = ChartFrame(title: title, subtitle: subtitle, legend: nil)
        let plot = frame.draw(on: canvas, width: width, height: height)
        guard let customers, customers.count(.atRisk) > 0 else {
            canvas.text(strings.nobodyAtRisk, x: plot.midX, y: plot.midY, size: 12, color: Palette.mutedText, align: .center, vertical: .middle)
            return
        }
        let buckets = customers.stakeByOverdue
        let labels = buckets.map { strings.overdueBucket(from: style.words.decimal($0.from, places: $0.from == $0.from.rounded() ? 0 : 1),
                                                           to: $0.to.map { style.words.decimal($0, places: $0 == $0.rounded() ? 0 : 1) }) }
        let values = buckets.map { $0.revenueAtStake.units }
        let ends = buckets.map { "\(style.words.money($0.revenueAtStake.units, currency: style.currency)) · \(strings.customersCount($0.customers))" }
        let labelSize = 11.0, valueSize = 10.5
        let labelWidth = (labels.map { canvas.textWidth($0, size: labelSize) }.max() ?? 80) + 14
        let endWidth = (ends.map { canvas.textWidth($0, size: valueSize, bold: true) }.max() ?? 80) + 12
        let captionHeight = 30.0
        let area = Rect(x: plot.minX + labelWidth, y: plot.minY + 8, width: max(80, plot.width - labelWidth - endWidth),
                        height: plot.height - 8 - captionHeight)
        let largest = max(values.max() ?? 0, 1)
        let slot = area.height / Double(max(buckets.count, 1))
        let barHeight = min(46, slot * 0.62)
        for (index, value) in values.enumerated() {
            let middle = area.minY + (Double(index) + 0.5) * slot
            canvas.text(labels[index], x: area.minX - 10, y: middle, size: labelSize, color: Palette.text, align: .right, vertical: .middle)
            let length = max(0, value) / largest * area.width
            // Darker the more overdue: the further out, the less likely a call still helps.
            let color = Palette.churned.mixed(with: Palette.background, 0.55 - 0.15 * Double(index))
            canvas.fill(Rect(x: area.minX, y: middle - barHeight / 2, width: length, height: barHeight), color)
            canvas.text(ends[index], x: area.minX + length + 8, y: middle, size: valueSize, bold: true, color: Palette.text, vertical: .middle)
        }
        canvas.line(from: Point(x: area.minX, y: area.minY), to: Point(x: area.minX, y: area.maxY), Palette.axis)
        let caption = strings.stakeCaption(total: style.words.money(customers.revenueAtStake.units, currency: style.currency))
        for (line, text) in canvas.wrapped(caption, width: plot.width, size: 9.5, maxLines: 2).enumerated() {
            canvas.text(text, x: plot.minX, y: plot.maxY - captionHeight + 12 + Double(line) * 13, size: 9.5, color: Palette.mutedText, vertical: .middle)
        }
    }
}
