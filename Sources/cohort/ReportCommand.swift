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

    func run() throws {
        let stopwatch = Stopwatch()
        let (result, read) = try analyse(input, analysis, stopwatch: stopwatch)
        let folder = try failingCleanly {
            let bundle = ReportBundle(analysis: result, rejected: read.rejected, chartStyle: look.style(source: input.files))
            let charts = try bundle.chartFiles()
            stopwatch.lap("\(bundle.charts.count) charts (PNG + PDF)")
            let documents = try bundle.documentFiles()
            stopwatch.lap("report.md, CSV, JSON")
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
}
