import ArgumentParser
import CohortCore
import CohortJob
import CohortReports
import Foundation

struct MRRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mrr",
        abstract: "Print MRR movements, ARR and renewal rates by month from contract lists.",
        discussion: """
        Reads contracts (customer, start, end, MRR; CSV or .xlsx, English or German column names). MRR is read at
        each month's end (the as-of month at the as-of date); a contract is renewed when the customer's next
        contract starts no later than --grace-days after its end. See docs/METRICS.md.

        Examples:
          cohort mrr examples/contracts.csv
          cohort mrr contracts.xlsx --format csv > mrr.csv
          cohort mrr vertraege.csv --as-of 2026-09-30 --grace-days 45
        """)

    @Argument(help: ArgumentHelp("Contract files: CSV or Excel .xlsx; patterns such as 'exports/*.csv' are expanded.", valueName: "contracts.csv"))
    var files: [String] = []

    @Option(help: ArgumentHelp("Last date covered, YYYY-MM-DD (default: the latest contract start).", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("Column with the customer id (default: detected, e.g. customer_id, Kundennummer).", valueName: "name"))
    var customerColumn: String?

    @OptionGroup var columns: SubscriptionColumnFlags

    @Flag(help: "Fail when any row cannot be read (default: skip it and report it).")
    var strict = false

    @Option(help: ArgumentHelp("Fail when more than this percentage of rows cannot be read (default: 1).", valueName: "percent"))
    var maxRejected: Double?

    @OptionGroup var progress: ProgressOptions
    @OptionGroup var locale: LocaleOption
    @OptionGroup var export: ExportOptions

    @Option(help: "table, csv (every column) or json.")
    var format: OutputFormat = .table

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Name at least one contracts file.") }
        if format == .xlsx { throw ValidationError("cohort mrr has no workbook: use --format table, csv or json.") }
        if let asOf, Settings.date(asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date like 2026-10-31.") }
        if let maxRejected, Settings.percentage("\(maxRejected)") == nil { throw ValidationError("--max-rejected takes a percentage from 0 to 100.") }
    }

    func run() throws {
        var options = JobOptions.fromEnvironment()
        options.subscriptions.contracts = files
        options.read.mapping.customer = customerColumn
        options.analysis.asOf = asOf.flatMap(Settings.date)
        options.strict = strict
        options.maxRejectedPercent = maxRejected ?? options.maxRejectedPercent
        columns.apply(to: &options)
        locale.apply(to: &options)
        try CommandRun(language: options.look.language, quiet: progress.quiet) { events in
            let view = try ReportJob(options: options, events: events).contractView()
            switch format {
            case .table, .xlsx: try export.deliver(MRRTable.render(view, words: options.look.language.words)) // xlsx is refused in validate()
            case .csv: try export.deliver(MRRCSV.render(view, dialect: export.dialect(locale: locale.locale)))
            case .json: try export.deliver(try AnalysisJSON.encode(view))
            }
        }
    }
}
