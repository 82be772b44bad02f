import CohortCharts
import CohortCore
import CohortVocabulary
import Foundation

/// Every file of one report folder, built in memory from the analysis:
/// report.html (self-contained), report.md, report.pdf (A4 management report), cohorts.csv, kpis.csv, survival.csv, analysis.json,
/// rejected.csv (when rows were rejected), a logo when configured, and `charts/`
/// with one PNG per chart plus all charts in one PDF.
///
///     let files = try ReportBundle(analysis: analysis, settings: ReportSettings(),
///                                  chartStyle: ChartStyle(), templates: ReportTemplates()).files()
///     try ReportFolder(parent: outputURL, name: analysis.asOf.description).publish(files)
public struct ReportBundle: Sendable {
    public let analysis: CohortAnalysis
    public let settings: ReportSettings
    public let chartStyle: ChartStyle
    public let templates: ReportTemplates
    /// The charts to draw (all by default).
    public var charts: [ChartKind] = ChartKind.allCases
    /// Files made elsewhere that belong in the folder as they are (the full customer lists, at-risk.csv and lost.csv).
    public var attachments: [String: Data] = [:]

    public init(analysis: CohortAnalysis, settings: ReportSettings, chartStyle: ChartStyle,
                templates: ReportTemplates) {
        self.analysis = analysis
        self.settings = settings
        self.chartStyle = chartStyle
        self.templates = templates
        charts = ChartKind.allCases.filter { $0.isDrawn(for: analysis) }
    }

    /// File path inside the report folder → contents.
    public func files() throws -> [String: Data] {
        let drawn = try drawCharts()
        return drawn.files.merging(try documentFiles(svgs: drawn.svgs), uniquingKeysWith: { chart, _ in chart })
    }

    /// The chart files (`charts/<chart>.png`, `charts/charts.pdf`) and each chart's inline SVG for the HTML report.
    public func drawCharts() throws -> (files: [String: Data], svgs: [ChartKind: String]) {
        let renderer = ChartRenderer(analysis: analysis, style: chartStyle)
        var files: [String: Data] = [:]
        for (kind, png) in try renderer.render(charts, as: .png) { files[Self.pngPath(kind)] = png }
        if !charts.isEmpty {
            let title = settings.language.words.reportLabels(analysis.options.period).reportTitle
            files["charts/charts.pdf"] = try renderer.renderPDF(charts, title: "\(title) \(analysis.asOf)")
        }
        let svgs = try renderer.render(charts, as: .svg).mapValues { ($0) }
        return (files, Dictionary(uniqueKeysWithValues: svgs.map { kind, svg in
            (kind, ChartRenderer.inline(svg, idPrefix: "\(kind.fileName)-"))
        }))
    }

    /// report.html, report.md, report.pdf, the logo, cohorts.csv, kpis.csv, survival.csv, analysis.json, rejected.csv and the attachments.
    public func documentFiles(svgs: [ChartKind: String]) throws -> [String: Data] {
        let html = model(.html, svgs: svgs)
        let markdown = model(.markdown, svgs: [:])
        var files: [String: Data] = [:]
        files["report.html"] = Data(try templates.render(html, as: .html).utf8)
        files["report.md"] = Data(try templates.render(markdown, as: .markdown).utf8)
        files["report.pdf"] = try pdf(html).render()
        if let logo = settings.logo { files[logo.fileName] = logo.data }
        files["cohorts.csv"] = Data(MatrixCSV.render(analysis).utf8)
        files["kpis.csv"] = Data(KPICSV.render(analysis).utf8)
        if analysis.survival != nil { files["survival.csv"] = Data(SurvivalCSV.render(analysis).utf8) }
        files["analysis.json"] = try AnalysisJSON.encode(analysis)
        files.merge(SubscriptionExports.files(analysis), uniquingKeysWith: { made, _ in made })
        files.merge(attachments, uniquingKeysWith: { made, _ in made })
        let rejected = analysis.input.rejected
        if !rejected.isEmpty { files["rejected.csv"] = Data(RejectedCSV.render(rejected).utf8) }
        return files
    }

    /// The report's model for one output format, with each chart's title, alternative text, PNG path
    /// and (HTML) inline SVG.
    func model(_ format: ReportModel.Format, svgs: [ChartKind: String]) -> ReportModel {
        let text = ReportText(language: settings.language, currency: settings.currency, kind: analysis.options.period)
        let references = Dictionary(uniqueKeysWithValues: charts.map { kind in
            (kind, ChartReference(title: text.chartTitle(kind), description: text.chartDescription(kind, analysis),
                                  png: Self.pngPath(kind), svg: svgs[kind] ?? ""))
        })
        return ReportModel(analysis: analysis, settings: settings, charts: references, format: format)
    }

    /// report.pdf from the report's model.
    func pdf(_ model: ReportModel) -> ReportPDF {
        ReportPDF(model: model, analysis: analysis, style: chartStyle,
                  logoPNG: settings.logo.flatMap { $0.kind == .png ? [UInt8]($0.data) : nil }, // Cairo draws PNG logos only
                  createdAt: settings.generatedAt)
    }

    static func pngPath(_ kind: ChartKind) -> String { "charts/\(kind.fileName).png" }
}
