import Foundation

/// "Nice" tick values for an axis: steps of 1, 2, 2.5 or 5 times a power of ten.
///
///     AxisTicks.nice(from: 0, to: 0.87, count: 5)   // [0, 0.2, 0.4, 0.6, 0.8, 1.0]
enum AxisTicks {
    static func nice(from lower: Double, to upper: Double, count: Int = 5) -> [Double] {
        guard upper > lower, count > 0 else { return [lower] }
        let rough = (upper - lower) / Double(count)
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let first = floor(lower / step) * step
        let last = ceil(upper / step) * step
        var ticks: [Double] = []
        var value = first
        while value <= last + step / 2 {
            ticks.append(abs(value) < step / 1e6 ? 0 : value)
            value += step
        }
        return ticks
    }

    /// Indices of the labels to show when only `room` fit among `count`: 0 and every n-th after it.
    static func thinned(count: Int, room: Int) -> [Int] {
        guard count > 0 else { return [] }
        let step = max(1, Int((Double(count) / Double(max(room, 1))).rounded(.up)))
        return Array(stride(from: 0, to: count, by: step))
    }

    /// Like `thinned`, but counted back from the latest index, which is always labelled
    /// (period axes, where the newest period matters most).
    static func thinnedFromEnd(count: Int, room: Int) -> [Int] {
        guard count > 0 else { return [] }
        let step = max(1, Int((Double(count) / Double(max(room, 1))).rounded(.up)))
        return Array(stride(from: count - 1, through: 0, by: -step).reversed())
    }

    /// Splits sorted indices into runs of consecutive numbers: [0, 1, 2, 5, 6] → [[0, 1, 2], [5, 6]]
    /// (a line is drawn per run, so undefined values leave gaps).
    static func consecutiveRuns(_ indices: [Int]) -> [[Int]] {
        var runs: [[Int]] = []
        for index in indices {
            if let last = runs.last?.last, last + 1 == index { runs[runs.count - 1].append(index) } else { runs.append([index]) }
        }
        return runs
    }
}
