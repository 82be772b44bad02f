import ArgumentParser
import CohortCore

/// `cohort`: customer orders in, cohort-retention matrices, KPIs and reports out.
@main
struct CohortCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohort",
        abstract: "Turn customer order data into cohort-retention reports.",
        discussion: """
        Reads orders from CSV or .xlsx files or a PostgreSQL database (customer id, order date, amount, optionally an order id), \
        groups customers by the month of their first purchase and computes the retention matrices \
        and period KPIs defined in docs/METRICS.md.

        Examples:
          cohort report examples/orders.csv       # report into output/<as-of>/
          cohort init                             # writes cohort.yml, then:
          cohort report --config cohort.yml       # the monthly job
          cohort matrix orders.csv --format csv   # the cohort matrix as CSV
          cohort summary orders.csv               # what changed, in sentences
          cohort customers orders.csv             # who is at risk, by revenue at stake
          cohort segments orders.csv --segment-by industry   # who stays, by industry
          cohort kpis orders.csv --churn-window 3 # KPIs with a window of 3 months
          cohort survival orders.csv              # time to churn (Kaplan–Meier)
          cohort mrr contracts.csv                # MRR movements and renewal rates
          cohort nps nps.csv --orders orders.csv --by group   # do detractors leave?
          cohort sample --rows 1000000 --out big.csv
        """,
        version: CohortVersion.current,
        subcommands: [ReportCommand.self, SummaryCommand.self, CustomersCommand.self, ClvCommand.self, SegmentsCommand.self, MatrixCommand.self, KPIsCommand.self, SurvivalCommand.self, MRRCommand.self, NPSCommand.self, ChartCommand.self, InitCommand.self, SampleCommand.self],
        defaultSubcommand: nil
    )
}
