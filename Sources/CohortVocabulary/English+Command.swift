import CohortCore

extension English {
    // MARK: Terminal tables

    func matrixTableTitle(asOf: CivilDate, _ kind: PeriodKind, partial: Bool) -> String {
        "Customer retention by cohort, as of \(asOf) (\(kind.rawValue)ly periods\(partial ? "; * = partial period" : ""))"
    }

    var matrixTableCohort: String { "Cohort" }
    var matrixTableCustomers: String { "Customers" }
    var matrixTableAverage: String { "Average" }

    func kpiTableTitle(asOf: CivilDate, churnWindow: Int, partial: Bool) -> String {
        "Period KPIs, as of \(asOf) (churn window \(churnWindow)\(partial ? "; * = partial period" : ""))"
    }

    var kpiTableHeader: [String] {
        ["Period", "Start", "New", "Won back", "Churned", "End", "Churn", "CRR", "NRR 12", "GRR 12", "Revenue", "Orders", "AOV"]
    }

    func survivalTableTitle(asOf: CivilDate, churnWindow: Int) -> String {
        "Kaplan–Meier retention: customers still live by age since acquisition, as of \(asOf) "
            + "(churn window \(churnWindow); young cohorts censored)"
    }

    var survivalTableHeader: [String] { ["Age", "At risk", "Churned", "Censored", "Still live", "95% band"] }

    // MARK: Done

    func reportWritten(headline: String, folder: String, cohorts: Int, customers: Int, asOf: CivilDate) -> String {
        "Report for \(headline) written to \(folder)/ (\(cohorts) cohorts, \(customers) customers, as of \(asOf))"
    }

    func published(_ folder: String) -> String { "Published to \(folder)/" }

    func chartWritten(_ chart: String, to file: String) -> String { "Wrote \(chart) chart to \(file)" }

    func sampleWritten(rows: Int, customers: Int, orders: Int, refunds: Int, to file: String) -> String {
        "Wrote \(rows) rows (\(customers) customers, \(orders) orders, \(refunds) refunds) to \(file)"
    }

    func sampleSummary(rows: Int, customers: Int) -> String { "\(rows) rows, \(customers) customers" }

    func configurationWritten(_ file: String) -> String { "Wrote \(file). Edit it, then run: cohort report --config \(file)" }

    func exampleInputMissing(_ input: String, configuration file: String) -> String {
        "Its input, \(input), is not there yet: name your order exports under input: files: in \(file), "
            + "or write example data with: cohort sample --out \(input)"
    }

    // MARK: Usage errors

    func configurationExists(_ file: String) -> String { "\(file) exists already; use --force to replace it" }

    func unknownOption(_ option: String, suggestion: String?, command: String) -> String {
        guard let suggestion else { return "unknown option '\(option)'; '\(command) --help' lists the options" }
        return "unknown option '\(option)' (did you mean '\(suggestion)'?)"
    }

    func unknownCommand(_ name: String, suggestion: String?) -> String {
        guard let suggestion else { return "unknown command '\(name)'; 'cohort --help' lists the commands" }
        return "unknown command '\(name)' (did you mean '\(suggestion)'?)"
    }
}
