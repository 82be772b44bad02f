import CohortCore

/// A chart that knows its size and draws itself; built from a `CohortAnalysis` and a `ChartStyle`.
protocol Chart {
    /// Page size in points (1/72 inch).
    var width: Double { get }
    var height: Double { get }
    /// The headline, also used as the PDF page title.
    var title: String { get }
    func draw(on canvas: ChartCanvas)
    /// A part of the plot the chart leaves empty, large enough to hold text (in the chart's
    /// coordinates), or nil. A report page may put the chart's summary there.
    func emptyRegion(on canvas: ChartCanvas) -> Rect?
    /// The font size (in points) of values a reader must read in the plot itself, such as the
    /// numbers in a heat map's cells, or nil when the chart prints none. A web page shows the
    /// chart no narrower than this text stays readable at.
    func valueTextSize(on canvas: ChartCanvas) -> Double?
}

extension Chart {
    func emptyRegion(on canvas: ChartCanvas) -> Rect? { nil }
    func valueTextSize(on canvas: ChartCanvas) -> Double? { nil }
}

/// The parts every chart shares: white page, title, subtitle (source, as-of date, period, cohorts), legend.
struct ChartFrame {
    let title: String
    let subtitle: String
    let legend: Legend?
    static let margin = 24.0

    /// One line about where the numbers come from: "orders.csv · as of 31 October 2026 · monthly · 36 cohorts".
    static func subtitle(for analysis: CohortAnalysis, style: ChartStyle, extra: String? = nil) -> String {
        let words = style.words
        var parts: [String] = []
        if let source = style.source { parts.append(source) }
        parts.append("\(words.asOf) \(words.longDate(analysis.asOf))")
        parts.append(words.periodly(analysis.options.period))
        parts.append("\(analysis.cohorts.count) \(words.cohortsWord)")
        if analysis.contracts?.isRevenueSource == true { parts.append(words.mrrFromContracts) }
        if let extra { parts.append(extra) }
        return parts.joined(separator: " · ")
    }

    /// Paints the background, title, subtitle and legend; returns the area left for the plot.
    func draw(on canvas: ChartCanvas, width: Double, height: Double) -> Rect {
        canvas.fill(Rect(x: 0, y: 0, width: width, height: height), Palette.background)
        let margin = Self.margin
        let inner = width - 2 * margin
        canvas.text(canvas.fitting(title, maxWidth: inner, size: 17, bold: true), x: margin, y: margin, size: 17, bold: true, vertical: .top)
        canvas.text(canvas.fitting(subtitle, maxWidth: inner, size: 11), x: margin, y: margin + 25, size: 11,
                    color: Palette.mutedText, vertical: .top)
        var top = margin + 48
        if let legend {
            top += legend.draw(on: canvas, in: Rect(x: margin, y: top, width: inner, height: 0)) + 6
        }
        return Rect(x: margin, y: top, width: inner, height: height - top - margin)
    }

    /// The height title, subtitle and legend take at `width` (for charts that size themselves).
    func headerHeight(on canvas: ChartCanvas, width: Double) -> Double {
        48 + Self.margin + (legend.map { $0.height(on: canvas, width: width - 2 * Self.margin) + 6 } ?? 0)
    }
}
