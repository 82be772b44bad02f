/// How to analyse: period length, as-of date, churn window, gross margin and the currency of the amounts.
public struct AnalysisOptions: Sendable, Codable, Equatable {
    /// Month (default), ISO week or quarter.
    public var period: PeriodKind
    /// The last date the report covers; nil = the latest order date in the data.
    public var asOf: CivilDate?
    /// W: a customer is live at the end of period t when active in t-W+1 ... t.
    public var churnWindow: Int
    /// Multiplies CLV when set (0.35 = 35 % gross margin); nil = revenue-based CLV.
    public var grossMargin: Double?
    /// ISO code of the currency the amounts are in ("EUR"); money is shown in it.
    public var currency: String

    public init(period: PeriodKind = .month, asOf: CivilDate? = nil, churnWindow: Int = 1, grossMargin: Double? = nil,
                currency: String = "EUR") {
        self.period = period
        self.asOf = asOf
        self.churnWindow = churnWindow
        self.grossMargin = grossMargin
        self.currency = currency
    }
}
