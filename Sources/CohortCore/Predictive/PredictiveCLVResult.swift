/// Predictive CLV for every customer, with the fits it came from (METRICS.md, "Predictive CLV").
///
/// The per-customer arrays are in the order of the input. Every number is finite.
public struct PredictiveCLVResult: Sendable, Codable, Equatable {
    /// The day the histories end (day number) and the horizon of the predictions (weeks).
    public var asOfDay: Int
    public var horizonWeeks: Double
    public var grossMargin: Double?

    public var bgnbd: BGNBDFit
    /// Nil when it could not be fitted; `warnings` says why.
    public var gammaGamma: GammaGammaFit?
    /// Customers with at least one repeat purchase (x > 0) as of the as-of date.
    public var repeatBuyers: Int
    /// Pearson correlation of x and m over repeat buyers; nil with fewer than two, or when
    /// either does not vary.
    public var frequencyValueCorrelation: Double?
    /// Customers left out because they first bought after the as-of date.
    public var customersAfterAsOf: Int
    public var warnings: [PredictiveWarning]

    /// P(alive) at the as-of date.
    public var probabilityAlive: [Double]
    /// Expected repeat purchases in the next `horizonWeeks`.
    public var expectedPurchases: [Double]
    /// Expected value of a future purchase day, currency units; nil for all without a Gamma-Gamma fit.
    public var expectedOrderValue: [Double?]
    /// expectedPurchases × expectedOrderValue × grossMargin (when set), undiscounted, currency units.
    public var predictedCLV: [Double?]

    public init(asOfDay: Int, horizonWeeks: Double, grossMargin: Double?, bgnbd: BGNBDFit, gammaGamma: GammaGammaFit?,
                repeatBuyers: Int, frequencyValueCorrelation: Double?, customersAfterAsOf: Int, warnings: [PredictiveWarning],
                probabilityAlive: [Double], expectedPurchases: [Double], expectedOrderValue: [Double?], predictedCLV: [Double?]) {
        self.asOfDay = asOfDay
        self.horizonWeeks = horizonWeeks
        self.grossMargin = grossMargin
        self.bgnbd = bgnbd
        self.gammaGamma = gammaGamma
        self.repeatBuyers = repeatBuyers
        self.frequencyValueCorrelation = frequencyValueCorrelation
        self.customersAfterAsOf = customersAfterAsOf
        self.warnings = warnings
        self.probabilityAlive = probabilityAlive
        self.expectedPurchases = expectedPurchases
        self.expectedOrderValue = expectedOrderValue
        self.predictedCLV = predictedCLV
    }
}
