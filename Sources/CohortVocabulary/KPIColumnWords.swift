/// The column headers of the KPI sheet, one per column of kpis.csv, in its order
/// (`KPICSV.header` holds the keys); each vocabulary builds it whole.
public struct KPIColumnWords: Sendable {
    public let period: String
    public let partial: String
    public let customersStart: String
    public let newCustomers: String
    public let reactivatedCustomers: String
    public let churnedCustomers: String
    public let customersEnd: String
    public let churnRate: String
    public let customerRetentionRate: String
    public let customerRetentionRate12: String
    public let winBackRate: String
    public let revenue: String
    public let revenueStart: String
    public let revenueNew: String
    public let revenueExpansion: String
    public let revenueContraction: String
    public let revenueChurned: String
    public let revenueReactivation: String
    public let revenueEnd: String
    public let nrrMonthly: String
    public let grrMonthly: String
    public let nrr12: String
    public let grr12: String
    public let revenueChurnRate: String
    public let orders: String
    public let averageOrderValue: String
    public let repeatPurchaseRate12: String
    public let purchaseFrequency12: String
    public let averageLifespan: String
    public let customerLifetimeValue: String

    public init(period: String, partial: String, customersStart: String, newCustomers: String, reactivatedCustomers: String,
                churnedCustomers: String, customersEnd: String, churnRate: String, customerRetentionRate: String,
                customerRetentionRate12: String, winBackRate: String, revenue: String, revenueStart: String, revenueNew: String,
                revenueExpansion: String, revenueContraction: String, revenueChurned: String, revenueReactivation: String,
                revenueEnd: String, nrrMonthly: String, grrMonthly: String, nrr12: String, grr12: String, revenueChurnRate: String,
                orders: String, averageOrderValue: String, repeatPurchaseRate12: String, purchaseFrequency12: String,
                averageLifespan: String, customerLifetimeValue: String) {
        self.period = period
        self.partial = partial
        self.customersStart = customersStart
        self.newCustomers = newCustomers
        self.reactivatedCustomers = reactivatedCustomers
        self.churnedCustomers = churnedCustomers
        self.customersEnd = customersEnd
        self.churnRate = churnRate
        self.customerRetentionRate = customerRetentionRate
        self.customerRetentionRate12 = customerRetentionRate12
        self.winBackRate = winBackRate
        self.revenue = revenue
        self.revenueStart = revenueStart
        self.revenueNew = revenueNew
        self.revenueExpansion = revenueExpansion
        self.revenueContraction = revenueContraction
        self.revenueChurned = revenueChurned
        self.revenueReactivation = revenueReactivation
        self.revenueEnd = revenueEnd
        self.nrrMonthly = nrrMonthly
        self.grrMonthly = grrMonthly
        self.nrr12 = nrr12
        self.grr12 = grr12
        self.revenueChurnRate = revenueChurnRate
        self.orders = orders
        self.averageOrderValue = averageOrderValue
        self.repeatPurchaseRate12 = repeatPurchaseRate12
        self.purchaseFrequency12 = purchaseFrequency12
        self.averageLifespan = averageLifespan
        self.customerLifetimeValue = customerLifetimeValue
    }

    /// Every header, in the order of kpis.csv.
    public var all: [String] {
        [period, partial, customersStart, newCustomers, reactivatedCustomers, churnedCustomers, customersEnd, churnRate,
         customerRetentionRate, customerRetentionRate12, winBackRate, revenue, revenueStart, revenueNew, revenueExpansion,
         revenueContraction, revenueChurned, revenueReactivation, revenueEnd, nrrMonthly, grrMonthly, nrr12, grr12,
         revenueChurnRate, orders, averageOrderValue, repeatPurchaseRate12, purchaseFrequency12, averageLifespan,
         customerLifetimeValue]
    }
}
