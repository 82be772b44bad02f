import CohortCore

/// The words of segments (`--segment-by`): the report's section, the comparison table, the charts.
public protocol SegmentVocabulary {
    /// "Segments".
    var segmentsTitle: String { get }
    /// The comparison table's column labels.
    func segmentColumns(_ kind: PeriodKind) -> SegmentColumnLabels
    /// "All customers".
    var allCustomers: String { get }
    /// "Other (12 values)".
    func otherSegment(values: Int) -> String
    /// "(unknown)".
    var unknownSegment: String { get }
    /// "Retention by industry" (one line per segment).
    func segmentCurvesTitle(attribute: String) -> String
    /// "Customer retention by cohort, per industry" (small multiples of the heat map).
    func segmentHeatMapsTitle(attribute: String) -> String
    /// Under the small multiples: what the colors are, which cohorts are faded.
    func segmentHeatMapsCaption(minimumCohort: Int) -> String
    /// "412 customers".
    func segmentCustomers(_ count: Int) -> String
    /// One sentence per attribute: the best and the worst segment by churn when their 95 % intervals do not
    /// overlap (`best`/`worst` nil otherwise), e.g. "By industry, Retail keeps its customers best (churn 3.1 %,
    /// 95 % interval 2.5–3.8 %) and Tech worst (6.0 %, 5.1–7.0 %)."
    func segmentSentence(attribute: String, best: SegmentMention?, worst: SegmentMention?, segments: Int, periods: Int) -> String
    /// "312 customers have no industry (41 of them are not in the customer file)."; nil when every customer has one.
    func unknownSegmentNote(attribute: String, unknown: Int, missingFromFile: Int) -> String?
}

/// A segment named in a sentence: its label and its churn with the interval, already formatted.
public struct SegmentMention: Sendable {
    public var label: String
    public var churn: String
    public var low: String
    public var high: String

    public init(label: String, churn: String, low: String, high: String) {
        self.label = label
        self.churn = churn
        self.low = low
        self.high = high
    }
}

/// Column labels of the segment comparison table.
public struct SegmentColumnLabels: Sendable {
    public let segment: String
    public let customers: String
    public let churn: String
    public let interval: String
    public let kept: String
    public let nrr: String
    public let grr: String
    public let revenuePerCustomer: String
    public let predictedCLV: String
    public let atRisk: String

    public init(segment: String, customers: String, churn: String, interval: String, kept: String, nrr: String, grr: String,
                revenuePerCustomer: String, predictedCLV: String, atRisk: String) {
        self.segment = segment
        self.customers = customers
        self.churn = churn
        self.interval = interval
        self.kept = kept
        self.nrr = nrr
        self.grr = grr
        self.revenuePerCustomer = revenuePerCustomer
        self.predictedCLV = predictedCLV
        self.atRisk = atRisk
    }
}
