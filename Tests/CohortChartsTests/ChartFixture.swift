import CohortCharts
import CohortCore
import CohortIngest
import CohortSample
import Foundation

/// A small, deterministic analysis for chart tests: 300 sampled customers over 14 months, split by company size.
enum ChartFixture {
    static let analysis: CohortAnalysis = {
        let bytes = SampleGenerator(options: SampleOptions(customers: 300, months: 14, startYear: 2025, startMonth: 1, seed: 7)).generateBytes()
        // Sample data always reads; a failure here is a broken fixture, not a test result.
        // Split by company size too, for the segment charts (the other charts do not change with it).
        var options = ReadOptions()
        options.segmentColumns = ["company_size"]
        let read = try! OrderReader(options: options).read(bytes: bytes, source: "sample.csv")
        return try! CohortAnalysis(table: read.table, options: AnalysisOptions(asOf: CivilDate(year: 2026, month: 2, day: 20)))
    }()

    static let style = ChartStyle(scale: 1, source: "sample.csv")

    /// examples/orders.csv: 36 monthly cohorts, the size of a real report.
    static let examples: CohortAnalysis = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        // The example file always reads; a failure here is a broken fixture, not a test result.
        let read = try! OrderReader().read(sources: [root.appendingPathComponent("examples/orders.csv").path])
        return try! CohortAnalysis(table: read.table, input: read.inputSummary)
    }()

    static var renderer: ChartRenderer { ChartRenderer(analysis: analysis, style: style) }
}
