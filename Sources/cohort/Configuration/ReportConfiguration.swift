import ArgumentParser
import Foundation
import Yams

/// A report's settings from a YAML file, turned into the command-line flags they stand for.
///
/// Every key is a flag of `cohort report` (see `cohort init` for a commented example);
/// the flags are placed before the user's own, so anything given on the command line
/// wins. Relative paths are resolved against the configuration file's folder.
struct ReportConfiguration: Decodable {
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

        enum CodingKeys: String, CodingKey {
            case files, columns, strict, delimiter, encoding, decimal, sheet
            case maxRejectedPercent = "max_rejected_percent"
            case dateFormat = "date_format"
        }
    }

    struct Columns: Decodable {
        var customer: String?
        var date: String?
        var amount: String?
        var order: String?
    }

    struct Analysis: Decodable {
        var period: String?
        var churnWindow: Int?
        var asOf: String?
        var grossMargin: Double?

        enum CodingKeys: String, CodingKey {
            case period
            case churnWindow = "churn_window"
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
    }

    struct Publish: Decodable {
        var folder: String?
        var keep: Int?
    }

    var input: Input?
    var analysis: Analysis?
    /// KPI key → target, e.g. `crr_12: 0.85`, `churn_rate: 0.05`.
    var targets: [String: Double]?
    var report: Report?
    var publish: Publish?

    /// Reads and checks a configuration file; errors name the file and what is wrong.
    static func load(_ path: String) throws -> ReportConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("\(path): cannot read the configuration file")
        }
        do {
            let decoder = YAMLDecoder()
            return try decoder.decode(ReportConfiguration.self, from: String(decoding: data, as: UTF8.self))
        } catch let error as YamlError {
            throw ValidationError("\(path): not valid YAML: \(error)")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.dataCorrupted(context) {
            throw ValidationError("\(path): '\(Self.keyPath(context.codingPath))': \(context.debugDescription)")
        } catch {
            throw ValidationError("\(path): \(error)")
        }
    }

    /// The flags this configuration stands for; files come last, as positional arguments.
    func arguments(relativeTo folder: URL) -> (options: [String], files: [String]) {
        func path(_ value: String) -> String {
            value.hasPrefix("/") ? value : folder.appendingPathComponent(value).path
        }
        var options: [String] = []
        func add(_ flag: String, _ value: String?) { if let value { options += [flag, value] } }
        add("--customer-column", input?.columns?.customer)
        add("--date-column", input?.columns?.date)
        add("--amount-column", input?.columns?.amount)
        add("--order-column", input?.columns?.order)
        if input?.strict == true { options.append("--strict") }
        add("--max-rejected", input?.maxRejectedPercent.map { "\($0)" })
        add("--delimiter", input?.delimiter)
        add("--encoding", input?.encoding)
        add("--decimal", input?.decimal)
        add("--date-format", input?.dateFormat)
        add("--sheet", input?.sheet)
        add("--period", analysis?.period)
        add("--churn-window", analysis?.churnWindow.map(String.init))
        add("--as-of", analysis?.asOf)
        add("--gross-margin", analysis?.grossMargin.map { "\($0)" })
        for (kpi, value) in (targets ?? [:]).sorted(by: { $0.key < $1.key }) { add("--target", "\(kpi)=\(value)") }
        add("--locale", report?.locale)
        add("--currency", report?.currency)
        add("--company", report?.company)
        add("--logo", report?.logo.map(path))
        add("--templates", report?.templates.map(path))
        add("--out", report?.out.map(path))
        add("--scale", report?.scale.map { "\($0)" })
        add("--font", report?.font)
        add("--publish", publish?.folder.map(path))
        add("--keep", publish?.keep.map(String.init))
        return (options, (input?.files ?? []).map(path))
    }

    private static func keyPath(_ path: [CodingKey]) -> String {
        path.map(\.stringValue).joined(separator: ".")
    }
}
