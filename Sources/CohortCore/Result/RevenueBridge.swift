/// How recurring revenue moved from period t−1 to t, customer by customer.
///
/// With x_i(t) = max(0, net revenue of customer i in t) (METRICS.md, "Revenue bridge"):
/// Σx(t) = Σx(t−1) + new + expansion + contraction + churned + reactivation.
/// Contraction and churned are negative or zero.
public struct RevenueBridge: Sendable, Codable, Equatable {
    /// Σx(t−1).
    public var start: Money
    public var new: Money
    public var expansion: Money
    public var contraction: Money
    public var churned: Money
    public var reactivation: Money
    /// Σx(t).
    public var end: Money

    public init(start: Money, new: Money, expansion: Money, contraction: Money, churned: Money, reactivation: Money, end: Money) {
        self.start = start
        self.new = new
        self.expansion = expansion
        self.contraction = contraction
        self.churned = churned
        self.reactivation = reactivation
        self.end = end
    }

    /// True when end = start + new + expansion + contraction + churned + reactivation.
    public var balances: Bool {
        end == start + new + expansion + contraction + churned + reactivation
    }
}
