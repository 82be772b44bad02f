import ArgumentParser
import CohortCore
import CohortJob
import CohortReports

struct SurvivalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survival",
        abstract: "Print the Kaplan–Meier retention curve: the share of customers still live by age, with a 95% band.",
        discussion: """
        A customer is live while it bought within the churn window; the curve follows customers \
        from their acquisition to their first churn, and counts a cohort too young to tell as censored \
        (METRICS.md, "Kaplan–Meier retention curve").

        Examples:
          cohort survival orders.csv
          cohort survival orders.csv --churn-window 3 --format csv > survival.csv
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var segments: SegmentOptions
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var progress: ProgressOptions
    @OptionGroup var locale: LocaleOption
    @OptionGroup var export: ExportOptions
    @Option(help: "table (in the terminal), csv, json or xlsx.")
    var format: OutputFormat = .table

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
            var timings = JobTimings()
            let job = ReportJob(options: options, events: events)
            let result = try job.analyse(timings: &timings)
            switch format {
            case .table: try export.deliver(SegmentedExport.tables(result) { SurvivalTable.render($0, words: options.look.language.words) })
            case .csv: try export.deliver(SegmentedExport.csv(result, dialect: export.dialect(locale: locale.locale), SurvivalCSV.render))
            case .json:
                try export.deliver(try AnalysisJSON.encode(SurvivalExport(asOf: result.asOf, options: result.options,
                                                                          survival: result.survival ?? [],
                                                                          segments: SegmentedExport.segments(of: result).map {
                                                                              SegmentSurvival(segment: $0.label, customers: $0.segment.customers,
                                                                                              survival: $0.segment.analysis.survival ?? [])
                                                                          })))
            case .xlsx:
                try export.deliver(ReportWorkbook(analysis: result, settings: job.settings(for: result)).survivalWorkbook(),
                                   words: options.look.language.words)
            }
        }
    }

    private struct SurvivalExport: Encodable {
        var asOf: CivilDate
        var options: AnalysisOptions
        var survival: [SurvivalPoint]
        /// With --segment-by: each segment's curve (the label as in CSV).
        var segments: [SegmentSurvival]
    }

    private struct SegmentSurvival: Encodable {
        var segment: String
        var customers: Int
        var survival: [SurvivalPoint]
    }
}
