import ArgumentParser
import CohortCharts
import CohortCore
import CohortReports
import Foundation


struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the report into OUT/<as-of>/: HTML, Markdown, PDF, charts, CSV and JSON.",
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
    @OptionGroup var progress: ProgressOptions
    @OptionGroup var look: ChartOptions
    @Option(help: ArgumentHelp("Folder that receives the report folder.", valueName: "dir"))
    var out: String = "output"

    @Flag(help: "Print how long reading, analysing, drawing charts and writing took.")
    var timings = false

    @Option(help: ArgumentHelp("Folder with your own report.html.mustache / report.md.mustache / index.html.mustache.", valueName: "dir"))
    var templates: String?

    @Option(help: "Company name for the report header.")
    var company: String?

    @Option(help: ArgumentHelp("A YAML file with these settings (see 'cohort init'); flags given here win.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("Also publish into this shared folder as <dir>/<period>/ and update <dir>/index.html.", valueName: "dir"))
    var publish: String?

    @Option(help: ArgumentHelp("With --publish: keep only the newest N periods.", valueName: "N"))
    var keep: Int?

    @Option(help: ArgumentHelp("A KPI target, e.g. churn_rate=0.05 or crr_12=0.85 (repeatable).", valueName: "kpi=value"))
    var target: [String] = []

    @Option(help: ArgumentHelp("Logo for the report header (PNG or SVG).", valueName: "file"))
    var logo: String?

    func validate() throws {
        if let keep, keep < 1 { throw ValidationError("--keep must be 1 or more.") }
        _ = try targets()
    }

    func run() throws {
        if let config {
            // The configuration stands for flags; those given on the command line come later and win.
            var expanded = try Self.parse(try Self.arguments(from: config))
            expanded.config = nil
            return try expanded.run()
        }
        let stopwatch = Stopwatch()
        let (result, read) = try analyse(input, analysis, quiet: progress.quiet, currency: look.currency, stopwatch: stopwatch)
        let folder = try failingCleanly {
            let style = look.style(source: input.files)
            let settings = ReportSettings(locale: style.locale, currency: style.currency,
                                          targets: try targets(default: style.retentionTarget),
                                          company: company, logo: try logo.map(Self.readLogo),
                                          generatedAt: ReportSettings.generationTime(), sources: input.files)
            let bundle = ReportBundle(analysis: result, rejected: read.rejected, settings: settings, chartStyle: style,
                                      templates: try ReportTemplates(overrides: templates.map { URL(fileURLWithPath: $0) }))
            let drawn = try bundle.drawCharts()
            let charts = drawn.files
            stopwatch.lap("\(bundle.charts.count) charts (PNG, SVG, PDF)")
            let documents = try bundle.documentFiles(svgs: drawn.svgs)
            stopwatch.lap("report.html, report.md, CSV, JSON")
            let files = charts.merging(documents, uniquingKeysWith: { chart, _ in chart })
            let folder = try ReportFolder(parent: URL(fileURLWithPath: out), name: result.asOf.description).publish(files)
            if let publish {
                let period = (result.lastCompleteKPIs ?? result.kpis[result.kpis.count - 1]).label
                let published = try Publisher(folder: URL(fileURLWithPath: publish), templates: bundle.templates, settings: settings)
                    .publish(files, period: period, keep: keep)
                Terminal.note("Published to \(published.path)/")
            }
            stopwatch.lap("write")
            return folder
        }
        if timings { Terminal.note(stopwatch.summary) }
        let headline = result.lastCompleteKPIs ?? result.kpis[result.kpis.count - 1]
        Terminal.note("Report for \(headline.label) written to \(folder.relativePath)/ (\(result.cohorts.count) cohorts, "
            + "\(result.dataQuality.customersAnalyzed) customers, as of \(result.asOf))")
    }

    /// `--target kpi=value` pairs; the CRR-12 target defaults to `--retention-target`.
    func targets(default crr12: Double = 0.85) throws -> KPITargets {
        var values: [HeadlineKPI: Double] = [.customerRetentionRate12: crr12]
        for pair in target {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let kpi = HeadlineKPI(rawValue: parts[0]), let value = Double(parts[1]) else {
                let keys = HeadlineKPI.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("--target '\(pair)' is not KPI=VALUE with a KPI among \(keys)")
            }
            values[kpi] = value
        }
        return KPITargets(values)
    }

    /// The command line with `--config FILE` replaced by the flags the file stands for.
    static func arguments(from config: String) throws -> [String] {
        let configuration = try ReportConfiguration.load(config)
        let folder = URL(fileURLWithPath: config).deletingLastPathComponent()
        let fromFile = configuration.arguments(relativeTo: folder)
        var given = Array(CommandLine.arguments.dropFirst(2)) // "cohort report"
        if let index = given.firstIndex(of: "--config") {
            given.removeSubrange(index ... min(index + 1, given.count - 1))
        }
        given.removeAll { $0.hasPrefix("--config=") }
        // Files named on the command line replace the configuration's.
        let parsedGiven = try? Self.parse(given)
        let files = (parsedGiven?.input.files.isEmpty ?? true) ? fromFile.files : []
        return fromFile.options + given + files
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
