/// The churn window W of an analysis and why it is what it is (METRICS.md, "Churn window
/// from the data"): given with `--churn-window`, or the smallest W within which at least
/// 90 % of the repeat purchases follow the customer's previous purchase.
public struct ChurnWindow: Sendable, Codable, Equatable {
    /// W in periods: a customer is live at the end of t when active in t − W + 1 … t.
    public var periods: Int
    /// True when chosen from the data, false when given.
    public var fromData: Bool
    /// Repeat purchases (pairs of consecutive active periods of one customer) up to the last complete period.
    public var repeatPurchases: Int
    /// Of those, the ones whose gap is at most `periods`.
    public var repeatPurchasesWithin: Int

    /// The share of repeat purchases W must cover.
    public static let share = 0.9

    public init(periods: Int, fromData: Bool, repeatPurchases: Int, repeatPurchasesWithin: Int) {
        self.periods = periods
        self.fromData = fromData
        self.repeatPurchases = repeatPurchases
        self.repeatPurchasesWithin = repeatPurchasesWithin
    }

    /// The window of a histogram of gaps (`gaps[g]` = repeat purchases with gap g periods):
    /// `given` when set, else the smallest W with at least 90 % of the gaps ≤ W (1 without repeats).
    ///
    ///     ChurnWindow(gaps: [0, 2, 2, 1, 0, 0, 0, 0, 1], given: nil).periods   // 8 (gaps 1, 1, 2, 2, 3, 8)
    public init(gaps: [Int], given: Int?) {
        let total = gaps.reduce(0, +)
        var periods = 1
        if let given {
            periods = given
        } else if total > 0 {
            var within = 0
            for (gap, count) in gaps.enumerated() {
                within += count
                // At least 90 %: within / total ≥ 9/10, in integers.
                if within * 10 >= total * 9 { periods = max(gap, 1); break }
            }
        }
        let within = gaps.prefix(periods + 1).reduce(0, +)
        self.init(periods: periods, fromData: given == nil, repeatPurchases: total, repeatPurchasesWithin: within)
    }
}
