/// How to analyse: period length, as-of date, churn window, gross margin, the currency of the
/// amounts, the size below which a cohort is small, and which period the headline reports.
public struct AnalysisOptions: Sendable, Codable, Equatable {
    /// Month (default), ISO week or quarter.
    public var period: PeriodKind
    /// The last date the report covers; nil = the latest order date in the data.
    public var asOf: CivilDate?
    /// W: a customer is live at the end of period t when active in t-W+1 ... t; nil = chosen
    /// from the data (METRICS.md, "Churn window from the data"). In an analysis: the W used.
    public var churnWindow: Int?
    /// Multiplies CLV when set (0.35 = 35 % gross margin); nil = revenue-based CLV.
    public var grossMargin: Double?
    /// ISO code of the currency the amounts are in ("EUR"); money is shown in it.
    public var currency: String
    /// Cohorts with fewer customers are drawn faded and flagged (they stay in every average).
    public var minimumCohortSize: Int
    /// The headline reports the partial as-of period instead of the last complete one.
    public var headlinesPartialPeriod: Bool
    /// Which customer lists the analysis keeps (`.none`: no customer id in any output).
    public var customerLists: CustomerListScope
    /// Segments of an attribute shown on their own, largest first; the rest are gathered in "other".
    public var segmentLimit: Int = 8

    public init(period: PeriodKind = .month, asOf: CivilDate? = nil, churnWindow: Int? = nil, grossMargin: Double? = nil,
                currency: String = "EUR", minimumCohortSize: Int = 30, headlinesPartialPeriod: Bool = false,
                customerLists: CustomerListScope = .report) {
        self.period = period
        self.asOf = asOf
        self.churnWindow = churnWindow
        self.grossMargin = grossMargin
        self.currency = currency
        self.minimumCohortSize = minimumCohortSize
        self.headlinesPartialPeriod = headlinesPartialPeriod
        self.customerLists = customerLists
    }
}
