/// The distribution of customers' acquisition months: steady growth with noise and seasonality.
///
/// Each customer draws its acquisition month independently from this curve, so any prefix of
/// the customer list (as used when generating a fixed number of rows) is spread over all months.
struct AcquisitionCurve {
    /// Normalized cumulative weight of each month; the last entry is exactly 1.
    let cumulativeWeights: [Double]

    /// Builds the curve for the months of `calendar`, drawing growth and noise from `seed`.
    init(calendar: CalendarTable, seed: UInt64) {
        var rng = SplitMix64(seed: seed, stream: AcquisitionCurve.stream)
        var level = 1.0
        var weights: [Double] = []
        weights.reserveCapacity(calendar.monthCount)
        for month in 0..<calendar.monthCount {
            let seasonal = SampleModel.acquisitionSeasonality[calendar.calendarMonths[month]]
            let noise = DeterministicMath.exp(0.07 * rng.nextNormal())
            weights.append(level * seasonal * noise)
            let growth = SampleModel.acquisitionGrowth
            level *= 1.0 + rng.nextDouble(from: growth.lowerBound, to: growth.upperBound)
        }
        cumulativeWeights = SampleModel.cumulative(weights)
    }

    /// The random stream reserved for the curve (customer streams use their index instead).
    private static let stream: UInt64 = .max

    /// Draws one acquisition month index (0-based) from the curve.
    func sampleMonth(using rng: inout SplitMix64) -> Int {
        let draw = rng.nextDouble()
        var low = 0
        var high = cumulativeWeights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if draw < cumulativeWeights[middle] {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }
}
