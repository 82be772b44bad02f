import ArgumentParser
import CohortCore
import CohortJob
import Foundation

/// `--target key=value` of `cohort report` and `cohort summary`: a target key and a finite number
/// in its range (`churn_rate=0.05`, `churn_rate=5%`, `revenue=120000`); anything else is a usage
/// error (status 2) in one line.
enum TargetArgument {
    static func parse(_ pair: String) throws -> (key: String, value: Double) {
        let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let range = ReportLook.targetRange(parts[0]) else {
            throw ValidationError("--target '\(pair)' is not KEY=VALUE with a key among \(ReportLook.targetKeys.joined(separator: ", "))")
        }
        guard let value = ReportLook.targetValue(parts[1], for: parts[0]) else {
            let words = CommandLanguage.of(Array(CommandLine.arguments.dropFirst())).words
            throw ValidationError(words.describe(ConfigurationError.targetOutOfRange(file: nil, key: parts[0], value: parts[1], range: range)))
        }
        return (parts[0], value)
    }
}
