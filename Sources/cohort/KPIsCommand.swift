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
          cohort kpis orders.csv --churn-window 3 --gross-margin 0.35
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var segments: SegmentOptions
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var progress: ProgressOptions
    @Option(help: "table (main KPIs in the terminal), csv (every KPI) or json.")
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
            case .table: Terminal.write(SegmentedExport.tables(result, KPITable.render))
            case .csv: Terminal.write(SegmentedExport.csv(result, KPICSV.render))
            case .json:
                Terminal.write(try AnalysisJSON.encode(KPIExport(asOf: result.asOf, options: result.options, kpis: result.kpis,
                                                                 segments: SegmentedExport.segments(of: result).map {
                                                                     SegmentKPIs(segment: $0.label, customers: $0.segment.customers,
                                                                                 kpis: $0.segment.analysis.kpis)
                                                                 })))
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
