import CohortCore
import CohortVocabulary

/// The average retention curve of each segment of one attribute on one chart, the whole
/// population as a bold dark line: which kind of customer stays.
///
/// Each curve is the segment's weighted average over its cohorts (METRICS.md, "Average across
/// cohorts"), from age 1 on (age 0 is 100 % by definition), dashed where it rests on fewer than
/// three cohorts. Segment labels come from the data: they are cut to a readable length and drawn
/// as text, never interpreted.
struct SegmentCurves: Chart {
    let analysis: CohortAnalysis
    let style: ChartStyle

    var width: Double { 1000 }
    var height: Double { 600 }
    var title: String { attribute.map { strings.segmentCurvesTitle(attribute: Self.cut($0.name, 40)) } ?? strings.segmentsTitle }

    private var strings: any Vocabulary { style.words }
    private var attribute: SegmentAttribute? {
        analysis.segments.flatMap { $0.indices.contains(style.segmentAttribute) ? $0[style.segmentAttribute] : nil }
    }

    private static let solidCohorts = 3

    /// A label from the data, cut to `length` characters.
    static func cut(_ text: String, _ length: Int) -> String {
        text.count > length ? String(text.prefix(length - 1)) + "…" : text
    }

    /// The segment's name on a chart.
    static func label(_ segment: Segment, words: any Vocabulary) -> String {
        switch segment.kind {
        case .value: return cut(segment.value.isEmpty ? words.unknownSegment : segment.value, 28)
        case .other: return words.otherSegment(values: segment.values)
        case .unknown: return words.unknownSegment
        }
    }

    private struct Line {
        let label: String
        let color: Color
        let points: [(age: Int, value: Double, cohorts: Int)]
        let bold: Bool
    }

    private func points(_ averages: [AgeAverage]) -> [(age: Int, value: Double, cohorts: Int)] {
        averages.filter { $0.age >= 1 && $0.cohorts > 0 }.compactMap { average in
            average.retention.value.map { (average.age, $0, average.cohorts) }
        }
    }

    func draw(on canvas: ChartCanvas) {
        let segments = attribute?.segments ?? []
        var lines = segments.enumerated().map { index, segment in
            Line(label: "\(Self.label(segment, words: strings)) (\(strings.count(segment.customers)))",
                 color: Palette.categorical[index % Palette.categorical.count], points: points(segment.analysis.averages), bold: false)
        }
        lines.append(Line(label: strings.allCustomers, color: Palette.average, points: points(analysis.averages), bold: true))
        var items: [Legend.Item] = lines.map { .init(swatch: .line($0.color, width: $0.bold ? 3 : 2, dash: []), label: $0.label) }
        if lines.contains(where: { $0.points.contains { $0.cohorts < Self.solidCohorts } }) {
            items.append(.init(swatch: .line(Palette.mutedText, width: 1.5, dash: [4, 3]), label: strings.thinAverage(Self.solidCohorts)))
        }
        let legend = Legend(items: items)
        let frame = ChartFrame(title: title, subtitle: ChartFrame.subtitle(for: analysis, style: style), legend: legend)
        let plot = frame.draw(on: canvas, width: width, height: height)

        // The axis fits the solid parts: a thin average (one cohort of two customers at 100 %) runs off the top instead.
        let solid = lines.flatMap { $0.points.filter { $0.cohorts >= Self.solidCohorts }.map(\.value) }
        let values = solid.isEmpty ? lines.flatMap { $0.points.map(\.value) } : solid
        let ticks = AxisTicks.nice(from: 0, to: max(values.max() ?? 0.1, 0.05))
        let top = ticks.last ?? 1
        let captionHeight = 30.0
        let tickWidth = ticks.map { canvas.textWidth(strings.wholePercent($0), size: 9.5) }.max() ?? 30
        let area = Rect(x: plot.minX + tickWidth + 10, y: plot.minY + 20, width: plot.width - tickWidth - 20,
                        height: plot.height - 20 - 36 - captionHeight)
        canvas.text(strings.retentionAxisTitle, x: plot.minX, y: plot.minY + 2, size: 10, color: Palette.mutedText, vertical: .top)
        let maxAge = max(2, lines.flatMap { $0.points.map(\.age) }.max() ?? 2)
        func x(_ age: Int) -> Double { area.minX + Double(age - 1) / Double(max(1, maxAge - 1)) * area.width }
        func y(_ value: Double) -> Double { area.maxY - min(value, top) / top * area.height }
        for tick in ticks {
            canvas.line(from: Point(x: area.minX, y: y(tick)), to: Point(x: area.maxX, y: y(tick)), tick == 0 ? Palette.axis : Palette.grid,
                        width: tick == 0 ? 1 : 0.8)
            canvas.text(strings.wholePercent(tick), x: area.minX - 8, y: y(tick), size: 9.5, color: Palette.mutedText, align: .right,
                        vertical: .middle)
        }
        for age in AxisTicks.thinned(count: maxAge, room: Int(area.width / 40)).map({ $0 + 1 }) where age <= maxAge {
            canvas.text("\(age)", x: x(age), y: area.maxY + 12, size: 9.5, color: Palette.mutedText, align: .center, vertical: .middle)
        }
        canvas.text(strings.ageAxis(analysis.options.period), x: area.midX, y: area.maxY + 30, size: 10, color: Palette.mutedText,
                    align: .center, vertical: .middle)
        canvas.clipped(to: area.inset(top: -3, left: -3, bottom: -3, right: -3)) {
            for line in lines.sorted(by: { !$0.bold && $1.bold }) {
                // Solid where the average rests on enough cohorts, dashed beyond.
                let solid = line.points.filter { $0.cohorts >= Self.solidCohorts }, thin = line.points.drop { $0.cohorts >= Self.solidCohorts }
                let width = line.bold ? 3.0 : 2.0
                canvas.polyline(solid.map { Point(x: x($0.age), y: y($0.value)) }, line.color, width: width)
                let joined = (solid.last.map { [$0] } ?? []) + thin
                canvas.polyline(joined.map { Point(x: x($0.age), y: y($0.value)) }, line.color.withAlpha(0.7), width: width * 0.75, dash: [4, 3])
            }
        }
        if segments.isEmpty {
            canvas.text(strings.nothingToDraw(analysis.options.period), x: area.midX, y: area.midY, size: 12, color: Palette.mutedText,
                        align: .center, vertical: .middle)
        }
        let caption = strings.ageZeroNote(brokenAbove: nil, analysis.options.period)
        for (index, text) in canvas.wrapped(caption, width: plot.width, size: 9.5, maxLines: 2).enumerated() {
            canvas.text(text, x: plot.minX, y: plot.maxY - captionHeight + 8 + Double(index) * 13, size: 9.5, color: Palette.mutedText,
                        vertical: .middle)
        }
    }
}
