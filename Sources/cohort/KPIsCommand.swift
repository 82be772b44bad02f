import ArgumentParser
import CohortCore
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
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var progress: ProgressOptions
    @Option(help: "table (main KPIs in the terminal), csv (every KPI) or json.")
    var format: OutputFormat = .table

    func run() throws {
        let (result, _) = try analyse(input, analysis, quiet: progress.quiet)
        switch format {
        case .table: Terminal.write(KPITable.render(result))
        case .csv: Terminal.write(KPICSV.render(result))
        case .json:
            try failingCleanly {
                Terminal.write(try AnalysisJSON.encode(KPIExport(asOf: result.asOf, options: result.options, kpis: result.kpis)))
            }
        }
    }

    private struct KPIExport: Encodable {
        var asOf: CivilDate
        var options: AnalysisOptions
        var kpis: [PeriodKPIs]
    }
}
