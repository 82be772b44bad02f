import CohortVocabulary

/// How charts look and speak: font, language, currency, scale and KPI targets.
public struct ChartStyle: Sendable, Equatable {
    /// Font family for every text (DejaVu Sans by default: umlauts and € included).
    public var fontFamily: String
    /// Language of labels and number formats.
    public var language: Language
    /// ISO currency code of the amounts, e.g. "EUR".
    public var currency: String
    /// PNG pixels per point (2 = sharp on high-density screens).
    public var scale: Double
    /// Target of the customer retention rate over 12 months, drawn as a target line (METRICS.md: 85 % by default).
    public var retentionTarget: Double
    /// Where the data came from, shown in each chart's subtitle (e.g. the file name).
    public var source: String?
    /// Which segment attribute the segment charts show (index into `CohortAnalysis.segments`).
    public var segmentAttribute: Int = 0

    public init(fontFamily: String = "DejaVu Sans", language: Language = .english, currency: String = "EUR",
                scale: Double = 2, retentionTarget: Double = 0.85, source: String? = nil) {
        self.fontFamily = fontFamily
        self.language = language
        self.currency = currency
        self.scale = scale
        self.retentionTarget = retentionTarget
        self.source = source
    }

    /// The words, numbers and dates of `language`.
    var words: any Vocabulary { language.words }
}
