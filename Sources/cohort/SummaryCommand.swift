import ArgumentParser
import CohortCore
import CohortJob
import CohortReports
import Foundation

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Print the written summary and the headline figures: what changed, against what, and why.",
        discussion: """
        The sentences a report opens with (churn window, customers, churn, revenue and what moved it, \
        revenue retention), then the headline figures with their changes and targets.

        Examples:
          cohort summary orders.csv
          cohort summary orders.csv --locale de --target customers_kept=0.95
          cohort summary orders.csv --format json > summary.json
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var progress: ProgressOptions
    @OptionGroup var look: LookOptions

    @Option(help: "text (the terminal) or json.")
    var format: SummaryFormat = .text

    @Option(help: ArgumentHelp("A target, e.g. customers_kept=0.95 or nrr=1.0 (repeatable).", valueName: "key=value"))
    var target: [String] = []

    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
        for pair in target { _ = try TargetArgument.parse(pair) }
    }

    func run() throws {
        var options = JobOptions.fromEnvironment()
        input.apply(to: &options)
        analysis.apply(to: &options)
        look.apply(to: &options)
        for (key, value) in target.compactMap({ try? TargetArgument.parse($0) }) { options.look.setTarget(key, value) }
        try options.requireInputs()
        try CommandRun(language: options.look.language, quiet: progress.quiet) { events in
            let job = ReportJob(options: options, events: events)
            var timings = JobTimings()
            let result = try job.analyse(timings: &timings)
            let settings = job.settings(for: result)
            switch format {
            case .text: Terminal.write(SummaryExport.text(result, settings: settings))
            case .json: Terminal.write(try SummaryExport.json(result, settings: settings))
            }
        }
    }
}
