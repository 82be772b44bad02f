import CohortCore

/// The words of the command line: the terminal tables of `cohort matrix`, `kpis` and
/// `survival`, what the commands report when they are done, and usage errors.
///
/// One line each, without the "cohort: error: " the CLI puts in front.
///
///     let words = Language.german.words
///     words.unknownOption("--churn-windw", suggestion: "--churn-window", command: "cohort kpis")
///     // "unbekannte Option '--churn-windw' (gemeint: '--churn-window'?)"
public protocol CommandVocabulary: Sendable {
    // MARK: Terminal tables

    /// "Customer retention by cohort, as of 2026-10-31 (monthly periods; * = partial period)".
    func matrixTableTitle(asOf: CivilDate, _ kind: PeriodKind, partial: Bool) -> String
    /// The heads of the first two columns and the last row of the matrix: "Cohort", "Customers", "Average".
    var matrixTableCohort: String { get }
    var matrixTableCustomers: String { get }
    var matrixTableAverage: String { get }
    /// "Period KPIs, as of 2026-10-31 (churn window 3; * = partial period)".
    func kpiTableTitle(asOf: CivilDate, churnWindow: Int, partial: Bool) -> String
    /// The 13 column heads of `cohort kpis`: period; start, new, won back, churned and end customers; churn rate, CRR,
    /// NRR and GRR over 12 months; revenue, orders, average order value.
    var kpiTableHeader: [String] { get }
    /// "Kaplan–Meier retention: customers still live by age since acquisition, as of 2026-10-31 (churn window 1; …)".
    func survivalTableTitle(asOf: CivilDate, churnWindow: Int) -> String
    /// The 6 column heads of `cohort survival`: age, at risk, churned, censored, still live, 95 % band.
    var survivalTableHeader: [String] { get }

    // MARK: Done

    /// "Report for October 2026 written to output/2026-10-31/ (36 cohorts, 2,000 customers, as of 2026-10-31)".
    func reportWritten(headline: String, folder: String, cohorts: Int, customers: Int, asOf: CivilDate) -> String
    /// "Published to /srv/intranet/cohort/".
    func published(_ folder: String) -> String
    /// "Wrote the retention chart to retention.png".
    func chartWritten(_ chart: String, to file: String) -> String
    /// "Wrote 17,176 rows (2,000 customers, 9,316 orders, 94 refunds) to orders.csv".
    func sampleWritten(rows: Int, customers: Int, orders: Int, refunds: Int, to file: String) -> String
    /// "17,176 rows, 2,000 customers" (the sample went to standard output).
    func sampleSummary(rows: Int, customers: Int) -> String
    /// "Wrote cohort.yml. Edit it, then run: cohort report --config cohort.yml".
    func configurationWritten(_ file: String) -> String
    /// The configuration names `input` as its orders, and there is no such file beside it yet.
    func exampleInputMissing(_ input: String, configuration file: String) -> String

    // MARK: Usage errors

    /// "cohort.yml exists already; use --force to replace it".
    func configurationExists(_ file: String) -> String
    /// "unknown option '--churn-windw' (did you mean '--churn-window'?)"; without a suggestion, where the options are listed.
    func unknownOption(_ option: String, suggestion: String?, command: String) -> String
    /// "unknown command 'kpi' (did you mean 'kpis'?)"; without a suggestion, where the commands are listed.
    func unknownCommand(_ name: String, suggestion: String?) -> String
}
