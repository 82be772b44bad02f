import CohortCore
import Foundation
import Yams

extension ReportConfiguration {
    /// The keys of each section, as the file spells them; `targets` takes the target keys.
    static var knownKeys: [String: [String]] {
        [
            "": CodingKeys.allCases.map(\.rawValue),
            "input": Input.CodingKeys.allCases.map(\.rawValue),
            "input.columns": Columns.CodingKeys.allCases.map(\.rawValue),
            "analysis": Analysis.CodingKeys.allCases.map(\.rawValue),
            "targets": ReportLook.targetKeys + ["nrr_12", "grr_12", "aov"],
            "report": Report.CodingKeys.allCases.map(\.rawValue),
            "publish": Publish.CodingKeys.allCases.map(\.rawValue),
            "mail": Mail.CodingKeys.allCases.map(\.rawValue),
            // ContractSettings and AnswerSettings (ReportConfiguration+Subscriptions.swift) decode these by hand.
            "contracts": ["files", "columns", "grace_days"],
            "contracts.columns": ["customer", "start", "end", "mrr", "contract"],
            "nps": ["files", "columns"],
            "nps.columns": ["customer", "date", "score"],
        ]
    }

    /// Refuses a key the configuration does not know (a misspelt `currncy:` would otherwise be
    /// ignored in silence), naming its line and the nearest known key of its section.
    /// Text that is not YAML is left to the decoder, which says so.
    ///
    ///     try ReportConfiguration.requireKnownKeys("report:\n  currncy: EUR\n", file: "cohort.yml")
    ///     // ConfigurationError.unknownKey(file: "cohort.yml", line: 2, key: "report.currncy", suggestion: "currency")
    static func requireKnownKeys(_ text: String, file: String) throws(ConfigurationError) {
        guard let root = try? Yams.compose(yaml: text), let mapping = root.mapping else { return }
        try requireKnownKeys(in: mapping, section: "", file: file)
    }

    private static func requireKnownKeys(in mapping: Node.Mapping, section: String, file: String) throws(ConfigurationError) {
        guard let known = knownKeys[section] else { return }
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            let path = section.isEmpty ? key : "\(section).\(key)"
            guard known.contains(key) else {
                throw .unknownKey(file: file, line: keyNode.mark?.line, key: path, suggestion: NearestName.among(known, for: key))
            }
            if let inner = value.mapping { try requireKnownKeys(in: inner, section: path, file: file) }
        }
    }
}
