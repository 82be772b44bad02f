/// The metrics of METRICS.md that every report explains at its end, in the order shown;
/// each vocabulary names and defines every one (`Vocabulary.glossary(_:)`).
public enum GlossaryTerm: String, Sendable, CaseIterable {
    case activeCustomer
    case cohort
    case age
    case asOfDate
    case customerRetention
    case unboundedRetention
    case revenueRetention
    case grossRevenueRetention
    case cumulativeRevenue
    case churnWindow
    case kaplanMeier
    case customerMovements
    case churnRate
    case customerRetentionRate
    case customerRetentionRate12
    case winBackRate
    case revenueBridge
    case netRevenueRetention12
    case grossRevenueRetention12
    case monthlyRevenueRetention
    case averageOrderValue
    case repeatPurchaseRate
    case purchaseFrequency
    case averageLifespan
    case customerLifetimeValue
}
