import ArgumentParser
import CohortCore
import CohortJob
import CohortReports

struct KPIsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpis",
        abstract: "Print every period KPI: customer and revenue bridges, churn, CRR, NRR, GRR, AOV, CLV.",
        discussion: """
        Examples:
          cohort kpis orders.csv
          cohort kpis orders.csv --format csv > kpis.csv
          cohort kpis orders.csv --format csv --locale de --out kpis.csv   # for German Excel
          cohort kpis orders.csv --format xlsx --out kpis.xlsx
          cohort kpis orders.csv --churn-window 3 --gross-margin 0.35
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var segments: SegmentOptions
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var progress: ProgressOptions
    @OptionGroup var locale: LocaleOption
    @OptionGroup var export: ExportOptions
    @Option(help: "table (main KPIs in the terminal), csv (every KPI), json or xlsx.")
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
            case .table: try export.deliver(SegmentedExport.tables(result) { KPITable.render($0, words: options.look.language.words) })
            case .csv: try export.deliver(SegmentedExport.csv(result, dialect: export.dialect(locale: locale.locale), KPICSV.render))
            case .json:
                try export.deliver(try AnalysisJSON.encode(KPIExport(asOf: result.asOf, options: result.options, kpis: result.kpis,
                                                                     segments: SegmentedExport.segments(of: result).map {
                                                                         SegmentKPIs(segment: $0.label, customers: $0.segment.customers,
                                                                                     kpis: $0.segment.analysis.kpis)
                                                                     })))
            case .xlsx:
                try export.deliver(ReportWorkbook(analysis: result, settings: job.settings(for: result)).kpiWorkbook(),
                                   words: options.look.language.words)
            }
        }
    }

    private struct KPIExport: Encodable {
        var asOf: CivilDate
        var options: AnalysisOptions
        var kpis: [PeriodKPIs]
        /// With --segment-by: each segment's KPIs (the label as in CSV).
        var segments: [SegmentKPIs]
    }

    private struct SegmentKPIs: Encodable {
        var segment: String
        var customers: Int
        var kpis: [PeriodKPIs]
    }
}
