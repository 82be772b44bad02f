import ArgumentParser
import CohortCore
import CohortJob
import CohortReports

struct MatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Print the cohort matrix (retention, revenue, GRR, LTV per cohort and age).",
        discussion: """
        Examples:
          cohort matrix orders.csv
          cohort matrix orders.csv --format csv > cohorts.csv
          cohort matrix orders.csv --period quarter --as-of 2026-09-30 --format json
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var segments: SegmentOptions
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var progress: ProgressOptions
    @Option(help: "table (retention in the terminal), csv (tidy, every metric) or json.")
    var format: OutputFormat = .table
    @Flag(help: "Print how long reading, analysing and writing took.")
    var timings = false

    func run() throws {
        var options = JobOptions.fromEnvironment()
        input.apply(to: &options)
        segments.apply(to: &options)
        analysis.apply(to: &options)
        try options.requireInputs()
        if try input.explainIfAsked(options, collectsPurchases: false) { return }
        try CommandRun(language: options.look.language, quiet: progress.quiet) { events in
            var stopwatch = JobTimings()
            // The matrices only: `matrix` shows no KPIs.
            let result = try ReportJob(options: options, events: events).analyse(includesKPIs: false, timings: &stopwatch)
            switch format {
            case .table: Terminal.write(SegmentedExport.tables(result, MatrixTable.render))
            case .csv: Terminal.write(SegmentedExport.csv(result, MatrixCSV.render))
            case .json:
                Terminal.write(try AnalysisJSON.encode(MatrixExport(asOf: result.asOf, period: result.options.period,
                                                                    periods: result.periods, cohorts: result.cohorts,
                                                                    averages: result.averages,
                                                                    segments: SegmentedExport.segments(of: result).map {
                                                                        SegmentMatrix(segment: $0.label, customers: $0.segment.customers,
                                                                                      cohorts: $0.segment.analysis.cohorts,
                                                                                      averages: $0.segment.analysis.averages)
                                                                    })))
            }
            if timings {
                stopwatch.lap(.write)
                Terminal.note(stopwatch.summary)
            }
        }
    }

    private struct MatrixExport: Encodable {
        var asOf: CivilDate
        var period: PeriodKind
        var periods: [PeriodInfo]
        var cohorts: [CohortRow]
        var averages: [AgeAverage]
        /// With --segment-by: each segment's matrix (the label as in CSV).
        var segments: [SegmentMatrix]
    }

    private struct SegmentMatrix: Encodable {
        var segment: String
        var customers: Int
        var cohorts: [CohortRow]
        var averages: [AgeAverage]
    }
}
