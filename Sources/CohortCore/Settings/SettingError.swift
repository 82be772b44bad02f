/// A setting that cannot be used, from a configuration file or an option, with what was
/// expected instead; the vocabulary words it as one line naming the file and the key.
public enum SettingError: Error, Equatable, Sendable {
    /// The configuration file cannot be read.
    case unreadableFile(path: String)
    /// The configuration file is not YAML (`detail` as the YAML parser put it).
    case notYAML(file: String, detail: String)
    /// A key holds a value of the wrong kind (a list where a number belongs, ...).
    case wrongType(file: String, key: String, detail: String)
    /// A value that cannot stand for its setting; `file` nil for an option of the command line.
    case invalidValue(file: String?, key: String, value: String, expected: SettingExpectation)
    /// The logo is not a PNG or SVG file, or cannot be read.
    case logo(path: String, readable: Bool)
    /// A setting that takes effect only with another one, which is not set: `--mail-to` needs `--smtp`.
    case missing(setting: String, neededBy: String)
    /// A setting that does not work with orders from a database yet (`--contracts`, `--nps`).
    case notWithDatabase(setting: String)
}

/// What a setting takes.
public enum SettingExpectation: Equatable, Sendable {
    case period
    case date
    case language(codes: [String])
    case wholeNumber(atLeast: Int)
    /// `auto` or a whole number of periods from 1.
    case churnWindow
    /// A fraction from 0 to 1, e.g. 0.35.
    case fraction
    /// A percentage from 0 to 100.
    case percentage
    /// A number above 0 and at most `maximum`.
    case positive(maximum: Double)
    case delimiter
    case encoding
    case decimalSeparator
    case dateFormat
    /// A headline KPI key among `keys`, and a number.
    case target(keys: [String])
    /// An email address, `local@domain` or `Name <local@domain>`.
    case emailAddress
    /// An SMTP server as `host:port`.
    case smtpServer
    /// A file that exists (the orders a configuration names).
    case existingFile
    /// One of these words (`rfc4180` or `excel-de` for `csv_dialect:`).
    case oneOf([String])
}
