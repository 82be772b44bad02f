import ArgumentParser
import CohortCore
import CohortIngest
import CohortJob
import CohortVocabulary
import Foundation

/// Where the orders come from, how they are written and which columns hold what; shared by every analysing command.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Order files: CSV or Excel .xlsx; patterns such as 'exports/*.csv' are expanded; '-' reads standard input; "
                                 + "or a database, postgresql://user@host:5432/shop with --table or --query.",
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

    @Option(help: ArgumentHelp("A workbook sheet that unpacks to more is refused (default: 1024).", valueName: "MB"))
    var maxSheetMb: Int?

    @Flag(help: "Fail when any row cannot be read (default: skip it and report it).")
    var strict = false

    @Option(help: ArgumentHelp("Fail when more than this percentage of rows cannot be read (default: 1).", valueName: "percent"))
    var maxRejected: Double?

    @Option(help: ArgumentHelp("An order file of this size or more is read into sums per customer and order instead of a table of its rows, through a file in TMPDIR (else /var/tmp): the same numbers in a third to a sixth of the memory (default: 256; 0: every file).",
                               valueName: "MB"))
    var sumsFromMb: Int?

    @OptionGroup(title: "PostgreSQL source") var database: DatabaseOptions

    func validate() throws {
        // No files is allowed here: `cohort report --config` takes them from the configuration.
        try database.validate(files: files)
        if let maxRejected, Settings.percentage("\(maxRejected)") == nil {
            throw ValidationError("--max-rejected takes a percentage from 0 to 100.")
        }
        if let delimiter, ReadOptions.delimiter(argument: delimiter) == nil {
            throw ValidationError("--delimiter '\(delimiter)' is not one character; use , ; tab or |.")
        }
        if let encoding, TextEncoding(argument: encoding) == nil {
            throw ValidationError("--encoding '\(encoding)' is not known; use utf-8, utf-16, utf-16be, windows-1252 or iso-8859-1.")
        }
        if let decimal, DecimalSeparator(argument: decimal) == nil {
            throw ValidationError("--decimal '\(decimal)' is not a decimal separator; use , or .")
        }
        if let sumsFromMb, !(0 ... 1 << 30).contains(sumsFromMb) { throw ValidationError("--sums-from-mb is a number of megabytes from 0 up.") }
        if let maxSheetMb, !(1 ... 1 << 20).contains(maxSheetMb) { throw ValidationError("--max-sheet-mb is a number of megabytes from 1 to 1048576.") }
        if let dateFormat, DateOrder(pattern: dateFormat) == nil {
            throw ValidationError("--date-format '\(dateFormat)' does not say the order of day, month and year; use e.g. DD/MM/YYYY, MM/DD/YYYY or YYYY-MM-DD.")
        }
    }

    /// Lays the flags given over `options`: files named here replace the configuration's.
    func apply(to options: inout JobOptions) {
        if !files.isEmpty { options.inputs = files }
        options.read.mapping.customer = customerColumn ?? options.read.mapping.customer
        options.read.mapping.date = dateColumn ?? options.read.mapping.date
        options.read.mapping.amount = amountColumn ?? options.read.mapping.amount
        options.read.mapping.order = orderColumn ?? options.read.mapping.order
        options.read.delimiter = delimiter.flatMap(ReadOptions.delimiter(argument:)) ?? options.read.delimiter
        options.read.encoding = encoding.flatMap(TextEncoding.init(argument:)) ?? options.read.encoding
        options.read.decimalSeparator = decimal.flatMap(DecimalSeparator.init(argument:)) ?? options.read.decimalSeparator
        options.read.dateOrder = dateFormat.flatMap(DateOrder.init(pattern:)) ?? options.read.dateOrder
        options.read.sheet = sheet ?? options.read.sheet
        options.read.maximumSheetMegabytes = maxSheetMb ?? options.read.maximumSheetMegabytes
        if let sumsFromMb { options.sumsFromBytes = sumsFromMb << 20 }
        if strict { options.strict = true }
        options.maxRejectedPercent = maxRejected ?? options.maxRejectedPercent
        database.apply(to: &options)
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
    @Option(help: "Period length: month (default), week (ISO, Monday start) or quarter.")
    var period: PeriodKind?

    @Option(help: ArgumentHelp("Last date the report covers: 2026-10-31 or 31.10.2026 (default: the latest order date).", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("A customer stays live for this many periods after an active one; auto (the default) takes the "
                               + "smallest window within which 90% of repeat orders come.", valueName: "periods|auto"))
    var churnWindow: String?

    @Option(help: ArgumentHelp("Cohorts with fewer customers are drawn faded and flagged (default: 30).", valueName: "customers"))
    var minCohort: Int?

    @Flag(help: "Headline the partial as-of period instead of the last complete one.")
    var partialHeadline = false

    @Option(help: ArgumentHelp("Gross margin for CLV, e.g. 0.35 (default: CLV on revenue).", valueName: "fraction"))
    var grossMargin: Double?

    func validate() throws {
        if let asOf, Settings.date(asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date like 2026-10-31 or 31.10.2026.") }
        if let churnWindow, Settings.churnWindow(churnWindow) == nil { throw ValidationError("--churn-window is auto or a whole number of 1 or more.") }
        if let minCohort, minCohort < 1 { throw ValidationError("--min-cohort must be 1 or more.") }
        if let grossMargin, !(0 ... 1).contains(grossMargin) { throw ValidationError("--gross-margin is a fraction from 0 to 1, e.g. 0.35.") }
    }

    func apply(to options: inout JobOptions) {
        options.analysis.period = period ?? options.analysis.period
        options.analysis.asOf = asOf.flatMap(Settings.date) ?? options.analysis.asOf
        if let window = churnWindow.flatMap(Settings.churnWindow) { options.analysis.churnWindow = window }
        options.analysis.minimumCohortSize = minCohort ?? options.analysis.minimumCohortSize
        if partialHeadline { options.analysis.headlinesPartialPeriod = true }
        options.analysis.grossMargin = grossMargin ?? options.analysis.grossMargin
    }
}

extension Language: ExpressibleByArgument {
    public init?(argument: String) { self.init(code: argument) }
    public static var allValueStrings: [String] { Language.all.map(\.code) }
}

extension PeriodKind: ExpressibleByArgument {}

/// How `matrix`, `kpis`, `survival`, `customers` and `clv` print.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
    /// An Excel workbook (see `ExportOptions`).
    case xlsx
}

extension JobOptions {
    /// Refuses a run without input files, as the command line's usage error.
    func requireInputs() throws {
        guard !inputs.isEmpty else { throw ValidationError("Name at least one orders file, or '-' for standard input.") }
    }
}

/// The options every analysing command starts from: today's date for warnings, the environment's language.
extension JobOptions {
    static func fromEnvironment() -> JobOptions {
        var options = JobOptions()
        options.read.today = InputOptions.today
        options.look.language = Language.fromEnvironment(ProcessInfo.processInfo.environment)
        return options
    }
}
