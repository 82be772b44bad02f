import ArgumentParser
import CohortJob
import CohortVocabulary
import Foundation

/// `--locale`, for the commands that print words but draw nothing (`matrix`, `kpis`, `survival`, `sample`, `init`);
/// the drawing commands take it with `LookOptions`.
struct LocaleOption: ParsableArguments {
    @Option(help: "Language of tables and messages: en or de (default: from LANG).")
    var locale: Language?

    /// The language asked for, else the environment's.
    var language: Language { locale ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) }

    func apply(to options: inout JobOptions) {
        options.look.language = locale ?? options.look.language
    }
}
