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
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var progress: ProgressOptions
    @Option(help: "table (in the terminal), csv or json.")
    var format: OutputFormat = .table

    func run() throws {
        var options = JobOptions.fromEnvironment()
        input.apply(to: &options)
        analysis.apply(to: &options)
        try options.requireInputs()
        if try input.explainIfAsked(options, collectsPurchases: false) { return }
        try CommandRun(language: options.look.language, quiet: progress.quiet) { events in
            var timings = JobTimings()
            let result = try ReportJob(options: options, events: events).analyse(timings: &timings)
            switch format {
            case .table: Terminal.write(SurvivalTable.render(result))
            case .csv: Terminal.write(SurvivalCSV.render(result))
            case .json:
                Terminal.write(try AnalysisJSON.encode(SurvivalExport(asOf: result.asOf, options: result.options,
                                                                      survival: result.survival ?? [])))
            }
        }
    }

    private struct SurvivalExport: Encodable {
        var asOf: CivilDate
        var options: AnalysisOptions
        var survival: [SurvivalPoint]
    }
}
