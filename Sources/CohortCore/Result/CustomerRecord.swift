/// One customer at the as-of date (METRICS.md, "Customers to act on"): its status, its orders
/// and revenue, how overdue it is, and what the BG/NBD and Gamma-Gamma models expect of it.
public struct CustomerRecord: Sendable, Codable, Equatable {
    /// The customer id as in the input.
    public var id: String
    public var status: CustomerStatus
    /// The label of its cohort ("2026-03").
    public var cohort: String
    public var firstOrder: CivilDate
    public var lastOrder: CivilDate
    /// Orders with a positive total, up to the as-of date.
    public var positiveOrders: Int
    /// Net revenue from its first order to the as-of date.
    public var revenueLifetime: Money
    /// Net revenue over the trailing 12 months (4 quarters, 52 weeks) up to the as-of period.
    public var revenue12m: Money
    public var daysSinceLastOrder: Int
    /// Its own median gap in days (3 or more purchase days), else the median over all repeat purchases; nil without any.
    public var expectedGapDays: Double?
    /// At risk only: its trailing-12-month revenue.
    public var revenueAtStake: Money?
    /// BG/NBD's probability that the customer is still alive; nil without a fit.
    public var probabilityAlive: Double?
    public var expectedOrders12m: Double?
    /// Gamma-Gamma's expected value of a purchase day, currency units.
    public var expectedOrderValue: Double?
    /// Expected orders × expected order value (× gross margin), currency units.
    public var predictedCLV12m: Double?
    /// Its value of each segment attribute (`--segment-by`), in their order; "" when unknown.
    public var segments: [String]

    public init(id: String, status: CustomerStatus, cohort: String, firstOrder: CivilDate, lastOrder: CivilDate, positiveOrders: Int,
                revenueLifetime: Money, revenue12m: Money, daysSinceLastOrder: Int, expectedGapDays: Double?, revenueAtStake: Money?,
                probabilityAlive: Double?, expectedOrders12m: Double?, expectedOrderValue: Double?, predictedCLV12m: Double?,
                segments: [String] = []) {
        self.id = id
        self.status = status
        self.cohort = cohort
        self.firstOrder = firstOrder
        self.lastOrder = lastOrder
        self.positiveOrders = positiveOrders
        self.revenueLifetime = revenueLifetime
        self.revenue12m = revenue12m
        self.daysSinceLastOrder = daysSinceLastOrder
        self.expectedGapDays = expectedGapDays
        self.revenueAtStake = revenueAtStake
        self.probabilityAlive = probabilityAlive
        self.expectedOrders12m = expectedOrders12m
        self.expectedOrderValue = expectedOrderValue
        self.predictedCLV12m = predictedCLV12m
        self.segments = segments
    }
}

/// Where a customer stands at the as-of date; exactly one, the first that applies (METRICS.md).
public enum CustomerStatus: String, Sendable, Codable, CaseIterable {
    /// Its cohort is the headline period.
    case new
    /// Reactivated in the headline period.
    case wonBack = "won-back"
    /// Live, and overdue: more than 1.5 × its expected gap since its last order.
    case atRisk = "at-risk"
    /// Live, not overdue.
    case active
    /// Not live.
    case lost
}
