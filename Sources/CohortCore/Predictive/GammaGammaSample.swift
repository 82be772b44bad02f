import Foundation

/// The repeat buyers of a Gamma-Gamma fit and the log-likelihood of all of them with its gradient.
///
/// The terms in x alone (ln Γ, ψ) are computed once per distinct x, the terms in ln m and ln x
/// are sums fixed before the fit; what is left per buyer is ln(x·m + v) and 1 / (x·m + v).
///
/// Complexity of `negativeMeanLogLikelihood`: O(buyers + distinct x).
struct GammaGammaSample {
    /// x·m for every buyer (the total value of its repeat purchases) and its x.
    var totalValue: [Double] = []
    var repeats: [Double] = []
    /// Distinct x and how many buyers have each.
    var distinctRepeats: [Double] = []
    var buyersWithRepeats: [Double] = []
    /// Σ ln m, Σ x ln m, Σ x ln x.
    var sumLogMean = 0.0
    var sumRepeatsLogMean = 0.0
    var sumRepeatsLogRepeats = 0.0

    var buyers: Int { totalValue.count }

    init(repeats x: [Int], meanValue m: [Double]) {
        var countByRepeats: [Int: Int] = [:]
        for index in x.indices {
            let repeats = Double(x[index])
            totalValue.append(repeats * m[index])
            self.repeats.append(repeats)
            countByRepeats[x[index], default: 0] += 1
            sumLogMean += log(m[index])
            sumRepeatsLogMean += repeats * log(m[index])
            sumRepeatsLogRepeats += repeats * log(repeats)
        }
        for (value, count) in countByRepeats.sorted(by: { $0.key < $1.key }) {
            distinctRepeats.append(Double(value))
            buyersWithRepeats.append(Double(count))
        }
    }

    /// Every `step`-th buyer: a cheap preview of the likelihood for a warm start.
    func thinned(every step: Int) -> GammaGammaSample {
        let picked = Array(stride(from: 0, to: buyers, by: max(1, step)))
        return GammaGammaSample(repeats: picked.map { Int(repeats[$0]) }, meanValue: picked.map { totalValue[$0] / repeats[$0] })
    }

    /// −(1 / buyers) Σ ln L at θ = (ln p, ln q, ln v), and its gradient in θ:
    ///
    ///     ∂ ln L / ∂p = x (ψ(px + q) − ψ(px) + ln m + ln x − ln(x·m + v))
    ///     ∂ ln L / ∂q = ψ(px + q) − ψ(q) + ln v − ln(x·m + v)
    ///     ∂ ln L / ∂v = q / v − (px + q) / (x·m + v)
    func negativeMeanLogLikelihood(_ logParameters: [Double], gradient: inout [Double]) -> Double {
        let parameters = LogParameterMinimizer.clamped(logParameters).map(exp)
        let (p, q, v) = (parameters[0], parameters[1], parameters[2])
        let count = Double(buyers)
        let (sumLog, sumRepeatsLog, sumInverse, sumRepeatsInverse) = buyerSums(v: v).values
        var total = -count * SpecialFunctions.logGamma(q) + count * q * log(v) + p * sumRepeatsLogMean - sumLogMean
            + p * sumRepeatsLogRepeats - p * sumRepeatsLog - q * sumLog
        var dp = sumRepeatsLogMean + sumRepeatsLogRepeats - sumRepeatsLog
        var dq = -count * SpecialFunctions.digamma(q) + count * log(v) - sumLog
        let dv = count * q / v - p * sumRepeatsInverse - q * sumInverse
        for index in distinctRepeats.indices {
            let x = distinctRepeats[index], n = buyersWithRepeats[index]
            let shape = p * x
            total += n * (SpecialFunctions.logGamma(shape + q) - SpecialFunctions.logGamma(shape))
            let digammaSum = SpecialFunctions.digamma(shape + q)
            dp += n * x * (digammaSum - SpecialFunctions.digamma(shape))
            dq += n * digammaSum
        }
        let scale = -1 / count
        let partials = [dp * p, dq * q, dv * v]
        for index in 0 ..< 3 {
            let inside = abs(logParameters[index]) < LogParameterMinimizer.logLimit
            gradient[index] = inside ? scale * partials[index] : 0
        }
        return scale * total
    }

    /// Σ ln(x·m + v), Σ x ln(x·m + v), Σ 1 / (x·m + v) and Σ x / (x·m + v) over some buyers.
    private struct BuyerSums {
        var log = 0.0, repeatsLog = 0.0, inverse = 0.0, repeatsInverse = 0.0

        var values: (Double, Double, Double, Double) { (log, repeatsLog, inverse, repeatsInverse) }

        static func + (left: BuyerSums, right: BuyerSums) -> BuyerSums {
            BuyerSums(log: left.log + right.log, repeatsLog: left.repeatsLog + right.repeatsLog, inverse: left.inverse + right.inverse,
                      repeatsInverse: left.repeatsInverse + right.repeatsInverse)
        }
    }

    /// Buyers from which their sums are made in parts, one per core at a time: below, one part (a
    /// thread would cost more than it saves).
    static let partedFromBuyers = ParallelWork.minimumItemsPerPart

    /// The buyers' sums at `v`: in one pass for a small sample, else in `ParallelWork.fixedParts`
    /// stretches side by side, added in order.
    private func buyerSums(v: Double) -> BuyerSums {
        guard buyers >= Self.partedFromBuyers else { return buyerSums(0 ..< buyers, v: v) }
        return ParallelWork.map(ParallelWork.ranges(buyers, parts: ParallelWork.fixedParts)) { buyerSums($0, v: v) }.reduce(BuyerSums(), +)
    }

    private func buyerSums(_ range: Range<Int>, v: Double) -> BuyerSums {
        var sums = BuyerSums()
        totalValue.withUnsafeBufferPointer { totalValue in
            repeats.withUnsafeBufferPointer { repeats in
                for index in range {
                    let shifted = totalValue[index] + v
                    let logShifted = log(shifted)
                    let inverse = 1 / shifted
                    sums.log += logShifted
                    sums.repeatsLog += repeats[index] * logShifted
                    sums.inverse += inverse
                    sums.repeatsInverse += repeats[index] * inverse
                }
            }
        }
        return sums
    }
}
