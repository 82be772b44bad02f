/// Customers split by one attribute (`--segment-by industry`): each segment's own analysis and
/// the figures that compare them (METRICS.md, "Segments").
///
/// The largest `AnalysisOptions.segmentLimit` values are segments of their own; the rest are
/// gathered in one "other" segment, and customers without a value in "(unknown)".
public struct SegmentAttribute: Sendable, Codable, Equatable {
    /// The attribute's name, as the column is headed.
    public var name: String
    /// True when the values come from a customer file (`--customers`), not from the orders.
    public var fromCustomerFile: Bool
    /// The segments, largest first; "other" and "(unknown)" last.
    public var segments: [Segment]
    /// Distinct non-empty values among the analysed customers.
    public var distinctValues: Int
    /// Customers whose value is empty, or whom the customer file does not name.
    public var unknownCustomers: Int
    /// Of those, customers the customer file does not name (a data-quality count).
    public var missingFromCustomerFile: Int
    /// The same figures for the whole population (the first row of a segment table); nil without KPIs.
    public var all: SegmentComparison?

    public init(name: String, fromCustomerFile: Bool, segments: [Segment], distinctValues: Int, unknownCustomers: Int,
                missingFromCustomerFile: Int, all: SegmentComparison? = nil) {
        self.name = name
        self.fromCustomerFile = fromCustomerFile
        self.segments = segments
        self.distinctValues = distinctValues
        self.unknownCustomers = unknownCustomers
        self.missingFromCustomerFile = missingFromCustomerFile
        self.all = all
    }
}

/// One segment: which customers, its analysis on their orders alone, and its comparison figures.
public struct Segment: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// One value of the attribute.
        case value
        /// The values beyond the largest few, together.
        case other
        /// No value (empty, or not in the customer file).
        case unknown
    }

    public var kind: Kind
    /// The value (for `.value`); empty otherwise.
    public var value: String
    /// How many values `.other` gathers (1 for a value, 0 for unknown).
    public var values: Int
    public var customers: Int
    /// The comparison figures; nil when only the matrices were computed.
    public var comparison: SegmentComparison?
    /// The segment's matrices, and with KPIs its KPIs, survival and headline, over the same periods as the whole.
    public var analysis: CohortAnalysis

    public init(kind: Kind, value: String, values: Int, customers: Int, comparison: SegmentComparison?, analysis: CohortAnalysis) {
        self.kind = kind
        self.value = value
        self.values = values
        self.customers = customers
        self.comparison = comparison
        self.analysis = analysis
    }
}

/// The figures a segment table compares (METRICS.md, "Segments").
public struct SegmentComparison: Sendable, Codable, Equatable {
    /// Churned / live at the start, summed over the `churnPeriods` periods up to the headline period, with its 95 % interval.
    public var churn: Proportion
    public var churnPeriods: Int
    /// NRR and GRR of the headline, over `revenueSpan` periods; nil when they cannot be computed.
    public var nrr: Double?
    public var grr: Double?
    public var revenueSpan: Int?
    /// Revenue per customer in the first 12 months (the headline's `clv_12m`).
    public var revenuePerCustomer12m: Double?
    /// Mean predicted 12-month CLV of the segment's customers (the whole population's BG/NBD fit); nil without one.
    public var predictedCLV12m: Double?
    /// At-risk customers of the segment and their revenue at stake (statuses of the whole population).
    public var atRisk: Int
    public var revenueAtStake: Money

    public init(churn: Proportion, churnPeriods: Int, nrr: Double?, grr: Double?, revenueSpan: Int?, revenuePerCustomer12m: Double?,
                predictedCLV12m: Double? = nil, atRisk: Int = 0, revenueAtStake: Money = .zero) {
        self.churn = churn
        self.churnPeriods = churnPeriods
        self.nrr = nrr
        self.grr = grr
        self.revenueSpan = revenueSpan
        self.revenuePerCustomer12m = revenuePerCustomer12m
        self.predictedCLV12m = predictedCLV12m
        self.atRisk = atRisk
        self.revenueAtStake = revenueAtStake
    }

    /// 1 − churn: the share of customers live at the start of a period who were still live at its end.
    public var customersKept: Double? { churn.value.map { 1 - $0 } }
}
