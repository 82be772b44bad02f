import CohortCore
import CohortDatabase
import CohortIngest
import CohortReports
import CohortVocabulary
import Foundation
import Yams

/// A report's settings from a YAML file (see `cohort init` for a commented example),
/// laid over `JobOptions`; the command line's flags are laid over it afterwards and win.
///
///     var options = JobOptions()
///     try ReportConfiguration.load("cohort.yml").apply(to: &options)
///
/// Relative paths are resolved against the configuration file's folder. A value that
/// cannot stand for its setting is a `SettingError` naming the file and the key.
public struct ReportConfiguration: Decodable, Sendable {
    struct Input: Decodable {
        var files: [String]?
        var columns: Columns?
        var strict: Bool?
        var maxRejectedPercent: Double?
        var delimiter: String?
        var encoding: String?
        var decimal: String?
        var dateFormat: String?
        var sheet: String?
        var segmentBy: StringList?
        var customers: String?
        /// A `postgresql://` source: its table or query, and whether the database sums the orders.
        var table: String?
        var query: String?
        var pushdown: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case files, columns, strict, delimiter, encoding, decimal, sheet, customers, table, query, pushdown
            case maxRejectedPercent = "max_rejected_percent"
            case dateFormat = "date_format"
            case segmentBy = "segment_by"
        }

        /// `input: postgresql://...` (one source, as a string) or the mapping above.
        init(from decoder: Decoder) throws {
            if let source = try? decoder.singleValueContainer().decode(String.self) {
                files = [source]
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            files = try container.decodeIfPresent([String].self, forKey: .files)
            columns = try container.decodeIfPresent(Columns.self, forKey: .columns)
            strict = try container.decodeIfPresent(Bool.self, forKey: .strict)
            maxRejectedPercent = try container.decodeIfPresent(Double.self, forKey: .maxRejectedPercent)
            delimiter = try container.decodeIfPresent(String.self, forKey: .delimiter)
            encoding = try container.decodeIfPresent(String.self, forKey: .encoding)
            decimal = try container.decodeIfPresent(String.self, forKey: .decimal)
            dateFormat = try container.decodeIfPresent(String.self, forKey: .dateFormat)
            sheet = try container.decodeIfPresent(String.self, forKey: .sheet)
            segmentBy = try container.decodeIfPresent(StringList.self, forKey: .segmentBy)
            customers = try container.decodeIfPresent(String.self, forKey: .customers)
            table = try container.decodeIfPresent(String.self, forKey: .table)
            query = try container.decodeIfPresent(String.self, forKey: .query)
            pushdown = try container.decodeIfPresent(Bool.self, forKey: .pushdown)
        }
    }

    /// One text or a list of them (`segment_by: industry` or `segment_by: [industry, plan]`).
    struct StringList: Decodable {
        var values: [String]

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) { values = [one] } else { values = try container.decode([String].self) }
        }
    }

    struct Columns: Decodable {
        var customer: String?
        var date: String?
        var amount: String?
        var order: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case customer, date, amount, order }
    }

    struct Analysis: Decodable {
        var period: String?
        var churnWindow: ChurnWindowSetting?
        var asOf: String?
        var grossMargin: Double?
        var minCohort: Int?
        var segmentLimit: Int?
        var graceDays: Int?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case period
            case segmentLimit = "segment_limit"
            case graceDays = "grace_days"
            case churnWindow = "churn_window"
            case minCohort = "min_cohort"
            case asOf = "as_of"
            case grossMargin = "gross_margin"
        }
    }

    struct Report: Decodable {
        var locale: String?
        var currency: String?
        var company: String?
        var logo: String?
        var templates: String?
        var out: String?
        var scale: Double?
        var font: String?
        var csvDialect: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case locale, currency, company, logo, templates, out, scale, font
            case csvDialect = "csv_dialect"
        }
    }

    struct Publish: Decodable {
        var folder: String?
        var keep: Int?

        enum CodingKeys: String, CodingKey, CaseIterable { case folder, keep }
    }

    /// The file it was read from.
    var path = ""
    var input: Input?
    var analysis: Analysis?
    /// KPI key → target, e.g. `crr_12: 0.85`, `churn_rate: 0.05`.
    var targets: [String: Double]?
    var report: Report?
    var publish: Publish?
    var mail: Mail?
    /// Contract lists and survey answers (`ReportConfiguration+Subscriptions.swift`).
    var contracts: ContractSettings?
    var nps: AnswerSettings?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case input, analysis, targets, report, publish, mail, contracts, nps
    }

    /// Reads a configuration file; errors name the file and what is wrong.
    /// A key the file does not know is a `ConfigurationError` naming its line and the nearest known key.
    public static func load(_ path: String) throws -> ReportConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else { throw SettingError.unreadableFile(path: path) }
        var configuration: ReportConfiguration
        do {
            let text = String(decoding: data, as: UTF8.self)
            try requireKnownKeys(text, file: path)
            configuration = try YAMLDecoder().decode(ReportConfiguration.self, from: text)
        } catch let error as ConfigurationError {
            throw error
        } catch let error as YamlError {
            throw SettingError.notYAML(file: path, detail: "\(error)")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.dataCorrupted(context) {
            throw SettingError.wrongType(file: path, key: context.codingPath.map(\.stringValue).joined(separator: "."), detail: context.debugDescription)
        } catch {
            throw SettingError.notYAML(file: path, detail: "\(error)")
        }
        configuration.path = path
        return configuration
    }

    /// Lays the file's settings over `options`; a value out of its range is a `SettingError` or,
    /// for a target, a `ConfigurationError`.
    public func apply(to options: inout JobOptions) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolved(_ value: String) -> String {
            value.hasPrefix("/") || DatabaseSource.isURL(value) ? value : folder.appendingPathComponent(value).path
        }
        func parse<Value>(_ key: String, _ value: String?, _ expected: SettingExpectation,
                          _ parser: (String) -> Value?) throws(SettingError) -> Value? {
            guard let value else { return nil }
            guard let parsed = parser(value) else { throw .invalidValue(file: path, key: key, value: value, expected: expected) }
            return parsed
        }
        if let files = input?.files { options.inputs = files.map(resolved) }
        if let columns = input?.columns {
            options.read.mapping.customer = columns.customer ?? options.read.mapping.customer
            options.read.mapping.date = columns.date ?? options.read.mapping.date
            options.read.mapping.amount = columns.amount ?? options.read.mapping.amount
            options.read.mapping.order = columns.order ?? options.read.mapping.order
        }
        if let strict = input?.strict { options.strict = strict }
        if let percent = try parse("input.max_rejected_percent", input?.maxRejectedPercent.map { "\($0)" }, .percentage, Settings.percentage) {
            options.maxRejectedPercent = percent
        }
        options.read.delimiter = try parse("input.delimiter", input?.delimiter, .delimiter, ReadOptions.delimiter(argument:)) ?? options.read.delimiter
        options.read.encoding = try parse("input.encoding", input?.encoding, .encoding, TextEncoding.init(argument:)) ?? options.read.encoding
        options.read.decimalSeparator = try parse("input.decimal", input?.decimal, .decimalSeparator, DecimalSeparator.init(argument:))
            ?? options.read.decimalSeparator
        options.read.dateOrder = try parse("input.date_format", input?.dateFormat, .dateFormat, DateOrder.init(pattern:)) ?? options.read.dateOrder
        options.read.sheet = input?.sheet ?? options.read.sheet
        if let segmentBy = input?.segmentBy?.values, !segmentBy.isEmpty { options.read.segmentColumns = segmentBy }
        if let customers = input?.customers { options.customersFile = resolved(customers) }
        options.analysis.segmentLimit = try parse("analysis.segment_limit", analysis?.segmentLimit.map(String.init), .wholeNumber(atLeast: 1),
                                                  { Int($0).flatMap { $0 >= 1 ? $0 : nil } }) ?? options.analysis.segmentLimit
        options.database.table = input?.table ?? options.database.table
        options.database.query = input?.query ?? options.database.query
        options.database.pushdown = input?.pushdown ?? options.database.pushdown

        options.analysis.period = try parse("analysis.period", analysis?.period, .period, PeriodKind.init(rawValue:)) ?? options.analysis.period
        if let setting = analysis?.churnWindow {
            guard let window = Settings.churnWindow(setting.text) else {
                throw SettingError.invalidValue(file: path, key: "analysis.churn_window", value: setting.text, expected: .churnWindow)
            }
            options.analysis.churnWindow = window
        }
        options.analysis.minimumCohortSize = try parse("analysis.min_cohort", analysis?.minCohort.map(String.init), .wholeNumber(atLeast: 1),
                                                       Settings.positiveCount) ?? options.analysis.minimumCohortSize
        options.analysis.asOf = try parse("analysis.as_of", analysis?.asOf, .date, Settings.date) ?? options.analysis.asOf
        options.analysis.grossMargin = try parse("analysis.gross_margin", analysis?.grossMargin.map { "\($0)" }, .fraction, Settings.fraction)
            ?? options.analysis.grossMargin

        for (key, value) in (targets ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let range = ReportLook.targetRange(key), ReportLook.targetValue(value, for: key) == nil {
                throw ConfigurationError.targetOutOfRange(file: path, key: key, value: "\(value)", range: range)
            }
            guard options.look.setTarget(key, value) else {
                throw SettingError.invalidValue(file: path, key: "targets.\(key)", value: "\(value)", expected: .target(keys: ReportLook.targetKeys))
            }
        }
        options.look.language = try parse("report.locale", report?.locale, .language(codes: Language.all.map(\.code)), Language.init(code:))
            ?? options.look.language
        options.look.currency = report?.currency ?? options.look.currency
        options.look.company = report?.company ?? options.look.company
        options.look.logo = report?.logo.map(resolved) ?? options.look.logo
        options.look.templates = report?.templates.map(resolved) ?? options.look.templates
        options.out = report?.out.map(resolved) ?? options.out
        options.look.scale = try parse("report.scale", report?.scale.map { "\($0)" }, .positive(maximum: 8), Settings.scale) ?? options.look.scale
        options.look.font = report?.font ?? options.look.font
        options.look.csvDialect = try parse("report.csv_dialect", report?.csvDialect, .oneOf(CSVExportDialect.allCases.map(\.rawValue)),
                                            CSVExportDialect.init(rawValue:)) ?? options.look.csvDialect
        options.publish = publish?.folder.map(resolved) ?? options.publish
        options.keep = try parse("publish.keep", publish?.keep.map(String.init), .wholeNumber(atLeast: 1), Settings.positiveCount) ?? options.keep
        try applyMail(to: &options)
        try applySubscriptions(to: &options, graceDays: analysis?.graceDays)
    }
}

/// `churn_window:` as written in the file: `auto` or a number.
struct ChurnWindowSetting: Decodable {
    let text: String

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) { text = String(number) } else { text = try container.decode(String.self) }
    }
}

/// Parsers of setting values shared by the configuration file and the command line.
public enum Settings {
    public static func percentage(_ text: String) -> Double? { Double(text).flatMap { (0 ... 100).contains($0) ? $0 : nil } }
    public static func fraction(_ text: String) -> Double? { Double(text).flatMap { (0 ... 1).contains($0) ? $0 : nil } }
    /// `auto` (chosen from the data: `.some(nil)`) or a whole number of periods from 1.
    public static func churnWindow(_ text: String) -> Int?? {
        if text.lowercased() == "auto" { return .some(nil) }
        return Int(text).flatMap { $0 >= 1 ? .some($0) : nil }
    }
    public static func positiveCount(_ text: String) -> Int? { Int(text).flatMap { $0 >= 1 ? $0 : nil } }
    public static func scale(_ text: String) -> Double? { Double(text).flatMap { $0 > 0 && $0 <= 8 ? $0 : nil } }
    /// `2026-10-31` or `31.10.2026`.
    public static func date(_ text: String) -> CivilDate? {
        if let iso = CivilDate(iso: text) { return iso }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, (1 ... 2).contains(parts[0].count), (1 ... 2).contains(parts[1].count),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }
}
