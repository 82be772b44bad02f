import ArgumentParser
import CohortCore
import CohortJob
import CohortReports
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the report into OUT/<as-of>/: HTML, Markdown, PDF, email, charts, CSV and JSON.",
        discussion: """
        The folder is built aside and renamed into place in one step, so nobody sees a \
        half-written report; a failed run leaves an earlier report of the same date as it was. \
        Rows that cannot be read are listed in rejected.csv beside the report. Every chart is \
        drawn into charts/ as PNG, and all of them into charts/charts.pdf. report.xlsx holds \
        every table as a sheet (the triangles wide, with number formats and heat-map colors). \
        A German report writes its CSV files for German Excel (--csv-dialect excel-de).

        report.eml is the report as an email: summary, headline cards, retention \
        heat map, report.pdf attached. With --mail-to, --mail-from and --smtp it \
        is sent once the folder is written, with the password from the variable \
        COHORT_SMTP_PASSWORD; a failed send exits with status 1 and leaves the \
        report in place.

        Examples:
          cohort report examples/orders.csv
          cohort report exports/2026-*.csv --out /srv/intranet/cohorts
          cohort report orders.csv --as-of 2026-09-30 --churn-window 3
          cohort report orders.csv --contracts contracts.csv --nps nps.csv
          cohort report --contracts contracts.xlsx   # no orders: the report runs on MRR
          cohort report --from output/2026-10-31/analysis.json --locale de --out board
          cohort report orders.csv --mail-to board@acme.example \\
            --mail-from reports@acme.example --smtp mail.acme.example:587 \\
            --smtp-starttls --smtp-user reports
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var segments: SegmentOptions
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var progress: ProgressOptions
    @OptionGroup var look: LookOptions
    @OptionGroup var subscriptions: SubscriptionFlags
    @OptionGroup(title: "Email") var mail: MailFlags
    @Option(help: ArgumentHelp("Folder that receives the report folder (default: output).", valueName: "dir"))
    var out: String?

    @Flag(help: "Print how long reading, analysing, drawing charts and writing took.")
    var timings = false

    @Option(help: ArgumentHelp("Folder with your own report.html.mustache / report.md.mustache / index.html.mustache / mail.html.mustache.", valueName: "dir"))
    var templates: String?

    @Option(help: "Company name for the report header.")
    var company: String?

    @Option(help: ArgumentHelp("A YAML file with these settings (see 'cohort init'); flags given here win.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("Render the report from an analysis.json written before, without the orders.", valueName: "file"))
    var from: String?

    @Option(help: ArgumentHelp("Also publish into this shared folder as <dir>/<period>/ and update <dir>/index.html.", valueName: "dir"))
    var publish: String?

    @Option(help: ArgumentHelp("With --publish: keep only the newest N periods.", valueName: "N"))
    var keep: Int?

    @Option(help: ArgumentHelp("A target, e.g. customers_kept=0.95 or nrr=1.0 (repeatable; crr_12 sets the trends chart's line).",
                               valueName: "key=value"))
    var target: [String] = []

    @Option(help: ArgumentHelp("Logo for the report header (PNG or SVG).", valueName: "file"))
    var logo: String?

    @Flag(help: "Keep customer ids out of every output (no customer lists, no at-risk.csv or lost.csv), for a wide audience.")
    var noCustomerLists = false

    @Option(help: ArgumentHelp("CSV files of the folder: rfc4180 writes ',' and '.'; excel-de writes ';', the decimal comma, "
                               + "UTF-8 with BOM and CRLF, for German Excel. Default: excel-de when the report is German "
                               + "(--locale de, the configuration's locale, or LANG), else rfc4180. The column keys are the same in both.",
                               valueName: "dialect"))
    var csvDialect: CSVExportDialect?

    func validate() throws {
        if let keep, keep < 1 { throw ValidationError("--keep must be 1 or more.") }
        _ = try targets()
        if from != nil && !input.files.isEmpty { throw ValidationError("Give order files or --from analysis.json, not both.") }
    }

    func run() throws {
        var options = JobOptions.fromEnvironment()
        look.apply(to: &options) // the language of messages about the configuration file
        try CommandRun(language: options.look.language, quiet: true).failingCleanly {
            guard let config else { return }
            let configuration = try ReportConfiguration.load(config)
            try configuration.apply(to: &options)
            if input.files.isEmpty && from == nil { try configuration.requireInputFiles() } // says which key to edit
        }
        input.apply(to: &options)
        segments.apply(to: &options)
        analysis.apply(to: &options)
        look.apply(to: &options)
        options.out = out ?? options.out
        options.look.templates = templates ?? options.look.templates
        options.look.company = company ?? options.look.company
        options.look.logo = logo ?? options.look.logo
        options.publish = publish ?? options.publish
        options.keep = keep ?? options.keep
        for (key, value) in try targets() { options.look.setTarget(key, value) }
        if noCustomerLists { options.analysis.customerLists = .none }
        options.look.csvDialect = csvDialect ?? options.look.csvDialect
        try CommandRun(language: options.look.language, quiet: true).failingCleanly {
            try mail.apply(to: &options, environment: ProcessInfo.processInfo.environment)
        }
        subscriptions.apply(to: &options)
        if from == nil && options.subscriptions.contracts.isEmpty { try options.requireInputs() }
        if try input.explainIfAsked(options, collectsPurchases: true) { return }

        let outcome = try CommandRun(language: options.look.language, quiet: progress.quiet) { events in
            let job = ReportJob(options: options, events: events)
            guard let from else { return try job.run() }
            return try job.report(fromAnalysisAt: from)
        }
        if timings { Terminal.note(outcome.timings.summary) }
        let words = options.look.language.words
        if let published = outcome.published { Terminal.note(words.published(published.path)) }
        let result = outcome.analysis
        let headline = result.headlineKPIs?.label ?? result.asOf.description
        Terminal.note(words.reportWritten(headline: headline, folder: outcome.folder.relativePath, cohorts: result.cohorts.count,
                                          customers: result.dataQuality.customersAnalyzed, asOf: result.asOf))
        if let sent = outcome.sent {
            Terminal.note(words.mailSent(recipients: sent.recipients.map(\.address), server: sent.server))
        }
    }

    /// `--target key=value` pairs.
    func targets() throws -> [(String, Double)] {
        try target.map { try TargetArgument.parse($0) }.map { ($0.key, $0.value) }
    }
}
