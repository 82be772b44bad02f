import CohortCore
import CohortVocabulary
import Foundation

/// Everything about a report that is not in the analysis: language, money, targets, branding.
public struct ReportSettings: Sendable {
    public var language: Language
    public var currency: String
    public var targets: KPITargets
    /// Shown in the header, e.g. "Muster GmbH".
    public var company: String?
    /// A PNG or SVG logo, embedded in the HTML report and copied beside the Markdown one.
    public var logo: Logo?
    /// The "generated" time; `SOURCE_DATE_EPOCH` sets it for reproducible output.
    public var generatedAt: Date
    /// Data source names for headers (file names as given).
    public var sources: [String]

    public init(language: Language = .english, currency: String = "EUR", targets: KPITargets = KPITargets(),
                company: String? = nil, logo: Logo? = nil, generatedAt: Date = Date(), sources: [String] = []) {
        self.language = language
        self.currency = currency
        self.targets = targets
        self.company = company
        self.logo = logo
        self.generatedAt = generatedAt
        self.sources = sources
    }

    /// `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds convention) when set, else now.
    public static func generationTime(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) { return Date(timeIntervalSince1970: epoch) }
        return Date()
    }
}

/// A logo image file's bytes and kind.
public struct Logo: Sendable, Equatable {
    public enum Kind: String, Sendable { case png, svg }
    public var kind: Kind
    public var data: Data

    public init(kind: Kind, data: Data) {
        self.kind = kind
        self.data = data
    }

    /// `data:` URL for embedding in HTML without a second request.
    var dataURL: String {
        "data:" + (kind == .png ? "image/png" : "image/svg+xml") + ";base64," + data.base64EncodedString()
    }

    /// The file name the logo gets beside a Markdown report.
    var fileName: String { "logo.\(kind.rawValue)" }
}
