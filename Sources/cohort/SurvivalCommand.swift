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
    @Option(help: "table (in the terminal), csv or json.")
    var format: OutputFormat = .table

    func run() throws {
        var options = JobOptions.fromEnvironment()
        input.apply(to: &options)
        segments.apply(to: &options)
        analysis.apply(to: &options)
        try options.requireInputs()
        if try input.explainIfAsked(options, collectsPurchases: false) { return }
        try CommandRun(language: options.look.language, quiet: progress.quiet) { events in
            var timings = JobTimings()
            let result = try ReportJob(options: options, events: events).analyse(timings: &timings)
            switch format {
            case .table: Terminal.write(SegmentedExport.tables(result, SurvivalTable.render))
            case .csv: Terminal.write(SegmentedExport.csv(result, SurvivalCSV.render))
            case .json:
                Terminal.write(try AnalysisJSON.encode(SurvivalExport(asOf: result.asOf, options: result.options,
                                                                      survival: result.survival ?? [],
                                                                      segments: SegmentedExport.segments(of: result).map {
                                                                          SegmentSurvival(segment: $0.label, customers: $0.segment.customers,
                                                                                          survival: $0.segment.analysis.survival ?? [])
                                                                      })))
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
