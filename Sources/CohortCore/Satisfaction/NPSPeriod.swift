/// The NPS of the answers dated in one period, or of one cohort's customers.
public struct NPSPeriod: Sendable, Codable, Equatable {
    /// The period's or the cohort's label ("2026-03").
    public var label: String
    /// True for a partial as-of period (by period only).
    public var partial: Bool
    public var nps: NetPromoterScore

    public init(label: String, partial: Bool, nps: NetPromoterScore) {
        self.label = label
        self.partial = partial
        self.nps = nps
    }
}
