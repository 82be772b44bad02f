/// The words of the "Customers to act on" section of a report and of `cohort customers`;
/// each vocabulary builds it whole (`Vocabulary.customerWords()`).
public struct CustomerWords: Sendable {
    public let title: String
    public let atRiskHeading: String
    public let lostHeading: String
    public let wonBackHeading: String
    public let customer: String
    public let cohort: String
    public let lastOrder: String
    public let daysSince: String
    public let usualGap: String
    public let revenue12m: String
    public let atStake: String
    public let lifetimeRevenue: String
    public let orders: String
    public let probabilityAlive: String
    public let predictedCLV: String
    public let modelHeading: String
    public let noneAtRisk: String
    public let noneLost: String
    public let noneWonBack: String
    /// An empty list on the terminal (new, active or all).
    public let noneInList: String
    public let listsLeftOut: String
    public let fullLists: String

    public init(title: String, atRiskHeading: String, lostHeading: String, wonBackHeading: String, customer: String, cohort: String, lastOrder: String, daysSince: String, usualGap: String, revenue12m: String, atStake: String, lifetimeRevenue: String, orders: String, probabilityAlive: String, predictedCLV: String, modelHeading: String, noneAtRisk: String, noneLost: String, noneWonBack: String, noneInList: String, listsLeftOut: String, fullLists: String) {
        self.title = title
        self.atRiskHeading = atRiskHeading
        self.lostHeading = lostHeading
        self.wonBackHeading = wonBackHeading
        self.customer = customer
        self.cohort = cohort
        self.lastOrder = lastOrder
        self.daysSince = daysSince
        self.usualGap = usualGap
        self.revenue12m = revenue12m
        self.atStake = atStake
        self.lifetimeRevenue = lifetimeRevenue
        self.orders = orders
        self.probabilityAlive = probabilityAlive
        self.predictedCLV = predictedCLV
        self.modelHeading = modelHeading
        self.noneAtRisk = noneAtRisk
        self.noneLost = noneLost
        self.noneWonBack = noneWonBack
        self.noneInList = noneInList
        self.listsLeftOut = listsLeftOut
        self.fullLists = fullLists
    }
}
