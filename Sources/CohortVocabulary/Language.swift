/// A language the product speaks: its code (`en`, `de`) and its vocabulary.
///
///     let german = Language(code: "de")!
///     german.words.percent(0.853)          // "85,3 %"
///     Language.english.words.reportTitle   // "Cohort report"
///
/// Every language is one `Vocabulary` in one file, registered once in `registered`:
/// a third language is that file and one line there.
public struct Language: Hashable, Sendable, CustomStringConvertible {
    /// The ISO 639-1 code: `en`, `de`.
    public let code: String

    /// The vocabularies of every language the product speaks; the first is the fallback.
    public static let registered: [any Vocabulary] = [
        English(),
        German(),
    ]

    public static let english = Language(uncheckedCode: "en")
    public static let german = Language(uncheckedCode: "de")

    /// Every registered language, in registration order.
    public static var all: [Language] { registered.map { Language(uncheckedCode: $0.code) } }

    /// The language with this code (case does not matter; `de-DE`, `de_AT.UTF-8` read as `de`), or nil.
    public init?(code: String) {
        let base = String(code.lowercased().prefix { $0.isLetter })
        guard Self.registered.contains(where: { $0.code == base }) else { return nil }
        self.code = base
    }

    private init(uncheckedCode code: String) { self.code = code }

    /// The language's words, numbers and dates.
    public var words: any Vocabulary {
        Self.registered.first { $0.code == code } ?? Self.registered[0]
    }

    public var description: String { code }

    /// The language of the environment: `LC_ALL`, `LC_MESSAGES` or `LANG` when one names a registered
    /// language, else English.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        let value = environment["LC_ALL"] ?? environment["LC_MESSAGES"] ?? environment["LANG"] ?? ""
        return Language(code: value) ?? .english
    }
}

extension Language: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        guard let language = Language(code: code) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(code)' is not a language cohort speaks")
        }
        self = language
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
