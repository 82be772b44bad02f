import CohortCore
import CohortIngest
import Foundation

/// `contracts:` of a configuration file: a file, a list of files, or the files with their columns
/// and the grace period of renewals.
///
///     contracts: contracts.csv
///     contracts:
///       files: [vertraege-2025.xlsx, vertraege-2026.xlsx]
///       columns: {start: Vertragsbeginn, end: Vertragsende, mrr: monatlicher Betrag}
///       grace_days: 45
struct ContractSettings: Decodable {
    struct Columns: Decodable {
        var customer: String?
        var start: String?
        var end: String?
        var mrr: String?
        var contract: String?
    }

    var files: [String] = []
    var columns: Columns?
    var graceDays: Int?

    enum CodingKeys: String, CodingKey {
        case files, columns
        case graceDays = "grace_days"
    }

    init(from decoder: Decoder) throws {
        if let files = FileList(decoder) { self.files = files.paths; return }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        files = try container.decodeIfPresent(FileList.self, forKey: .files)?.paths ?? []
        columns = try container.decodeIfPresent(Columns.self, forKey: .columns)
        graceDays = try container.decodeIfPresent(Int.self, forKey: .graceDays)
    }
}

/// `nps:` of a configuration file: a file, a list of files, or the files with their columns.
///
///     nps:
///       files: umfrage.csv
///       columns: {score: Bewertung}
struct AnswerSettings: Decodable {
    struct Columns: Decodable {
        var customer: String?
        var date: String?
        var score: String?
    }

    var files: [String] = []
    var columns: Columns?

    enum CodingKeys: String, CodingKey { case files, columns }

    init(from decoder: Decoder) throws {
        if let files = FileList(decoder) { self.files = files.paths; return }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        files = try container.decodeIfPresent(FileList.self, forKey: .files)?.paths ?? []
        columns = try container.decodeIfPresent(Columns.self, forKey: .columns)
    }
}

/// One file name or a list of them.
struct FileList: Decodable {
    var paths: [String]

    init(from decoder: Decoder) throws {
        guard let list = FileList(decoder) else {
            throw DecodingError.typeMismatch([String].self, .init(codingPath: decoder.codingPath, debugDescription: "a file name or a list of file names"))
        }
        self = list
    }

    /// The file names when the value is a string or a list of strings; nil otherwise.
    init?(_ decoder: Decoder) {
        guard let container = try? decoder.singleValueContainer() else { return nil }
        if let path = try? container.decode(String.self) { paths = [path]; return }
        if let paths = try? container.decode([String].self) { self.paths = paths; return }
        return nil
    }
}

extension ReportConfiguration {
    /// Lays `contracts:`, `nps:` and the grace period over `options`; paths relative to the file's folder.
    func applySubscriptions(to options: inout JobOptions, graceDays analysisGraceDays: Int?) throws(SettingError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolved(_ value: String) -> String { value.hasPrefix("/") ? value : folder.appendingPathComponent(value).path }
        if let contracts {
            if !contracts.files.isEmpty { options.subscriptions.contracts = contracts.files.map(resolved) }
            var columns = options.subscriptions.contractColumns
            columns.customer = contracts.columns?.customer ?? columns.customer
            columns.start = contracts.columns?.start ?? columns.start
            columns.end = contracts.columns?.end ?? columns.end
            columns.mrr = contracts.columns?.mrr ?? columns.mrr
            columns.contract = contracts.columns?.contract ?? columns.contract
            options.subscriptions.contractColumns = columns
        }
        if let nps {
            if !nps.files.isEmpty { options.subscriptions.answers = nps.files.map(resolved) }
            var columns = options.subscriptions.answerColumns
            columns.customer = nps.columns?.customer ?? columns.customer
            columns.date = nps.columns?.date ?? columns.date
            columns.score = nps.columns?.score ?? columns.score
            options.subscriptions.answerColumns = columns
        }
        for (key, value) in [("contracts.grace_days", contracts?.graceDays), ("analysis.grace_days", analysisGraceDays)] {
            guard let value else { continue }
            guard value >= 0 else { throw .invalidValue(file: path, key: key, value: String(value), expected: .wholeNumber(atLeast: 0)) }
            options.subscriptions.graceDays = value
        }
    }
}
