import CohortCore
import CohortVocabulary

/// Small multiples of the retention heat map: one triangle per segment of one attribute, cohorts
/// down and ages across, in the heat map's fixed colors (no digits: the shapes compare), each
/// headed by the segment and its customers. A segment's cohorts are small by nature, so only the
/// very smallest (`fadedBelow`) are faded: fading every cohort under `--min-cohort` would fade them all.
struct SegmentHeatMaps: Chart {
    let analysis: CohortAnalysis
    let style: ChartStyle

    var width: Double { 1000 }
    var title: String { attribute.map { strings.segmentHeatMapsTitle(attribute: SegmentCurves.cut($0.name, 40)) } ?? strings.segmentsTitle }
    var height: Double { 110 + Double(rows) * panelHeight + 40 }

    private var strings: any Vocabulary { style.words }
    private var attribute: SegmentAttribute? {
        analysis.segments.flatMap { $0.indices.contains(style.segmentAttribute) ? $0[style.segmentAttribute] : nil }
    }
    private var panels: [Segment] { attribute?.segments ?? [] }
    private var columns: Int { panels.count <= 4 ? max(1, panels.count) : panels.count <= 9 ? 3 : 4 }
    private var rows: Int { max(1, (panels.count + columns - 1) / columns) }
    private var panelHeight: Double { columns <= 2 ? 300 : 230 }
    /// Cohorts of a segment with fewer customers are faded.
    private var fadedBelow: Int { max(3, analysis.options.minimumCohortSize / 6) }

    func draw(on canvas: ChartCanvas) {
        let scale = MatrixMetric.retention.colorScale(for: analysis)
        let frame = ChartFrame(title: title, subtitle: ChartFrame.subtitle(for: analysis, style: style), legend: nil)
        let plot = frame.draw(on: canvas, width: width, height: height)
        let gap = 18.0
        let panelWidth = (plot.width - gap * Double(columns - 1)) / Double(columns)
        let cohortCount = analysis.cohorts.count, ageCount = max(1, analysis.periods.count)
        for (index, segment) in panels.enumerated() {
            let column = index % columns, row = index / columns
            let box = Rect(x: plot.minX + Double(column) * (panelWidth + gap), y: plot.minY + Double(row) * panelHeight,
                           width: panelWidth, height: panelHeight - 12)
            let heading = "\(SegmentCurves.label(segment, words: strings)) · \(strings.count(segment.customers))"
            canvas.text(canvas.fitting(heading, maxWidth: box.width, size: 11, bold: true), x: box.minX, y: box.minY, size: 11, bold: true,
                        vertical: .top)
            let grid = Rect(x: box.minX, y: box.minY + 20, width: box.width, height: box.height - 20)
            let cellWidth = grid.width / Double(ageCount), cellHeight = grid.height / Double(max(1, cohortCount))
            canvas.fill(grid, Palette.emptyCell)
            for (rowIndex, cohort) in segment.analysis.cohorts.enumerated() where cohort.size > 0 {
                let faded = cohort.size < fadedBelow
                for cell in cohort.cells where !cell.partial {
                    guard let value = cell.retention.value else { continue }
                    var color = cell.age == 0 ? Palette.neutralCell : scale.color(for: value)
                    if faded && cell.age > 0 { color = color.mixed(with: Palette.background, 0.6) }
                    canvas.fill(Rect(x: grid.minX + Double(cell.age) * cellWidth, y: grid.minY + Double(rowIndex) * cellHeight,
                                     width: cellWidth + 0.3, height: cellHeight + 0.3), color)
                }
            }
        }
        let caption = strings.segmentHeatMapsCaption(minimumCohort: fadedBelow)
        canvas.text(canvas.fitting(caption, maxWidth: plot.width, size: 9.5), x: plot.minX, y: plot.maxY - 8, size: 9.5,
                    color: Palette.mutedText, vertical: .middle)
    }
}
