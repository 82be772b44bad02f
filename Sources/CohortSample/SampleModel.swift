/// The business assumptions behind the synthetic data: category weights, purchase behaviour,
/// churn and refund rates.
///
/// All tables indexed by company size use the order of ``SampleModel/companySizes``
/// (`1-9`, `10-49`, `50-249`, `250+`); tables indexed by calendar month start with January.
enum SampleModel {
    /// Country codes written to the `country` column.
    static let countries = ["DE", "AT", "CH", "NL", "FR", "PL", "IT", "US"]

    /// Cumulative share of customers per country (DE about 45 %).
    static let countryCumulative = cumulative([45, 10, 9, 10, 9, 6, 6, 5])

    /// Industry names written to the `industry` column.
    static let industries = [
        "Manufacturing", "Wholesale", "Retail", "IT Services", "Healthcare", "Construction", "Logistics",
    ]

    /// Cumulative share of customers per industry.
    static let industryCumulative = cumulative([24, 18, 16, 14, 9, 11, 8])

    /// Company-size bands written to the `company_size` column.
    static let companySizes = ["1-9", "10-49", "50-249", "250+"]

    /// Cumulative share of customers per company size (most customers are small firms).
    static let companySizeCumulative = cumulative([40, 33, 19, 8])

    /// Mean number of orders per active month, by company size, before per-customer variation.
    static let monthlyOrderRate: [Double] = [0.42, 0.65, 1.0, 1.6]

    /// Median invoice-line value in cents, by company size, before per-customer variation.
    static let medianLineCents: [Double] = [14_000, 36_000, 85_000, 220_000]

    /// Cumulative distribution of invoice lines per order (1 to 4), by company size.
    static let lineCountCumulative: [[Double]] = [
        cumulative([80, 13, 5, 2]),
        cumulative([74, 16, 7, 3]),
        cumulative([66, 19, 9, 6]),
        cumulative([58, 22, 12, 8]),
    ]

    /// Monthly churn hazard for the first months after (re)activation: after month 0, 1, 2, 3.
    static let earlyChurnHazard: [Double] = [0.25, 0.15, 0.10, 0.075]

    /// Long-run monthly churn hazard, by company size (bigger firms are stickier).
    static let longRunChurnHazard: [Double] = [0.06, 0.05, 0.04, 0.03]

    /// Multiplier on the early churn hazard, by company size.
    static let earlyChurnScale: [Double] = [1.12, 1.0, 0.88, 0.75]

    /// Share of churned customers that come back after a pause.
    static let reactivationProbability = 0.06

    /// Shortest and longest pause, in whole months without orders, before a reactivation.
    static let reactivationGap = 2...8

    /// Share of orders that receive a credit note (partial or full refund).
    static let refundProbability = 0.012

    /// Share of refunds that credit the full order value instead of a part of it.
    static let fullRefundShare = 0.55

    /// Longest delay, in days, between an order and its credit note.
    static let maximumRefundDelay = 20

    /// Smallest and largest invoice-line value in cents (20 € to 20,000 €).
    static let lineCentsRange: ClosedRange<Double> = 2_000...2_000_000

    /// Monthly growth of new-customer acquisition (drawn uniformly per month).
    static let acquisitionGrowth: ClosedRange<Double> = 0.02...0.04

    /// Relative number of new customers by calendar month: busy spring and autumn, quiet August and December.
    static let acquisitionSeasonality: [Double] = [
        1.0, 1.05, 1.15, 1.15, 1.1, 1.0, 0.9, 0.68, 1.12, 1.2, 1.1, 0.72,
    ]

    /// Relative ordering activity of existing customers by calendar month.
    static let orderSeasonality: [Double] = [
        0.97, 1.0, 1.06, 1.04, 1.03, 1.0, 0.94, 0.82, 1.04, 1.08, 1.06, 0.86,
    ]

    /// Probability that an order drawn on a Saturday or Sunday is moved to another day (B2B buys on weekdays).
    static let weekendAvoidance = 0.85

    /// Number of distinct country × industry × size combinations.
    static let attributeCombinationCount = countries.count * industries.count * companySizes.count

    /// Returns the combination index used by ``AttributeSuffixTable`` for one customer's attributes.
    static func attributeCombination(country: Int, industry: Int, companySize: Int) -> Int {
        (country * industries.count + industry) * companySizes.count + companySize
    }

    /// Converts relative weights into normalized cumulative bounds whose last entry is exactly 1.
    static func cumulative(_ weights: [Double]) -> [Double] {
        let total = weights.reduce(0, +)
        var running = 0.0
        var bounds = weights.map { weight -> Double in
            running += weight
            return running / total
        }
        if !bounds.isEmpty {
            bounds[bounds.count - 1] = 1.0
        }
        return bounds
    }
}
