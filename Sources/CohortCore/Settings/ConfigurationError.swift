/// A setting refused after it was read: a key the configuration does not know, a target that is
/// not a finite number in its range, a report template that includes itself. Ends the command
/// with status 2.
///
///     ConfigurationError.unknownKey(file: "cohort.yml", line: 12, key: "report.currncy", suggestion: "currency")
///     // "cohort.yml:12: unknown key 'report.currncy' (did you mean 'currency'?)"
public enum ConfigurationError: Error, Equatable, Sendable {
    /// `key` (with its section: `report.currncy`) is not a setting; `line` as the YAML parser counts, from 1.
    case unknownKey(file: String, line: Int?, key: String, suggestion: String?)
    /// A target outside what its figure can be; `file` nil for `--target` on the command line.
    case targetOutOfRange(file: String?, key: String, value: String, range: TargetRange)
    /// A report template reaches itself through its partials: `chain` is the way round, e.g. ["report.md", "report.md"].
    case templateIncludesItself(template: String, chain: [String])
}

/// The values a target can take.
public enum TargetRange: Equatable, Sendable {
    /// A fraction from 0 to 1 (churn rate, customers kept, GRR, CRR); "95%" is read as 0.95.
    case fraction
    /// A fraction from 0 to `maximum` (NRR can exceed 1).
    case fractionUpTo(Double)
    /// An amount of money or a count, 0 or more.
    case nonNegative
}
