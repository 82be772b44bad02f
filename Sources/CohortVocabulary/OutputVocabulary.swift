import CohortCore

/// The words of refused and failed writes and of refused settings: `OutputError` and
/// `ConfigurationError` as one line each, without the "cohort: error: " the CLI puts in front.
///
///     Language.german.words.describe(OutputError.writeFailed(path: "-", problem: .noSpace))
///     // "Standardausgabe kann nicht geschrieben werden: kein Platz mehr auf dem Datenträger"
public protocol OutputVocabulary: Sendable {
    /// "cannot write out/kpis.csv: no space left on the device"; the path "-" is standard output.
    func describe(_ error: OutputError) -> String
    /// "cohort.yml:12: unknown key 'report.currncy' (did you mean 'currency'?)".
    func describe(_ error: ConfigurationError) -> String
}
