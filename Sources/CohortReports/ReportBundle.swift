import CohortCharts
import CohortCore
import CohortVocabulary
import Foundation

/// Every file of one report folder, built in memory from the analysis:
/// report.html (self-contained), report.md, report.pdf (A4 management report), report.eml (the report as a message,
/// with report.pdf attached), report.xlsx (every table as a sheet), cohorts.csv, kpis.csv, survival.csv (in the `csvDialect`), analysis.json,
/// rejected.csv (when rows were rejected), a logo when configured, and `charts/`
/// with one PNG per chart plus all charts in one PDF. The full customer lists (`attachments`) are not among
/// them: they are written beside them as they are made (`ReportFolder.publish(_:streamed:)`).
///
///     let files = try ReportBundle(analysis: analysis, settings: ReportSettings(),
///                                  chartStyle: ChartStyle(), templates: ReportTemplates()).files()
///     try ReportFolder(parent: outputURL, name: analysis.asOf.description).publish(files, streamed: bundle.attachments)
public struct ReportBundle: Sendable {
    public let analysis: CohortAnalysis
    public let settings: ReportSettings
    public let chartStyle: ChartStyle
    public let templates: ReportTemplates
    /// The charts to draw (every report chart by default); the segment charts come once per segment attribute.
    public var charts: [ChartKind] = ChartKind.report
    /// Files made elsewhere that belong in the folder as they are (the full customer lists, at-risk.csv and lost.csv),
    /// made as they are written (`ReportFolder.publish(_:streamed:)`): they are not among `documentFiles`.
    public var attachments: [String: StreamedFile] = [:]
    /// Sender and recipients of report.eml (none: a draft).
    public var mailAddresses = ReportMailAddresses()
    /// How cohorts.csv, kpis.csv, survival.csv and rejected.csv are written; nil: the default of the report's language.
    public var csvDialect: CSVExportDialect?

    public init(analysis: CohortAnalysis, settings: ReportSettings, chartStyle: ChartStyle,
                templates: ReportTemplates) {
        self.analysis = analysis
        self.settings = settings
        self.chartStyle = chartStyle
        self.templates = templates
        charts = ChartKind.report.filter { $0.isDrawn(for: analysis) }
    }

    /// File path inside the report folder → contents, but for the `attachments`.
    public func files() throws -> [String: Data] {
        let drawn = try drawCharts()
        return drawn.files.merging(try documentFiles(svgs: drawn.svgs, segmentSVGs: drawn.segmentSVGs), uniquingKeysWith: { chart, _ in chart })
    }

    /// The segment charts of each attribute (when the analysis has segments).
    private var segmentCharts: [ChartKind] { analysis.segments == nil ? [] : ChartKind.allCases.filter(\.isSegmentChart) }

    /// The chart files (`charts/<chart>.png`, `charts/segment-…-<n>.png`, `charts/charts.pdf`) and each chart's inline SVG
    /// for the HTML report (the segment charts' per attribute).
    public func drawCharts() throws -> (files: [String: Data], svgs: [ChartKind: String], segmentSVGs: [[ChartKind: String]]) {
        let renderer = ChartRenderer(analysis: analysis, style: chartStyle)
        var files: [String: Data] = [:]
        for (kind, png) in try renderer.render(charts, as: .png) { files[Self.pngPath(kind)] = png }
        if !charts.isEmpty {
            let title = settings.language.words.reportLabels(analysis.options.period).reportTitle
            files["charts/charts.pdf"] = try renderer.renderPDF(charts, title: "\(title) \(analysis.asOf)")
        }
        var segmentSVGs: [[ChartKind: String]] = []
        for attribute in (analysis.segments ?? []).indices where !segmentCharts.isEmpty {
            var style = chartStyle
            style.segmentAttribute = attribute
            let segmentRenderer = ChartRenderer(analysis: analysis, style: style)
            for (kind, png) in try segmentRenderer.render(segmentCharts, as: .png) { files[Self.pngPath(kind, attribute: attribute)] = png }
            segmentSVGs.append(try segmentRenderer.inlineSVGs(segmentCharts) { "\($0.fileName)-\(attribute + 1)-" })
        }
        return (files, try renderer.inlineSVGs(charts), segmentSVGs)
    }

    /// report.html, report.md, report.pdf, report.eml, report.xlsx, the logo, cohorts.csv, kpis.csv, survival.csv, analysis.json
    /// and rejected.csv (the attachments are written beside them, as they are made).
    public func documentFiles(svgs: [ChartKind: String], segmentSVGs: [[ChartKind: String]] = []) throws -> [String: Data] {
        let html = model(.html, svgs: svgs, segmentSVGs: segmentSVGs)
        let markdown = model(.markdown, svgs: [:])
        var files: [String: Data] = [:]
        files["report.html"] = Data(try templates.renderHTMLReport(html).utf8)
        files["report.md"] = Data(try templates.render(markdown, as: .markdown).utf8)
        let document = try pdf(html).render()
        files["report.pdf"] = document
        files[ReportMail.fileName] = try mail(html, pdf: document)
        if let logo = settings.logo { files[logo.fileName] = logo.data }
        let dialect = csvDialect ?? .default(for: settings.language)
        files["cohorts.csv"] = Data(MatrixCSV.render(analysis, dialect: dialect).utf8)
        files["kpis.csv"] = Data(KPICSV.render(analysis, dialect: dialect).utf8)
        if analysis.survival != nil { files["survival.csv"] = Data(SurvivalCSV.render(analysis, dialect: dialect).utf8) }
        files["analysis.json"] = try AnalysisJSON.encode(analysis)
        files["report.xlsx"] = try workbook.data()
        files.merge(SubscriptionExports.files(analysis, dialect: dialect), uniquingKeysWith: { made, _ in made })
        let rejected = analysis.input.rejected
        if !rejected.isEmpty { files["rejected.csv"] = Data(RejectedCSV.render(rejected, dialect: dialect).utf8) }
        return files
    }

    /// The report's model for one output format, with each chart's title, alternative text, PNG path
    /// and (HTML) inline SVG.
    func model(_ format: ReportModel.Format, svgs: [ChartKind: String], segmentSVGs: [[ChartKind: String]] = []) -> ReportModel {
        let text = ReportText(language: settings.language, currency: settings.currency, kind: analysis.options.period)
        let references = Dictionary(uniqueKeysWithValues: charts.map { kind in
            (kind, ChartReference(title: text.chartTitle(kind), description: text.chartDescription(kind, analysis),
                                  png: Self.pngPath(kind), svg: svgs[kind] ?? ""))
        })
        let segmentReferences = (analysis.segments ?? []).enumerated().map { index, attribute in
            Dictionary(uniqueKeysWithValues: segmentCharts.map { kind in
                (kind, ChartReference(title: format.escape(text.segmentChartTitle(kind, attribute: attribute)),
                                      description: format.escape(text.segmentSentence(attribute)),
                                      png: Self.pngPath(kind, attribute: index), svg: index < segmentSVGs.count ? segmentSVGs[index][kind] ?? "" : ""))
            })
        }
        return ReportModel(analysis: analysis, settings: settings, charts: references, format: format, segmentCharts: segmentReferences)
    }

    /// report.pdf from the report's model.
    func pdf(_ model: ReportModel) -> ReportPDF {
        ReportPDF(model: model, analysis: analysis, style: chartStyle,
                  logoPNG: settings.logo.flatMap { $0.kind == .png ? [UInt8]($0.data) : nil }, // Cairo draws PNG logos only
                  createdAt: settings.generatedAt)
    }

    static func pngPath(_ kind: ChartKind) -> String { "charts/\(kind.fileName).png" }

    /// A segment chart of attribute `attribute` (counted from 0): `charts/segment-curves-1.png`.
    static func pngPath(_ kind: ChartKind, attribute: Int) -> String { "charts/\(kind.fileName)-\(attribute + 1).png" }
}
