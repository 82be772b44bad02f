import CohortCharts
import CohortCore
import CohortIngest
import Foundation

/// Every file of one report folder, built in memory from the analysis:
/// report.md, cohorts.csv, kpis.csv, analysis.json, rejected.csv (when rows were
/// rejected), and `charts/` with one PNG per chart plus all charts in one PDF.
///
///     let files = try ReportBundle(analysis: analysis, rejected: [], chartStyle: ChartStyle()).files()
///     try ReportFolder(parent: outputURL, name: analysis.asOf.description).publish(files)
public struct ReportBundle: Sendable {
    public let analysis: CohortAnalysis
    public let rejected: [RejectedRow]
    public let chartStyle: ChartStyle
    /// The charts to draw (all by default).
    public var charts: [ChartKind] = ChartKind.allCases

    public init(analysis: CohortAnalysis, rejected: [RejectedRow], chartStyle: ChartStyle) {
        self.analysis = analysis
        self.rejected = rejected
        self.chartStyle = chartStyle
    }

    /// File path inside the report folder → contents.
    public func files() throws -> [String: Data] {
        let renderer = ChartRenderer(analysis: analysis, style: chartStyle)
        var files: [String: Data] = [:]
        var links: [ChartKind: String] = [:]
        for kind in charts {
            let path = "charts/\(kind.fileName).png"
            files[path] = try renderer.render(kind, as: .png)
            links[kind] = path
        }
        if !charts.isEmpty {
            files["charts/charts.pdf"] = try renderer.renderPDF(charts, title: "Cohort report \(analysis.asOf)")
        }
        files["report.md"] = Data(MarkdownReport(analysis: analysis, rejected: rejected, charts: links).render().utf8)
        files["cohorts.csv"] = Data(MatrixCSV.render(analysis).utf8)
        files["kpis.csv"] = Data(KPICSV.render(analysis).utf8)
        files["analysis.json"] = try AnalysisJSON.encode(analysis)
        if !rejected.isEmpty { files["rejected.csv"] = Data(RejectedCSV.render(rejected).utf8) }
        return files
    }
}
