import Foundation

/// A share of a group with its 95 % Wilson score interval (METRICS.md: rates of segments and of
/// NPS groups carry one, so that a difference resting on a dozen customers is not read as a finding).
///
/// Wilson's interval stays inside [0, 1] and is sensible for 0 or all of a small group, where the
/// normal approximation p ± z·√(p(1−p)/n) is not:
///
///     centre = (p + z²/2n) / (1 + z²/n),  half width = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²)
///
///     Proportion(3, of: 10).low      // 0.1078…
///     Proportion(0, of: 0).value     // nil
public struct Proportion: Sendable, Codable, Equatable {
    public var count: Int
    public var total: Int

    /// z for a two-sided 95 % interval.
    public static let z95 = 1.959963984540054

    public init(_ count: Int, of total: Int) {
        precondition(count >= 0 && count <= total, "a share of a group is between none and all")
        self.count = count
        self.total = total
    }

    /// count / total; nil for an empty group.
    public var value: Double? { total == 0 ? nil : Double(count) / Double(total) }

    /// The lower end of the 95 % Wilson interval; nil for an empty group.
    public var low: Double? { interval?.low }
    /// The upper end of the 95 % Wilson interval; nil for an empty group.
    public var high: Double? { interval?.high }

    /// The 95 % Wilson interval, clamped to [0, 1] against rounding; nil for an empty group.
    public var interval: (low: Double, high: Double)? {
        guard total > 0 else { return nil }
        let n = Double(total), p = Double(count) / n, z = Self.z95, z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return (max(0, centre - half), min(1, centre + half))
    }

    /// True when the two 95 % intervals do not overlap: the difference may be read as a finding.
    public func differs(from other: Proportion) -> Bool {
        guard let mine = interval, let theirs = other.interval else { return false }
        return mine.high < theirs.low || theirs.high < mine.low
    }

    private enum CodingKeys: String, CodingKey { case count, total }
}
