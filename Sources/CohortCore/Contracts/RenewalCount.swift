/// The contracts that came due in one month and how many of them were renewed (METRICS.md,
/// "Subscriptions and contracts").
///
/// A contract whose grace period runs past the as-of date and that has no renewal yet is
/// *open*: it counts neither as due nor as renewed until it is decided, so that the rate of a
/// recent month is not read low.
///
///     renewal rate = renewed / due,   MRR renewal rate = mrrRenewed / mrrDue
public struct RenewalCount: Sendable, Codable, Equatable {
    /// Decided contracts whose end falls in the month.
    public var due: Int
    public var renewed: Int
    /// Contracts ending in the month that are not decided at the as-of date.
    public var open: Int
    public var mrrDue: Money
    public var mrrRenewed: Money

    public init(due: Int = 0, renewed: Int = 0, open: Int = 0, mrrDue: Money = .zero, mrrRenewed: Money = .zero) {
        self.due = due
        self.renewed = renewed
        self.open = open
        self.mrrDue = mrrDue
        self.mrrRenewed = mrrRenewed
    }

    /// renewed / due; empty when nothing was due.
    public var rate: Ratio { Ratio(renewed, over: due) }
    /// Σ MRR of renewed due contracts / Σ MRR of due contracts; empty when no MRR was due.
    public var mrrRate: Ratio { Ratio(mrrRenewed.minorUnits, over: mrrDue.minorUnits) }
}
