/// Each analysed customer's purchase days (METRICS.md, "Customers to act on" and "Predictive
/// CLV"): positive orders summed per calendar day, from its first purchase to the as-of date.
///
/// Per customer: the first and last purchase day, how many days it bought on, the sum of the
/// daily totals after the first day (for Gamma-Gamma's m), and the median gap in days between
/// consecutive purchase days (nil with fewer than 3 purchase days); and over all customers, how
/// many repeat purchases came after each gap (`gapCounts[g]`), for the median over everyone.
struct CustomerPurchases {
    var firstDay: [Int32] = []
    var lastDay: [Int32] = []
    var purchaseDays: [Int32] = []
    /// Minor units.
    var repeatValue: [Int64] = []
    /// Days; nil with fewer than 3 purchase days.
    var medianGap: [Double?] = []
    /// `gapCounts[g]`: repeat purchases g days after the purchase day before, over every customer.
    var gapCounts: [Int] = []
    /// Room for one customer's gaps, reused.
    private var gaps: [Int] = []

    init(capacity: Int = 0) {
        firstDay.reserveCapacity(capacity)
        lastDay.reserveCapacity(capacity)
        purchaseDays.reserveCapacity(capacity)
        repeatValue.reserveCapacity(capacity)
        medianGap.reserveCapacity(capacity)
    }

    var count: Int { firstDay.count }

    /// Appends a customer from its purchase days (at least one, first day first).
    mutating func append(_ days: [(day: Int32, total: Int64)]) {
        firstDay.append(days[0].day)
        lastDay.append(days[days.count - 1].day)
        purchaseDays.append(Int32(days.count))
        var repeats: Int64 = 0
        for index in days.indices.dropFirst() { repeats += days[index].total }
        repeatValue.append(repeats)
        gaps.removeAll(keepingCapacity: true)
        for index in days.indices.dropFirst() {
            let gap = Int(days[index].day - days[index - 1].day)
            gaps.append(gap)
            if gap >= gapCounts.count { gapCounts.append(contentsOf: repeatElement(0, count: gap + 1 - gapCounts.count)) }
            gapCounts[gap] += 1
        }
        medianGap.append(days.count >= 3 ? Self.median(of: &gaps) : nil)
    }

    /// Appends another part's customers after these.
    mutating func append(_ other: CustomerPurchases) {
        firstDay += other.firstDay
        lastDay += other.lastDay
        purchaseDays += other.purchaseDays
        repeatValue += other.repeatValue
        medianGap += other.medianGap
        if other.gapCounts.count > gapCounts.count { gapCounts.append(contentsOf: repeatElement(0, count: other.gapCounts.count - gapCounts.count)) }
        for gap in other.gapCounts.indices { gapCounts[gap] += other.gapCounts[gap] }
    }

    /// The median gap in days over every customer's repeat purchases; nil without one.
    var medianGapOverAll: Double? {
        let total = gapCounts.reduce(0, +)
        guard total > 0 else { return nil }
        // The median of a sorted list of `total` values: the middle one, or the mean of the two middle ones.
        func value(at rank: Int) -> Int {
            var seen = 0
            for (gap, count) in gapCounts.enumerated() {
                seen += count
                if seen > rank { return gap }
            }
            return gapCounts.count - 1
        }
        return total % 2 == 1 ? Double(value(at: total / 2)) : Double(value(at: total / 2 - 1) + value(at: total / 2)) / 2
    }

    /// The median of a few values (sorted in place).
    static func median(of values: inout [Int]) -> Double {
        values.sort()
        let middle = values.count / 2
        return values.count % 2 == 1 ? Double(values[middle]) : Double(values[middle - 1] + values[middle]) / 2
    }
}
