import CohortCore
import CohortVocabulary

/// A cohort × age heat map of customer retention, revenue retention (NRR) or GRR.
///
/// Each cell is colored on a perceptually uniform scale (viridis; NRR on a diverging
/// scale centred on 100 %) whose range spans ages 1 and later: age 0 is 100 % by
/// definition and drawn neutral, so it does not wash out the differences that
/// matter. Values are printed in black or white by the cell's luminance, partial
/// cells are hatched, a weighted-average row closes the table, a color bar explains
/// the scale. Cells and fonts shrink from 3 to 60 cohorts; values are dropped from
/// cells only when they could not be read.
struct CohortHeatMap: Chart {
    typealias Metric = MatrixMetric

    let analysis: CohortAnalysis
    let style: ChartStyle
    let metric: Metric
    private let layout: Layout
    private let scale: ColorScale

    /// Sizes of the grid, chosen once from the number of cohorts and ages.
    private struct Layout {
        let cellWidth: Double
        let cellHeight: Double
        let labelWidth: Double
        let sizeWidth: Double
        let colorBarWidth = 92.0
        let ageHeaderHeight = 22.0
        let averageGap = 8.0
        let headerHeight = 24.0 + 48 + 30 // margin + title/subtitle + one legend line
        let footerHeight = 26.0
        let labelFontSize: Double
        /// The most points the grid may take in either direction (12,000 pixels at scale 2, within Cairo's 32,767).
        static let longestSide = 6_000.0

        /// `longestLabel`: characters of the longest row label (cohorts and the bold average row).
        init(cohorts: Int, ages: Int, longestLabel: Int) {
            // A grid of decades of weekly periods still fits Cairo's largest surface: its cells
            // then shrink below 16 × 12 points, and lose their digits (`CellText`), not the chart.
            cellWidth = min(64, max(16, 880 / Double(max(ages, 1))), Self.longestSide / Double(max(ages, 1)))
            cellHeight = min(28, max(12, cellWidth * 0.6, 620 / Double(max(cohorts, 1) + 1)).rounded(.down),
                             Self.longestSide / Double(cohorts + 1))
            // As large as the numbers in the cells (0.6 of the cell height, see `CellText`), so that no digit of the grid is smaller.
            labelFontSize = min(11, max(7.5, cellHeight * 0.6))
            // DejaVu Sans Bold averages about 0.66 em per character.
            labelWidth = Double(max(longestLabel, 7)) * labelFontSize * 0.66 + 10
            sizeWidth = labelFontSize * 4.6 + 10
        }
    }

    init(analysis: CohortAnalysis, style: ChartStyle, metric: Metric) {
        self.analysis = analysis
        self.style = style
        self.metric = metric
        let longestLabel = (analysis.cohorts.map(\.label.count) + [style.words.average.count]).max() ?? 7
        layout = Layout(cohorts: analysis.cohorts.count, ages: analysis.periods.count, longestLabel: longestLabel)
        scale = metric.colorScale(for: analysis)
    }

    private var ages: Int { analysis.periods.count }
    private var strings: any Vocabulary { style.words }

    var title: String {
        strings.matrixTitle(metric)
    }

    var width: Double {
        max(640, 2 * ChartFrame.margin + layout.labelWidth + layout.sizeWidth + Double(ages) * layout.cellWidth + layout.colorBarWidth
            + npsColumnWidth)
    }

    /// NPS per cohort beside the retention heat map, when there are survey answers (METRICS.md, "Satisfaction").
    private var npsByCohort: [String: NetPromoterScore]? {
        guard metric == .retention, let satisfaction = analysis.satisfaction else { return nil }
        return Dictionary(satisfaction.byCohort.map { ($0.label, $0.nps) }, uniquingKeysWith: { first, _ in first })
    }

    private var npsColumnWidth: Double { npsByCohort == nil ? 0 : layout.labelFontSize * 4.4 + 16 }

    var height: Double {
        layout.headerHeight + layout.ageHeaderHeight + Double(analysis.cohorts.count + 1) * layout.cellHeight
            + layout.averageGap + layout.footerHeight + ChartFrame.margin
    }

    private var frame: ChartFrame {
        let letter = strings.ageLetter(analysis.options.period)
        var legendItems = [Legend.Item(swatch: .box(Palette.neutralCell), label: "\(letter)0 = " + strings.acquisitionPeriodHundred)]
        if analysis.endsWithPartialPeriod { legendItems.append(Legend.Item(swatch: .hatched(Palette.mutedText), label: strings.partialPeriod)) }
        if hasSmallCohorts {
            legendItems.append(Legend.Item(swatch: .box(Self.faded(scale.color(for: scale.lower + (scale.upper - scale.lower) * 0.2))),
                                           label: strings.smallCohorts(below: analysis.options.minimumCohortSize)))
        }
        return ChartFrame(title: title, subtitle: ChartFrame.subtitle(for: analysis, style: style), legend: Legend(items: legendItems))
    }

    /// The largest rectangle of the grid's lower right that no cell reaches (cohorts too young
    /// for those ages), above the average row; nil when it is smaller than a quarter of the grid.
    func emptyRegion(on canvas: ChartCanvas) -> Rect? {
        let rows = analysis.cohorts.count
        guard rows > 0, ages > 0 else { return nil }
        let gridLeft = ChartFrame.margin + layout.labelWidth + layout.sizeWidth
        let gridTop = frame.headerHeight(on: canvas, width: width) + layout.ageHeaderHeight
        // From row k down, every row stops at or before the last age of the rows below k.
        var firstFree = Array(repeating: 0, count: rows + 1)
        for row in stride(from: rows - 1, through: 0, by: -1) {
            firstFree[row] = max(firstFree[row + 1], (analysis.cohorts[row].cells.map(\.age).max() ?? -1) + 1)
        }
        var best: (cells: Int, row: Int) = (0, 0)
        for row in 0 ..< rows where (rows - row) * (ages - firstFree[row]) > best.cells {
            best = ((rows - row) * (ages - firstFree[row]), row)
        }
        guard best.cells * 4 >= rows * ages else { return nil }
        let left = firstFree[best.row]
        return Rect(x: gridLeft + Double(left) * layout.cellWidth, y: gridTop + Double(best.row) * layout.cellHeight,
                    width: Double(ages - left) * layout.cellWidth, height: Double(rows - best.row) * layout.cellHeight)
    }

    /// The size of the smallest numbers of the grid: in the cells, the cohort sizes and the ages above
    /// (they shrink with the number of ages); nil when the cells are too small for numbers.
    func valueTextSize(on canvas: ChartCanvas) -> Double? {
        let text = CellText(canvas: canvas, locale: style.words, cellWidth: layout.cellWidth, cellHeight: layout.cellHeight)
        guard text.visible else { return nil }
        return min(text.fontSize, layout.labelFontSize, ageFontSize(on: canvas))
    }

    /// Every age labelled: the labels shrink to fit their cells, down to 6.5 pt (only below that are they thinned).
    private func ageFontSize(on canvas: ChartCanvas) -> Double {
        let widest = canvas.textWidth("\(strings.ageLetter(analysis.options.period))\(max(ages - 1, 0))", size: layout.labelFontSize)
        return min(layout.labelFontSize, layout.labelFontSize * (layout.cellWidth - 3) / max(widest, 1))
    }

    func draw(on canvas: ChartCanvas) {
        let letter = strings.ageLetter(analysis.options.period)
        let plot = frame.draw(on: canvas, width: width, height: height)

        let gridLeft = plot.minX + layout.labelWidth + layout.sizeWidth
        let gridTop = plot.minY + layout.ageHeaderHeight
        let text = CellText(canvas: canvas, locale: style.words, cellWidth: layout.cellWidth, cellHeight: layout.cellHeight)

        // Column headers: cohort, customers, ages (thinned when narrow).
        let headerY = plot.minY + layout.ageHeaderHeight / 2
        canvas.text(strings.cohort, x: plot.minX, y: headerY, size: layout.labelFontSize, bold: true, color: Palette.mutedText, vertical: .middle)
        canvas.text(strings.customers, x: gridLeft - 8, y: headerY, size: layout.labelFontSize, bold: true, color: Palette.mutedText,
                    align: .right, vertical: .middle)
        let widest = canvas.textWidth("\(letter)\(max(ages - 1, 0))", size: layout.labelFontSize)
        let ageFontSize = ageFontSize(on: canvas)
        let agesShown = ageFontSize >= 6.5 ? Array(0 ..< ages)
            : AxisTicks.thinned(count: ages, room: Int(Double(ages) * layout.cellWidth / (widest * 6.5 / layout.labelFontSize + 4)))
        for age in agesShown {
            canvas.text("\(letter)\(age)", x: gridLeft + (Double(age) + 0.5) * layout.cellWidth, y: headerY, size: max(ageFontSize, 6.5),
                        color: Palette.mutedText, align: .center, vertical: .middle)
        }

        // Cohort rows.
        for (index, row) in analysis.cohorts.enumerated() {
            let y = gridTop + Double(index) * layout.cellHeight
            let small = row.size < analysis.options.minimumCohortSize
            drawRowLabels(row.label, size: row.size, y: y, plot: plot, gridLeft: gridLeft, canvas: canvas, bold: false, faded: small)
            for cell in row.cells {
                let rect = Rect(x: gridLeft + Double(cell.age) * layout.cellWidth, y: y, width: layout.cellWidth, height: layout.cellHeight)
                drawCell(rect, value: cell[keyPath: metric.cellValue].value, neutral: cell.age == 0, partial: cell.partial, text: text, canvas: canvas,
                         faded: small)
            }
        }

        // Weighted average row.
        let averageY = gridTop + Double(analysis.cohorts.count) * layout.cellHeight + layout.averageGap
        let totalCustomers = analysis.cohorts.reduce(0) { $0 + $1.size }
        drawRowLabels(strings.average, size: totalCustomers, y: averageY, plot: plot, gridLeft: gridLeft, canvas: canvas, bold: true)
        for average in analysis.averages where average.cohorts > 0 {
            let rect = Rect(x: gridLeft + Double(average.age) * layout.cellWidth, y: averageY, width: layout.cellWidth, height: layout.cellHeight)
            drawCell(rect, value: average[keyPath: metric.averageValue].value, neutral: average.age == 0, partial: false, text: text, canvas: canvas, bold: true)
        }

        // NPS per cohort, and of every cohort's answers in the average row.
        if let nps = npsByCohort {
            let right = gridLeft + Double(ages) * layout.cellWidth + npsColumnWidth - 4
            canvas.text(strings.contractWords().nps, x: right, y: headerY, size: layout.labelFontSize, bold: true, color: Palette.mutedText,
                        align: .right, vertical: .middle)
            var all = NetPromoterScore()
            for (index, row) in analysis.cohorts.enumerated() {
                let score = nps[row.label] ?? NetPromoterScore()
                all = NetPromoterScore(promoters: all.promoters + score.promoters, passives: all.passives + score.passives,
                                       detractors: all.detractors + score.detractors)
                canvas.text(style.words.nps(score), x: right, y: gridTop + (Double(index) + 0.5) * layout.cellHeight, size: layout.labelFontSize,
                            color: score.answers == 0 ? Palette.faintText : Palette.text, align: .right, vertical: .middle)
            }
            canvas.text(style.words.nps(all), x: right, y: averageY + layout.cellHeight / 2, size: layout.labelFontSize, bold: true,
                        color: Palette.text, align: .right, vertical: .middle)
        }

        // Axis title under the grid, and the color bar.
        let gridBottom = averageY + layout.cellHeight
        canvas.text(strings.ageAxis(analysis.options.period), x: gridLeft + Double(ages) * layout.cellWidth / 2, y: gridBottom + 16,
                    size: 10, color: Palette.mutedText, align: .center, vertical: .middle)
        let barLeft = gridLeft + Double(ages) * layout.cellWidth + npsColumnWidth + 22
        let barTop = gridTop + 16
        canvas.text(colorBarCaption, x: barLeft, y: gridTop + 4, size: 9, bold: true, color: Palette.mutedText, vertical: .middle)
        drawColorBar(Rect(x: barLeft, y: barTop, width: 12, height: min(260, max(60, gridBottom - barTop))), canvas: canvas)
    }

    /// What the numbers in the cells are: "in %" (the cells may be too narrow for the % sign).
    private var colorBarCaption: String {
        strings.valuesInPercent
    }

    /// True when a cohort is smaller than `--min-cohort`.
    private var hasSmallCohorts: Bool { analysis.cohorts.contains { $0.size < analysis.options.minimumCohortSize } }

    /// A small cohort's cell color: blended toward white, so that it reads as "less weight".
    private static func faded(_ color: Color) -> Color { color.mixed(with: Palette.background, 0.6) }

    private func drawRowLabels(_ label: String, size: Int, y: Double, plot: Rect, gridLeft: Double, canvas: ChartCanvas, bold: Bool,
                               faded: Bool = false) {
        let middle = y + layout.cellHeight / 2
        canvas.text(canvas.fitting(label, maxWidth: layout.labelWidth - 4, size: layout.labelFontSize, bold: bold), x: plot.minX, y: middle,
                    size: layout.labelFontSize, bold: bold, color: faded ? Palette.mutedText : Palette.text, vertical: .middle)
        canvas.text(style.words.count(size), x: gridLeft - 8, y: middle, size: layout.labelFontSize, bold: bold,
                    color: bold ? Palette.text : Palette.mutedText, align: .right, vertical: .middle)
    }

    private func drawCell(_ rect: Rect, value: Double?, neutral: Bool, partial: Bool, text: CellText, canvas: ChartCanvas, bold: Bool = false,
                          faded: Bool = false) {
        let inner = rect.inset(top: 0.5, left: 0.5, bottom: 0.5, right: 0.5)
        let color: Color = neutral || value == nil ? Palette.neutralCell : scale.color(for: value ?? 0)
        let background = faded && !neutral ? Self.faded(color) : color
        canvas.fill(inner, background)
        if partial {
            canvas.hatch(inner, ColorScale.textColor(on: background).withAlpha(0.35), spacing: 4)
            canvas.stroke(inner.inset(top: 0.5, left: 0.5, bottom: 0.5, right: 0.5), Palette.text.withAlpha(0.55), width: 1)
        }
        text.draw(value, in: rect, on: background, bold: bold)
    }

    private func drawColorBar(_ bar: Rect, canvas: ChartCanvas) {
        let steps = 64
        for step in 0 ..< steps {
            let fraction = Double(step) / Double(steps - 1)
            let value = valueAt(fraction: fraction)
            let y = bar.maxY - Double(step + 1) * bar.height / Double(steps)
            canvas.fill(Rect(x: bar.minX, y: y, width: bar.width, height: bar.height / Double(steps) + 0.6), scale.color(for: value))
        }
        canvas.stroke(bar, Palette.axis, width: 0.5)
        let ticks = AxisTicks.nice(from: scale.lower, to: scale.upper, count: 5).filter { $0 >= scale.lower - 1e-9 && $0 <= scale.upper + 1e-9 }
        for tick in ticks {
            let y = bar.maxY - scale.fraction(of: tick) * bar.height
            canvas.line(from: Point(x: bar.maxX, y: y), to: Point(x: bar.maxX + 4, y: y), Palette.axis)
            // The top of an open scale holds every value above it.
            let label = (metric.isOpenAtTheTop && abs(tick - scale.upper) < 1e-9 ? "≥ " : "") + style.words.wholePercent(tick)
            canvas.text(label, x: bar.maxX + 7, y: y, size: 9, color: Palette.mutedText, vertical: .middle)
        }
    }

    /// Inverse of `scale.fraction(of:)`.
    private func valueAt(fraction: Double) -> Double {
        guard let center = scale.center else { return scale.lower + fraction * (scale.upper - scale.lower) }
        return fraction < 0.5 ? scale.lower + fraction * 2 * (center - scale.lower) : center + (fraction - 0.5) * 2 * (scale.upper - center)
    }
}

/// Chooses once how values are printed in cells of a given size: "85%", "85", or not at all.
private struct CellText {
    let canvas: ChartCanvas
    let locale: any Vocabulary
    let fontSize: Double
    let withPercentSign: Bool
    let visible: Bool

    init(canvas: ChartCanvas, locale: any Vocabulary, cellWidth: Double, cellHeight: Double) {
        self.canvas = canvas
        self.locale = locale
        let size = min(11, cellHeight * 0.6)
        let room = cellWidth - 3
        if canvas.textWidth(locale.wholePercent(1.0), size: size, bold: true) <= room {
            (fontSize, withPercentSign, visible) = (size, true, size >= 6)
        } else {
            // Largest size at which "100" fits; below 6 pt nobody reads it.
            let bare = min(size, size * room / canvas.textWidth("100", size: size, bold: true))
            (fontSize, withPercentSign, visible) = (bare, false, bare >= 6)
        }
    }

    func draw(_ value: Double?, in rect: Rect, on background: Color, bold: Bool) {
        guard visible else { return }
        let label: String
        if let value {
            label = withPercentSign ? locale.wholePercent(value) : locale.decimal((value * 100).rounded(), places: 0)
        } else {
            label = "–"
        }
        canvas.text(label, x: rect.midX, y: rect.midY, size: fontSize, bold: bold, color: ColorScale.textColor(on: background),
                    align: .center, vertical: .middle)
    }
}
