import CohortCore
import Foundation

/// Draws charts of an analysis into PNG, SVG or PDF bytes.
///
///     let png = try ChartRenderer(analysis: analysis, style: ChartStyle()).render(.retention, as: .png)
///     let deck = try ChartRenderer(analysis: analysis, style: ChartStyle()).renderPDF(ChartKind.allCases)
///
/// Output is deterministic: the same analysis and style give the same bytes.
public struct ChartRenderer: Sendable {
    public let analysis: CohortAnalysis
    public let style: ChartStyle

    public init(analysis: CohortAnalysis, style: ChartStyle) {
        self.analysis = analysis
        self.style = style
    }

    /// One chart as one file.
    public func render(_ kind: ChartKind, as format: ChartFormat) throws(ChartError) -> Data {
        let chart = kind.chart(for: analysis, style: style)
        let cairoFormat: CairoSurface.Format
        switch format {
        case .svg: return try drawSVG(chart, idPrefix: "").document()
        case .png: cairoFormat = .png
        case .pdf: cairoFormat = .pdf
        }
        let surface = try CairoSurface(format: cairoFormat, width: chart.width, height: chart.height, scale: style.scale)
        surface.setTitle(chart.title)
        let context = try CairoContext(surface: surface, fontFamily: style.fontFamily)
        chart.draw(on: ChartCanvas(context: context, style: style))
        try context.checkStatus()
        return try surface.finish()
    }

    /// Several charts, each as one file, drawn in parallel on all cores (Cairo surfaces are independent).
    public func render(_ kinds: [ChartKind], as format: ChartFormat) throws(ChartError) -> [ChartKind: Data] {
        try inParallel(kinds) { kind throws(ChartError) in try render(kind, as: format) }
    }

    /// `work` for each chart, in parallel on all cores.
    func inParallel<Value>(_ kinds: [ChartKind], _ work: @Sendable (ChartKind) throws(ChartError) -> Value) throws(ChartError) -> [ChartKind: Value] {
        let results = ParallelResults<Value>(count: kinds.count)
        DispatchQueue.concurrentPerform(iterations: kinds.count) { index in
            results.set(index, Result { () throws(ChartError) in try work(kinds[index]) })
        }
        var values: [ChartKind: Value] = [:]
        for (index, kind) in kinds.enumerated() { values[kind] = try results.get(index) }
        return values
    }

    /// `chart` drawn as SVG, with `idPrefix` before every id.
    func drawSVG(_ chart: any Chart, idPrefix: String) throws(ChartError) -> SVGContext {
        let svg = try SVGContext(width: chart.width, height: chart.height, fontFamily: style.fontFamily, idPrefix: idPrefix)
        chart.draw(on: ChartCanvas(context: svg, style: style))
        return svg
    }

    /// Several charts as one PDF, one page each (each page sized to its chart).
    public func renderPDF(_ kinds: [ChartKind], title: String? = nil) throws(ChartError) -> Data {
        let charts = kinds.map { $0.chart(for: analysis, style: style) }
        guard let first = charts.first else { throw .nothingToDraw("no charts were asked for") }
        let surface = try CairoSurface(format: .pdf, width: first.width, height: first.height)
        surface.setTitle(title ?? first.title)
        let context = try CairoContext(surface: surface, fontFamily: style.fontFamily)
        for (index, chart) in charts.enumerated() {
            if index > 0 {
                context.showPage()
                surface.beginPage(width: chart.width, height: chart.height)
            }
            chart.draw(on: ChartCanvas(context: context, style: style))
        }
        try context.checkStatus()
        return try surface.finish()
    }
}

/// Results written by parallel workers, one slot each, read after they all finished.
private final class ParallelResults<Value>: @unchecked Sendable {
    private var slots: [Result<Value, ChartError>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<Value, ChartError>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func get(_ index: Int) throws(ChartError) -> Value {
        lock.lock()
        defer { lock.unlock() }
        guard let result = slots[index] else { throw .nothingToDraw("chart \(index) was not drawn") }
        return try result.get()
    }
}
