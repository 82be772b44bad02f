import CohortVocabulary
import Foundation

/// The language of a command's messages before its options are parsed: `--locale` when the
/// arguments hold a known one (`--locale de`, `--locale=de`), else the environment's (`LANG`).
enum CommandLanguage {
    static func of(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            let value: String?
            if argument == "--locale" {
                value = index + 1 < arguments.count ? arguments[index + 1] : nil
            } else if argument.hasPrefix("--locale=") {
                value = String(argument.dropFirst("--locale=".count))
            } else {
                value = nil
            }
            if let value, let language = Language(code: value) { return language }
        }
        return Language.fromEnvironment(environment)
    }
}
