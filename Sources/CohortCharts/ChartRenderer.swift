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
        let surface = try CairoSurface(format: format, width: chart.width, height: chart.height, scale: style.scale)
        surface.setTitle(chart.title)
        let context = try CairoContext(surface: surface, fontFamily: style.fontFamily)
        chart.draw(on: ChartCanvas(context: context, style: style))
        try context.checkStatus()
        return try surface.finish()
    }

    /// Several charts, each as one file, drawn in parallel on all cores (Cairo surfaces are independent).
    public func render(_ kinds: [ChartKind], as format: ChartFormat) throws(ChartError) -> [ChartKind: Data] {
        let results = ParallelResults<Data>(count: kinds.count)
        DispatchQueue.concurrentPerform(iterations: kinds.count) { index in
            results.set(index, Result { () throws(ChartError) in try render(kinds[index], as: format) })
        }
        var files: [ChartKind: Data] = [:]
        for (index, kind) in kinds.enumerated() { files[kind] = try results.get(index) }
        return files
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
