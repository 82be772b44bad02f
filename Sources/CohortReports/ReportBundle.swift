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
        try chartFiles().merging(documentFiles(), uniquingKeysWith: { chart, _ in chart })
    }

    /// `charts/<chart>.png` for each chart, and `charts/charts.pdf` with all of them.
    public func chartFiles() throws -> [String: Data] {
        let renderer = ChartRenderer(analysis: analysis, style: chartStyle)
        var files: [String: Data] = [:]
        for (kind, png) in try renderer.render(charts, as: .png) { files[chartPath(kind)] = png }
        if !charts.isEmpty {
            files["charts/charts.pdf"] = try renderer.renderPDF(charts, title: "Cohort report \(analysis.asOf)")
        }
        return files
    }

    /// report.md (linking the charts), cohorts.csv, kpis.csv, analysis.json and rejected.csv.
    public func documentFiles() throws -> [String: Data] {
        let links = Dictionary(uniqueKeysWithValues: charts.map { ($0, chartPath($0)) })
        var files: [String: Data] = [:]
        files["report.md"] = Data(MarkdownReport(analysis: analysis, rejected: rejected, charts: links).render().utf8)
        files["cohorts.csv"] = Data(MatrixCSV.render(analysis).utf8)
        files["kpis.csv"] = Data(KPICSV.render(analysis).utf8)
        files["analysis.json"] = try AnalysisJSON.encode(analysis)
        if !rejected.isEmpty { files["rejected.csv"] = Data(RejectedCSV.render(rejected).utf8) }
        return files
    }

    private func chartPath(_ kind: ChartKind) -> String { "charts/\(kind.fileName).png" }
}
