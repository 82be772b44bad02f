import ArgumentParser
import CohortCore
import CohortJob
import CohortReports
import CohortVocabulary
import Foundation

struct NPSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nps",
        abstract: "Print the NPS by period or cohort, and churn after the answer by promoters, passives and detractors.",
        discussion: """
        Reads survey answers (customer, date, score 0–10) and the orders (or contracts) that tell who stayed.
        --by group follows each customer for a year after its latest answer and gives the share that churned,
        with a 95 % interval (Wilson), per NPS group. See docs/METRICS.md, "Satisfaction".

        Examples:
          cohort nps examples/nps.csv --orders examples/orders.csv
          cohort nps examples/nps.csv --orders examples/orders.csv --by group
          cohort nps answers.xlsx --contracts contracts.csv --by cohort --format csv
        """)

    enum Grouping: String, ExpressibleByArgument, CaseIterable {
        case period, cohort, group
    }

    @Argument(help: ArgumentHelp("Survey answer files: CSV or Excel .xlsx with customer id, date and score.", valueName: "answers.csv"))
    var files: [String] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Order files the answers are read against.", valueName: "orders.csv"))
    var orders: [String] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Or contract files, when there are no orders.", valueName: "contracts.csv"))
    var contracts: [String] = []

    @Option(help: "period (default), cohort, or group: churn after the answer by promoters, passives and detractors.")
    var by: Grouping = .period

    @Flag(help: "Fail when any row cannot be read (default: skip it and report it).")
    var strict = false

    @Option(help: ArgumentHelp("Fail when more than this percentage of rows cannot be read (default: 1).", valueName: "percent"))
    var maxRejected: Double?

    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var columns: SubscriptionColumnFlags
    @OptionGroup var progress: ProgressOptions
    @OptionGroup var locale: LocaleOption
    @OptionGroup var export: ExportOptions

    @Option(help: "table, csv or json.")
    var format: OutputFormat = .table

    func validate() throws {
        if format == .xlsx { throw ValidationError("cohort nps has no workbook: use --format table, csv or json.") }
        guard !files.isEmpty else { throw ValidationError("Name at least one survey answers file.") }
        if let maxRejected, Settings.percentage("\(maxRejected)") == nil { throw ValidationError("--max-rejected takes a percentage from 0 to 100.") }
        guard !orders.isEmpty || !contracts.isEmpty else { throw ValidationError("Name the orders (--orders FILE) or contracts (--contracts FILE) the answers are read against.") }
    }

    func run() throws {
        var options = JobOptions.fromEnvironment()
        options.inputs = orders
        options.subscriptions.contracts = contracts
        options.subscriptions.answers = files
        options.strict = strict
        options.maxRejectedPercent = maxRejected ?? options.maxRejectedPercent
        analysis.apply(to: &options)
        columns.apply(to: &options)
        locale.apply(to: &options)
        try CommandRun(language: options.look.language, quiet: progress.quiet) { events in
            let result = try ReportJob(options: options, events: events).analyseWithSubscriptions()
            guard let satisfaction = result.satisfaction else { return }
            let words = options.look.language.words
            switch (format, by) {
            case (.table, .group): try export.deliver(NPSTable.byGroup(satisfaction, finding: satisfaction.findingSentence(result.options.period, words: words),
                                                                   words: words))
            case (.table, _), (.xlsx, _): try export.deliver(NPSTable.byPeriod(satisfaction, cohorts: by == .cohort, words: words)) // xlsx: refused in validate()
            case (.csv, .period): try export.deliver(NPSCSV.byPeriod(satisfaction, dialect: export.dialect(locale: locale.locale)))
            case (.csv, .cohort): try export.deliver(NPSCSV.byCohort(satisfaction, dialect: export.dialect(locale: locale.locale)))
            case (.csv, .group): try export.deliver(NPSCSV.byGroup(satisfaction, dialect: export.dialect(locale: locale.locale)))
            case (.json, _): try export.deliver(try AnalysisJSON.encode(satisfaction))
            }
        }
    }
}
