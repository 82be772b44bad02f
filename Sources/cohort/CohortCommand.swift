import ArgumentParser

/// `cohort`: customer orders in, cohort-retention matrices, KPIs and reports out.
@main
struct CohortCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohort",
        abstract: "Turn customer order data into cohort-retention reports.",
        discussion: """
        Reads orders (CSV with customer id, order date and amount; optionally an order id),
        groups customers by acquisition period and computes retention matrices and period KPIs
        as defined in METRICS.md.

        Examples:
          cohort report examples/orders.csv              # full report into output/<as-of>/
          cohort init && cohort report --config cohort.yml   # the monthly job, from a config file
          cohort matrix orders.csv --format csv          # tidy cohort matrix on standard output
          cohort kpis orders.csv --churn-window 3        # KPIs for quarterly B2B buyers
          cohort sample --rows 1000000 --out big.csv     # synthetic test data
        """,
        subcommands: [ReportCommand.self, MatrixCommand.self, KPIsCommand.self, ChartCommand.self, InitCommand.self, SampleCommand.self],
        defaultSubcommand: nil
    )
}
