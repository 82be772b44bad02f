import ArgumentParser
import CohortCore
import CohortJob
import CohortReports
import CohortVocabulary
import Foundation

struct CustomersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers",
        abstract: "List the customers to act on: at risk, lost, won back, new or active, with P(alive) and predicted CLV.",
        discussion: """
        Each customer's status at the as-of date (docs/METRICS.md, "Customers to act on"): new, won back, \
        at risk (live, but overdue: more than 1.5 times its usual gap since the last order), active, or \
        lost; with its revenue, the revenue at stake, and what the BG/NBD and Gamma-Gamma models expect. \
        At-risk customers are ranked by revenue at stake, lost ones by lifetime revenue, others by revenue \
        over the last 12 months.

        Examples:
          cohort customers orders.csv                 # the 20 at risk with most at stake
          cohort customers orders.csv --list lost --top 50
          cohort customers orders.csv --format csv > customers.csv   # everyone, for a CRM import
          cohort customers orders.csv --list at-risk --format xlsx --out at-risk.xlsx
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var segments: SegmentOptions
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var progress: ProgressOptions
    @OptionGroup var look: LookOptions

    @Option(help: "at-risk, lost, won-back, new, active or all (default: all for csv, at-risk otherwise).")
    var list: CustomerList?

    @Option(help: ArgumentHelp("Only the first N customers of the list (default: 20 in a table, all otherwise).", valueName: "N"))
    var top: Int?

    @Option(help: "table (the terminal), csv, json or xlsx.")
    var format: OutputFormat = .table

    @OptionGroup var export: ExportOptions

    enum CustomerList: String, ExpressibleByArgument, CaseIterable {
        case atRisk = "at-risk", lost, wonBack = "won-back", new, active, all
    }

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be 1 or more.") }
    }

    func run() throws {
        var options = JobOptions.fromEnvironment()
        input.apply(to: &options)
        segments.apply(to: &options)
        analysis.apply(to: &options)
        look.apply(to: &options)
        try options.requireInputs()
        try export.refuseBinaryOnTerminal(format)
        if try input.explainIfAsked(options, collectsPurchases: true) { return }
        let words = options.look.language.words
        try CommandRun(language: options.look.language, quiet: progress.quiet) { events in
            let job = ReportJob(options: options, events: events)
            let (analysis, records) = try job.customerRecords()
            let chosen = list ?? (format == .csv || format == .xlsx ? .all : .atRisk)
            let ranked = records.ranked(status: chosen.status, by: chosen.rankingKey)
            let shown = ranked.prefix(top ?? (format == .table ? 20 : ranked.count))
            switch format {
            case .csv:
                // Made as it is written: the list of every customer of millions never sits in memory as text.
                let names = analysis.segments?.map(\.name) ?? [], dialect = export.dialect(locale: look.locale)
                try export.deliver(StreamedFile { sink in CustomerCSV.write(shown, segmentNames: names, dialect: dialect, to: sink) })
            case .json: try export.deliver(try AnalysisJSON.encode(Array(shown)))
            case .table where shown.isEmpty: try export.deliver(Self.emptyList(chosen, words.customerWords()) + "\n")
            case .table: try export.deliver(CustomerTableText.render(Array(shown), words: words, currency: options.look.currency))
            case .xlsx:
                try export.deliver(ReportWorkbook(analysis: analysis, settings: job.settings(for: analysis)).customersWorkbook(Array(shown)),
                                   words: words)
            }
        }
    }

    static func emptyList(_ list: CustomerList, _ labels: CustomerWords) -> String {
        switch list {
        case .atRisk: return labels.noneAtRisk
        case .lost: return labels.noneLost
        case .wonBack: return labels.noneWonBack
        case .new, .active, .all: return labels.noneInList
        }
    }
}

extension CustomersCommand.CustomerList {
    /// The status the list holds; nil: everyone.
    var status: CustomerStatus? {
        switch self {
        case .atRisk: .atRisk
        case .lost: .lost
        case .wonBack: .wonBack
        case .new: .new
        case .active: .active
        case .all: nil
        }
    }

    /// At risk by revenue at stake, lost by lifetime revenue, the rest (and everyone) by revenue over 12 months; then by id.
    var rankingKey: CustomerRecords.RankingKey {
        switch self {
        case .atRisk: .revenueAtStake
        case .lost: .revenueLifetime
        default: .revenue12m
        }
    }
}

struct ClvCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clv",
        abstract: "Fit the BG/NBD and Gamma-Gamma models and print the fit, for judging the predicted CLV.",
        discussion: """
        BG/NBD (Fader, Hardie & Lee 2005) for how many purchases each customer will make and whether \
        it is still alive, Gamma-Gamma for their value, both by maximum likelihood on every customer's \
        purchase days up to the as-of date (docs/METRICS.md, "Predictive CLV").

        Examples:
          cohort clv orders.csv
          cohort clv orders.csv --format csv      # model,parameter,value
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var progress: ProgressOptions
    @OptionGroup var look: LookOptions

    @Option(help: "table (the terminal), csv or json.")
    var format: OutputFormat = .table

    @OptionGroup var export: ExportOptions

    func run() throws {
        var options = JobOptions.fromEnvironment()
        input.apply(to: &options)
        analysis.apply(to: &options)
        look.apply(to: &options)
        options.analysis.customerLists = .none
        try options.requireInputs()
        guard format != .xlsx else {
            Terminal.error("cohort clv has no workbook: use --format table, csv or json")
            throw ExitCode(2)
        }
        if try input.explainIfAsked(options, collectsPurchases: true) { return }
        let language = options.look.language
        try CommandRun(language: language, quiet: progress.quiet) { events in
            var timings = JobTimings()
            let result = try ReportJob(options: options, events: events).analyse(includesCustomers: true, timings: &timings)
            guard let customers = result.customers, let prediction = customers.prediction else {
                Terminal.error(language.words.predictionSentence(customers: result.dataQuality.customersAnalyzed, total: nil, perCustomer: nil,
                                                                 observedFirstYear: nil, problem: result.customers?.predictionProblem ?? .unfit))
                throw ExitCode(2)
            }
            for warning in prediction.warnings { Terminal.warn(language.words.describe(warning)) }
            switch format {
            case .csv: try export.deliver(ModelCSV.render(prediction, dialect: export.dialect(locale: look.locale)))
            case .json: try export.deliver(try AnalysisJSON.encode(prediction))
            case .table, .xlsx: try export.deliver(ModelCSV.table(prediction))
            }
        }
    }
}
