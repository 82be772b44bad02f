/// Every period KPI of METRICS.md for one period t.
///
/// Ratios are empty when their denominator is 0, and the year-long ones
/// (`customerRetentionRate12`, `netRevenueRetention12`, `grossRevenueRetention12`)
/// until two years of history exist. The trailing window of the purchase KPIs is
/// periods t−11 ... t, cut at the first period.
public struct PeriodKPIs: Sendable, Codable, Equatable {
    /// Index into `CohortAnalysis.periods`.
    public var period: Int
    public var label: String
    public var partial: Bool

    public var customers: CustomerBridge
    /// C_t / S_t (Abwanderungsrate).
    public var churnRate: Ratio
    /// (E_t − N_t) / S_t (Kundenbindungsrate).
    public var customerRetentionRate: Ratio
    /// Customers with a positive order in the year before last who also have one in the last year / the former.
    public var customerRetentionRate12: Ratio
    /// R_t / customers acquired before t who are not live at the end of t−1.
    public var winBackRate: Ratio

    /// Net sum of all amounts dated in t (of customers with a cohort, on or after it).
    public var revenue: Money
    public var revenueBridge: RevenueBridge
    /// Σ x(t) over customers with x(t−1) > 0 / Σ x(t−1).
    public var netRevenueRetentionMonthly: Ratio
    /// Σ min(x(t), x(t−1)) / Σ x(t−1).
    public var grossRevenueRetentionMonthly: Ratio
    /// Trailing-year NRR: Σ current_i / Σ base_i over customers with base_i > 0.
    public var netRevenueRetention12: Ratio
    /// Trailing-year GRR: Σ min(current_i, base_i) / Σ base_i.
    public var grossRevenueRetention12: Ratio
    /// −(churned + contraction) / Σx(t−1) = 1 − monthly GRR.
    public var revenueChurnRate: Ratio

    /// Positive orders dated in t.
    public var orders: Int
    /// Sum of positive order totals / positive orders in t, in currency units.
    public var averageOrderValue: Ratio
    /// Customers with ≥ 2 positive orders / customers with ≥ 1, over the trailing window.
    public var repeatPurchaseRate12: Ratio
    /// Positive orders / customers with ≥ 1 positive order / periods in the trailing window.
    public var purchaseFrequency12: Ratio
    /// 1 / mean churn rate of the (up to) 12 complete periods up to t, in periods.
    public var averageLifespan: Ratio
    /// Trailing-window AOV × purchase frequency × average lifespan (× gross margin), in currency units.
    public var customerLifetimeValue: Ratio

    public init(period: Int, label: String, partial: Bool, customers: CustomerBridge, churnRate: Ratio,
                customerRetentionRate: Ratio, customerRetentionRate12: Ratio, winBackRate: Ratio, revenue: Money,
                revenueBridge: RevenueBridge, netRevenueRetentionMonthly: Ratio, grossRevenueRetentionMonthly: Ratio,
                netRevenueRetention12: Ratio, grossRevenueRetention12: Ratio, revenueChurnRate: Ratio, orders: Int,
                averageOrderValue: Ratio, repeatPurchaseRate12: Ratio, purchaseFrequency12: Ratio,
                averageLifespan: Ratio, customerLifetimeValue: Ratio) {
        self.period = period
        self.label = label
        self.partial = partial
        self.customers = customers
        self.churnRate = churnRate
        self.customerRetentionRate = customerRetentionRate
        self.customerRetentionRate12 = customerRetentionRate12
        self.winBackRate = winBackRate
        self.revenue = revenue
        self.revenueBridge = revenueBridge
        self.netRevenueRetentionMonthly = netRevenueRetentionMonthly
        self.grossRevenueRetentionMonthly = grossRevenueRetentionMonthly
        self.netRevenueRetention12 = netRevenueRetention12
        self.grossRevenueRetention12 = grossRevenueRetention12
        self.revenueChurnRate = revenueChurnRate
        self.orders = orders
        self.averageOrderValue = averageOrderValue
        self.repeatPurchaseRate12 = repeatPurchaseRate12
        self.purchaseFrequency12 = purchaseFrequency12
        self.averageLifespan = averageLifespan
        self.customerLifetimeValue = customerLifetimeValue
    }
}
