/// The customers a manager acts on (METRICS.md, "Customers to act on"): how many stand where,
/// the revenue at stake and where it sits, the lists the report shows and exports, and the
/// predictive model behind P(alive) and CLV.
public struct CustomerActions: Sendable, Codable, Equatable {
    /// Customers per status, in the order of `CustomerStatus.allCases`.
    public var counts: [StatusCount]
    /// Σ revenue at stake of the at-risk customers.
    public var revenueAtStake: Money
    /// At-risk revenue by how overdue the customers are (1.5–2, 2–3, 3–5, over 5 times the gap).
    public var stakeByOverdue: [OverdueBucket]
    /// The median gap over all repeat purchases, in days (the expected gap of customers with fewer than 3 purchase days).
    public var medianGapDays: Double?
    /// Lost customers who were still live a year before the as-of period (the ones lost.csv lists).
    public var lostWithinYear: Int
    /// False with `--no-customer-lists`: the lists below are empty, the counts stay.
    public var listsIncluded: Bool
    /// At-risk customers by revenue at stake, highest first (the first `listLimit`; at-risk.csv holds all).
    public var atRisk: [CustomerRecord]
    /// Customers lost within the last year, by lifetime revenue, highest first (the first `listLimit`; lost.csv holds all).
    public var lost: [CustomerRecord]
    /// Customers won back in the headline period, by revenue over 12 months (the first `listLimit`).
    public var wonBack: [CustomerRecord]

    /// How many customers of each list the analysis keeps (the report shows 20; the CSV files beside it hold every one).
    public static let listLimit = 100
    /// The BG/NBD and Gamma-Gamma fit; nil when it could not be made (`predictionProblem` says why).
    public var prediction: PredictionSummary?
    public var predictionProblem: PredictionProblem?

    public init(counts: [StatusCount], revenueAtStake: Money, stakeByOverdue: [OverdueBucket], medianGapDays: Double?, lostWithinYear: Int,
                listsIncluded: Bool,
                atRisk: [CustomerRecord], lost: [CustomerRecord], wonBack: [CustomerRecord], prediction: PredictionSummary?,
                predictionProblem: PredictionProblem?) {
        self.counts = counts
        self.revenueAtStake = revenueAtStake
        self.stakeByOverdue = stakeByOverdue
        self.medianGapDays = medianGapDays
        self.lostWithinYear = lostWithinYear
        self.listsIncluded = listsIncluded
        self.atRisk = atRisk
        self.lost = lost
        self.wonBack = wonBack
        self.prediction = prediction
        self.predictionProblem = predictionProblem
    }

    public func count(_ status: CustomerStatus) -> Int { counts.first { $0.status == status }?.customers ?? 0 }
}

public struct StatusCount: Sendable, Codable, Equatable {
    public var status: CustomerStatus
    public var customers: Int

    public init(status: CustomerStatus, customers: Int) {
        self.status = status
        self.customers = customers
    }
}

/// At-risk customers whose time since the last order is `from` up to `to` times their expected gap (`to` nil: and more).
public struct OverdueBucket: Sendable, Codable, Equatable {
    public var from: Double
    public var to: Double?
    public var customers: Int
    public var revenueAtStake: Money

    public init(from: Double, to: Double?, customers: Int, revenueAtStake: Money) {
        self.from = from
        self.to = to
        self.customers = customers
        self.revenueAtStake = revenueAtStake
    }
}

/// The fit behind P(alive) and predicted CLV, for an analyst to judge it, and its sums.
public struct PredictionSummary: Sendable, Codable, Equatable {
    public var bgnbd: BGNBDFit
    public var gammaGamma: GammaGammaFit?
    public var customers: Int
    public var repeatBuyers: Int
    public var frequencyValueCorrelation: Double?
    public var warnings: [PredictiveWarning]
    /// Mean predicted CLV over the next 12 months per customer; nil without Gamma-Gamma.
    public var meanPredictedCLV: Double?
    /// Σ predicted CLV over every customer, currency units; nil without Gamma-Gamma.
    public var totalPredictedCLV: Double?
    /// Σ P(alive): how many customers the model expects to be alive.
    public var expectedAlive: Double

    public init(bgnbd: BGNBDFit, gammaGamma: GammaGammaFit?, customers: Int, repeatBuyers: Int, frequencyValueCorrelation: Double?,
                warnings: [PredictiveWarning], meanPredictedCLV: Double?, totalPredictedCLV: Double?, expectedAlive: Double) {
        self.bgnbd = bgnbd
        self.gammaGamma = gammaGamma
        self.customers = customers
        self.repeatBuyers = repeatBuyers
        self.frequencyValueCorrelation = frequencyValueCorrelation
        self.warnings = warnings
        self.meanPredictedCLV = meanPredictedCLV
        self.totalPredictedCLV = totalPredictedCLV
        self.expectedAlive = expectedAlive
    }
}

/// Why there is no BG/NBD fit.
public enum PredictionProblem: String, Sendable, Codable, Equatable {
    /// Nobody bought on a second day: the model has nothing to learn from.
    case noRepeatPurchases
    /// Fewer than `CustomerActionsBuilder.minimumRepeatBuyers` customers bought on a second day: too few to fit four parameters.
    case tooFewRepeatBuyers
    /// The data cannot be fitted (a summary contradicts itself).
    case unfit
}
