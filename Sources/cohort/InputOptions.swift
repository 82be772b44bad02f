import ArgumentParser
import CohortCore
import CohortIngest

/// Where the orders come from and which columns hold what; shared by every analysing command.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Order files (CSV); '-' reads standard input.", valueName: "orders.csv"))
    var files: [String] = []

    @Option(help: ArgumentHelp("Column with the customer id (default: detected, e.g. customer_id, Kundennummer).", valueName: "name"))
    var customerColumn: String?

    @Option(help: ArgumentHelp("Column with the order date (default: detected, e.g. order_date, Datum).", valueName: "name"))
    var dateColumn: String?

    @Option(help: ArgumentHelp("Column with the amount (default: detected, e.g. amount, Betrag, Umsatz).", valueName: "name"))
    var amountColumn: String?

    @Option(help: ArgumentHelp("Column with the order id; rows sharing one are one order (default: detected, else each row is an order).", valueName: "name"))
    var orderColumn: String?

    @Flag(help: "Fail when any row cannot be read (default: skip it and report it).")
    var strict = false

    @Option(help: ArgumentHelp("Fail when more than this percentage of rows cannot be read.", valueName: "percent"))
    var maxRejected: Double = 1

    func validate() throws {
        // No files is allowed here: `cohort report --config` takes them from the configuration.
        guard maxRejected >= 0 && maxRejected <= 100 else { throw ValidationError("--max-rejected takes a percentage from 0 to 100.") }
    }

    /// Reads the files; throws `IngestError` when they cannot be used.
    func read() throws -> OrderReadResult {
        guard !files.isEmpty else { throw ValidationError("Name at least one orders file, or '-' for standard input.") }
        let mapping = ColumnMapping(customer: customerColumn, date: dateColumn, amount: amountColumn, order: orderColumn)
        let result = try OrderReader(mapping: mapping).read(sources: files)
        try result.check(strict: strict, maxRejectedPercent: maxRejected)
        return result
    }
}

/// How to analyse: period, as-of date, churn window, margin.
struct AnalysisFlags: ParsableArguments {
    @Option(help: "Period length: month, week (ISO, Monday start) or quarter.")
    var period: PeriodKind = .month

    @Option(help: ArgumentHelp("Last date the report covers, YYYY-MM-DD (default: the latest order date).", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("A customer stays live for this many periods after an active one (3 for quarterly B2B buyers).", valueName: "periods"))
    var churnWindow: Int = 1

    @Option(help: ArgumentHelp("Gross margin for CLV, e.g. 0.35 (default: CLV on revenue).", valueName: "fraction"))
    var grossMargin: Double?

    func validate() throws {
        if let asOf, CivilDate(iso: asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date like 2026-10-31.") }
        guard churnWindow >= 1 else { throw ValidationError("--churn-window must be 1 or more.") }
        if let grossMargin, !(0 ... 1).contains(grossMargin) { throw ValidationError("--gross-margin is a fraction from 0 to 1, e.g. 0.35.") }
    }

    var options: AnalysisOptions {
        AnalysisOptions(period: period, asOf: asOf.flatMap(CivilDate.init(iso:)), churnWindow: churnWindow, grossMargin: grossMargin)
    }
}

extension PeriodKind: ExpressibleByArgument {}

/// How `matrix` and `kpis` print.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
