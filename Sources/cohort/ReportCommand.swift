import ArgumentParser
import CohortCharts
import CohortCore
import CohortReports
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the full report into OUT/<as-of>/: report.md with charts, cohorts.csv, kpis.csv, analysis.json.",
        discussion: """
        The folder is built aside and renamed into place in one step, so nobody sees a
        half-written report; a failed run leaves an earlier report of the same date as it was.
        Rows that cannot be read are listed in rejected.csv beside the report. Every chart is
        drawn into charts/ as PNG, and all of them into charts/charts.pdf.

        Examples:
          cohort report examples/orders.csv
          cohort report exports/2026-*.csv --out /srv/intranet/cohorts
          cohort report orders.csv --as-of 2026-09-30 --churn-window 3
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var look: ChartOptions
    @Option(help: ArgumentHelp("Folder that receives the report folder.", valueName: "dir"))
    var out: String = "output"

    @Flag(help: "Print how long reading, analysing, drawing charts and writing took.")
    var timings = false

    @Option(help: ArgumentHelp("Folder with your own report.html.mustache / report.md.mustache / index.html.mustache.", valueName: "dir"))
    var templates: String?

    @Option(help: "Company name for the report header.")
    var company: String?

    @Option(help: ArgumentHelp("Logo for the report header (PNG or SVG).", valueName: "file"))
    var logo: String?

    func run() throws {
        let stopwatch = Stopwatch()
        let (result, read) = try analyse(input, analysis, stopwatch: stopwatch)
        let folder = try failingCleanly {
            let style = look.style(source: input.files)
            let settings = ReportSettings(locale: style.locale, currency: style.currency,
                                          targets: KPITargets([.customerRetentionRate12: style.retentionTarget]),
                                          company: company, logo: try logo.map(Self.readLogo),
                                          generatedAt: ReportSettings.generationTime(), sources: input.files)
            let bundle = ReportBundle(analysis: result, rejected: read.rejected, settings: settings, chartStyle: style,
                                      templates: try ReportTemplates(overrides: templates.map { URL(fileURLWithPath: $0) }))
            let drawn = try bundle.drawCharts()
            let charts = drawn.files
            stopwatch.lap("\(bundle.charts.count) charts (PNG, SVG, PDF)")
            let documents = try bundle.documentFiles(svgs: drawn.svgs)
            stopwatch.lap("report.html, report.md, CSV, JSON")
            let folder = try ReportFolder(parent: URL(fileURLWithPath: out), name: result.asOf.description)
                .publish(charts.merging(documents, uniquingKeysWith: { chart, _ in chart }))
            stopwatch.lap("write")
            return folder
        }
        if timings { Terminal.note(stopwatch.summary) }
        let headline = result.lastCompleteKPIs ?? result.kpis[result.kpis.count - 1]
        Terminal.note("Report for \(headline.label) written to \(folder.relativePath)/ (\(result.cohorts.count) cohorts, "
            + "\(result.dataQuality.customersAnalyzed) customers, as of \(result.asOf))")
    }

    /// A logo file as PNG or SVG, by its extension.
    static func readLogo(_ path: String) throws -> Logo {
        let kind: Logo.Kind
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "png": kind = .png
        case "svg": kind = .svg
        default: throw ValidationError("--logo must be a .png or .svg file, not \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("--logo: cannot read \(path)") }
        return Logo(kind: kind, data: data)
    }
}
