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
          cohort matrix orders.csv --format xlsx --locale de --out kohorten.xlsx   # the triangles, wide
          cohort matrix orders.csv --period quarter --as-of 2026-09-30 --format json
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var segments: SegmentOptions
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var progress: ProgressOptions
    @OptionGroup var locale: LocaleOption
    @OptionGroup var export: ExportOptions
    @Option(help: "table (retention in the terminal), csv (tidy, every metric), json or xlsx (one sheet per triangle).")
    var format: OutputFormat = .table
    @Flag(help: "Print how long reading, analysing and writing took.")
    var timings = false

    func run() throws {
        var options = JobOptions.fromEnvironment()
        input.apply(to: &options)
        segments.apply(to: &options)
        analysis.apply(to: &options)
        locale.apply(to: &options)
        try options.requireInputs()
        try export.refuseBinaryOnTerminal(format)
        if try input.explainIfAsked(options, collectsPurchases: false) { return }
        try CommandRun(language: options.look.language, quiet: progress.quiet) { events in
            var stopwatch = JobTimings()
            // The matrices only: `matrix` shows no KPIs.
            let job = ReportJob(options: options, events: events)
            let result = try job.analyse(includesKPIs: false, timings: &stopwatch)
            switch format {
            case .table: try export.deliver(SegmentedExport.tables(result) { MatrixTable.render($0, words: options.look.language.words) })
            case .csv: try export.deliver(SegmentedExport.csv(result, dialect: export.dialect(locale: locale.locale), MatrixCSV.render))
            case .json:
                try export.deliver(try AnalysisJSON.encode(MatrixExport(asOf: result.asOf, period: result.options.period,
                                                                        periods: result.periods, cohorts: result.cohorts,
                                                                        averages: result.averages,
                                                                        segments: SegmentedExport.segments(of: result).map {
                                                                            SegmentMatrix(segment: $0.label, customers: $0.segment.customers,
                                                                                          cohorts: $0.segment.analysis.cohorts,
                                                                                          averages: $0.segment.analysis.averages)
                                                                        })))
            case .xlsx:
                try export.deliver(ReportWorkbook(analysis: result, settings: job.settings(for: result)).matrixWorkbook(),
                                   words: options.look.language.words)
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
