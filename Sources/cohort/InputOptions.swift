import ArgumentParser
import CohortCore
import CohortIngest
import Foundation

/// Where the orders come from, how they are written and which columns hold what; shared by every analysing command.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Order files: CSV or Excel .xlsx; patterns such as 'exports/*.csv' are expanded; '-' reads standard input.",
                                 valueName: "orders.csv"))
    var files: [String] = []

    @Option(help: ArgumentHelp("Column with the customer id (default: detected, e.g. customer_id, Kundennummer).", valueName: "name"))
    var customerColumn: String?

    @Option(help: ArgumentHelp("Column with the order date (default: detected, e.g. order_date, Datum).", valueName: "name"))
    var dateColumn: String?

    @Option(help: ArgumentHelp("Column with the amount (default: detected, e.g. amount, Betrag, Umsatz).", valueName: "name"))
    var amountColumn: String?

    @Option(help: ArgumentHelp("Column with the order id; rows sharing one are one order (default: detected, else each row is an order).", valueName: "name"))
    var orderColumn: String?

    @Option(help: ArgumentHelp("Field delimiter: , ; tab or | (default: detected from the header line).", valueName: "char"))
    var delimiter: String?

    @Option(help: ArgumentHelp("Text encoding: utf-8, utf-16, utf-16be, windows-1252 or iso-8859-1 (default: detected).", valueName: "name"))
    var encoding: String?

    @Option(help: ArgumentHelp("Decimal separator of the amounts: , or . (default: detected per file from the data).", valueName: "char"))
    var decimal: String?

    @Option(help: ArgumentHelp("Order of day and month in dates like 03/04/2026: DD/MM/YYYY or MM/DD/YYYY (default: detected per file from the data).",
                               valueName: "format"))
    var dateFormat: String?

    @Option(help: ArgumentHelp("Worksheet of an .xlsx file, by name or number (default: the first).", valueName: "name"))
    var sheet: String?

    @Flag(help: "Fail when any row cannot be read (default: skip it and report it).")
    var strict = false

    @Option(help: ArgumentHelp("Fail when more than this percentage of rows cannot be read.", valueName: "percent"))
    var maxRejected: Double = 1

    func validate() throws {
        // No files is allowed here: `cohort report --config` takes them from the configuration.
        guard maxRejected >= 0 && maxRejected <= 100 else { throw ValidationError("--max-rejected takes a percentage from 0 to 100.") }
        if let delimiter, ReadOptions.delimiter(argument: delimiter) == nil {
            throw ValidationError("--delimiter '\(delimiter)' is not one character; use , ; tab or |.")
        }
        if let encoding, TextEncoding(argument: encoding) == nil {
            throw ValidationError("--encoding '\(encoding)' is not known; use utf-8, utf-16, utf-16be, windows-1252 or iso-8859-1.")
        }
        if let decimal, DecimalSeparator(argument: decimal) == nil {
            throw ValidationError("--decimal '\(decimal)' is not a decimal separator; use , or .")
        }
        if let dateFormat, DateOrder(pattern: dateFormat) == nil {
            throw ValidationError("--date-format '\(dateFormat)' does not say the order of day, month and year; use e.g. DD/MM/YYYY, MM/DD/YYYY or YYYY-MM-DD.")
        }
    }

    /// How to read the files; `currency` is the report's currency (`--currency`), to warn about amounts marked otherwise.
    func readOptions(currency: String? = nil, today: CivilDate? = InputOptions.today) -> ReadOptions {
        ReadOptions(mapping: ColumnMapping(customer: customerColumn, date: dateColumn, amount: amountColumn, order: orderColumn),
                    delimiter: delimiter.flatMap(ReadOptions.delimiter(argument:)),
                    encoding: encoding.flatMap(TextEncoding.init(argument:)),
                    decimalSeparator: decimal.flatMap(DecimalSeparator.init(argument:)),
                    dateOrder: dateFormat.flatMap(DateOrder.init(pattern:)),
                    sheet: sheet, currency: currency, today: today)
    }

    /// Reads the files and prints reading warnings; throws `IngestError` when they cannot be used.
    /// Pass the report's `currency` where the command has one.
    /// `progress` hears how many bytes of how many are read.
    func read(currency: String? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> OrderReadResult {
        guard !files.isEmpty else { throw ValidationError("Name at least one orders file, or '-' for standard input.") }
        var reader = OrderReader(options: readOptions(currency: currency))
        reader.progress = progress
        let result = try reader.read(sources: files)
        try result.check(strict: strict, maxRejectedPercent: maxRejected)
        for warning in result.warnings { Terminal.warn(warning.description) }
        return result
    }

    /// The local calendar date of the run.
    static var today: CivilDate? {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return CivilDate(year: year, month: month, day: day)
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
