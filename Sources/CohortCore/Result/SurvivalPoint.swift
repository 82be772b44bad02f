/// One age of the Kaplan–Meier retention curve: the share of customers still live
/// that many periods after acquisition, with its 95 % confidence band.
///
/// METRICS.md: "survival" = still live under the churn window; young cohorts are
/// right-censored at the as-of date; 95 % confidence band by Greenwood's formula.
public struct SurvivalPoint: Sendable, Codable, Equatable {
    /// Periods since acquisition (0 = the acquisition period, where every customer is live).
    public var age: Int
    /// Customers still live at the age before and observed at this one.
    public var atRisk: Int
    /// Of those, the customers no longer live at this age for the first time (the events).
    public var churned: Int
    /// Customers whose observation ends at this age while still live (their cohort is too young to tell more).
    public var censored: Int
    /// S(k) = Π_{j ≤ k} (1 − churned_j / atRisk_j).
    public var survival: Double
    /// S(k) ∓ 1.96 · √Var(S(k)), Var by Greenwood's formula, clamped to 0 … 1.
    public var lower: Double
    public var upper: Double

    public init(age: Int, atRisk: Int, churned: Int, censored: Int, survival: Double, lower: Double, upper: Double) {
        self.age = age
        self.atRisk = atRisk
        self.churned = churned
        self.censored = censored
        self.survival = survival
        self.lower = lower
        self.upper = upper
    }
}
