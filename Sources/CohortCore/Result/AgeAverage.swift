/// The average across cohorts at one age, weighted by cohort size.
///
/// METRICS.md: Σ_c active[c][k] / Σ_c n_c over the cohorts whose period c+k is
/// complete (partial and missing cells excluded); revenue ratios likewise as
/// Σ numerators / Σ denominators.
public struct AgeAverage: Sendable, Codable, Equatable {
    public var age: Int
    /// Cohorts whose period c+k is complete.
    public var cohorts: Int
    /// Σ n_c over those cohorts.
    public var customers: Int
    public var activeCustomers: Int
    public var retention: Ratio
    public var unboundedRetention: Ratio
    public var revenueRetention: Ratio
    public var grossRevenueRetention: Ratio
    /// The average LTV curve L_k in currency units: the revenue added per customer at each age
    /// up to k, each over the cohorts complete at that age (chain-ladder, METRICS.md); it falls
    /// only where refunds outweigh sales.
    public var cumulativeRevenuePerCustomer: Ratio

    public init(age: Int, cohorts: Int, customers: Int, activeCustomers: Int, retention: Ratio, unboundedRetention: Ratio,
                revenueRetention: Ratio, grossRevenueRetention: Ratio, cumulativeRevenuePerCustomer: Ratio) {
        self.age = age
        self.cohorts = cohorts
        self.customers = customers
        self.activeCustomers = activeCustomers
        self.retention = retention
        self.unboundedRetention = unboundedRetention
        self.revenueRetention = revenueRetention
        self.grossRevenueRetention = grossRevenueRetention
        self.cumulativeRevenuePerCustomer = cumulativeRevenuePerCustomer
    }
}
