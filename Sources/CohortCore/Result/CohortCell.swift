/// One cell of the cohort matrices: cohort c at age k (METRICS.md, "Cohort matrices").
///
/// Counts and money are exact; the ratios are derived from them once, here.
public struct CohortCell: Sendable, Codable, Equatable {
    /// k = period - cohort period (0 = acquisition period).
    public var age: Int
    /// True when period c+k is the partial as-of period.
    public var partial: Bool
    /// Customers of the cohort active (a positive order) in period c+k.
    public var activeCustomers: Int
    /// Customers of the cohort active in period c+k or any later period up to the as-of date.
    public var unboundedActiveCustomers: Int
    /// Net sum of all amounts (refunds included) of the cohort's customers in period c+k.
    public var revenue: Money
    /// Σ_i min(x_i(c+k), x_i(c)), x = max(0, net revenue of the customer in the period).
    public var grossRetainedRevenue: Money
    /// Σ_{j≤k} revenue[c][j].
    public var cumulativeRevenue: Money

    /// active / n_c (age 0 is 100 %).
    public var retention: Ratio
    /// unbounded active / n_c.
    public var unboundedRetention: Ratio
    /// revenue[c][k] / revenue[c][0] (NRR per cohort).
    public var revenueRetention: Ratio
    /// grossRetainedRevenue[c][k] / Σ_i x_i(c) (GRR per cohort).
    public var grossRevenueRetention: Ratio
    /// cumulativeRevenue / n_c, in currency units (the LTV curve).
    public var cumulativeRevenuePerCustomer: Ratio

    public init(age: Int, partial: Bool, cohortSize: Int, activeCustomers: Int, unboundedActiveCustomers: Int,
                revenue: Money, grossRetainedRevenue: Money, cumulativeRevenue: Money,
                revenueAtAcquisition: Money, grossRevenueAtAcquisition: Money) {
        self.age = age
        self.partial = partial
        self.activeCustomers = activeCustomers
        self.unboundedActiveCustomers = unboundedActiveCustomers
        self.revenue = revenue
        self.grossRetainedRevenue = grossRetainedRevenue
        self.cumulativeRevenue = cumulativeRevenue
        retention = Ratio(activeCustomers, over: cohortSize)
        unboundedRetention = Ratio(unboundedActiveCustomers, over: cohortSize)
        revenueRetention = Ratio(revenue.minorUnits, over: revenueAtAcquisition.minorUnits)
        grossRevenueRetention = Ratio(grossRetainedRevenue.minorUnits, over: grossRevenueAtAcquisition.minorUnits)
        cumulativeRevenuePerCustomer = Ratio(cumulativeRevenue, over: cohortSize)
    }
}
