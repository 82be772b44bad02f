import Foundation

/// The customers of a BG/NBD fit, grouped by equal (x, t_x, T), and the log-likelihood of the
/// whole sample with its gradient.
///
/// Times are indices into `times` (distinct values in weeks), so ln(α + t) and 1 / (α + t) are
/// computed once per distinct time and evaluation, and the terms that depend on x alone
/// (the ln Γ and ψ of A₁ and A₂) once per distinct x. What is left per group is one exp and one
/// log1p. Customers without a repeat purchase need no group of their own: their log-likelihood
/// is r ln α − r ln(α + T), summed per distinct T.
///
/// Complexity of `negativeMeanLogLikelihood`: O(groups + distinct times + distinct x).
struct BGNBDSample {
    /// Distinct times in weeks.
    var times: [Double]
    /// Customers without a repeat purchase: T index and how many.
    var singleAge: [Int32] = []
    var singleWeight: [Double] = []
    /// Groups of repeat buyers, sorted by x: x, t_x index, T index, how many.
    var repeatCount: [Int32] = []
    var recency: [Int32] = []
    var age: [Int32] = []
    var weight: [Double] = []
    /// Distinct x > 0 and where their groups start in the arrays above (with a final end index).
    var distinctRepeats: [Int] = []
    var segmentStart: [Int] = []

    var customers: Int = 0
    var repeatBuyers: Int = 0
    var groups: Int { singleAge.count + repeatCount.count }

    /// Groups customers given as x, t_x index and T index into `times`, each with a count.
    ///
    /// The three are packed into one integer key, sorted and run-length counted.
    /// Complexity: O(n log n).
    init(times: [Double], repeats: [Int], recencyIndex: [Int], ageIndex: [Int], counts: [Int]?) {
        self.times = times
        let bitsForTime = max(1, Int.bitWidth - (times.count).leadingZeroBitCount)
        let largestRepeat = repeats.max() ?? 0
        let bitsForRepeats = max(1, Int.bitWidth - largestRepeat.leadingZeroBitCount)
        precondition(bitsForRepeats + 2 * bitsForTime <= 64, "too many distinct times to group")
        var keys = [UInt64](repeating: 0, count: repeats.count)
        for index in repeats.indices {
            keys[index] = UInt64(repeats[index]) << UInt64(2 * bitsForTime)
                | UInt64(ageIndex[index]) << UInt64(bitsForTime) | UInt64(recencyIndex[index])
        }
        var sortedCounts: [Int]? = nil
        if let counts {
            let order = keys.indices.sorted { keys[$0] < keys[$1] }
            keys = order.map { keys[$0] }
            sortedCounts = order.map { counts[$0] }
        } else {
            keys.sort()
        }
        let timeMask = (UInt64(1) << UInt64(bitsForTime)) - 1
        var position = 0
        while position < keys.count {
            let key = keys[position]
            var total = 0
            while position < keys.count, keys[position] == key {
                total += sortedCounts?[position] ?? 1
                position += 1
            }
            let x = Int(key >> UInt64(2 * bitsForTime))
            let ageOf = Int32(truncatingIfNeeded: (key >> UInt64(bitsForTime)) & timeMask)
            let recencyOf = Int32(truncatingIfNeeded: key & timeMask)
            customers += total
            if x == 0 {
                singleAge.append(ageOf)
                singleWeight.append(Double(total))
            } else {
                repeatBuyers += total
                if distinctRepeats.last != x {
                    distinctRepeats.append(x)
                    segmentStart.append(repeatCount.count)
                }
                repeatCount.append(Int32(x))
                recency.append(recencyOf)
                age.append(ageOf)
                weight.append(Double(total))
            }
        }
        segmentStart.append(repeatCount.count)
    }

    /// Every `step`-th group, of the customers without a repeat purchase and of the repeat buyers:
    /// a cheap preview of the likelihood for a warm start.
    func thinned(every step: Int) -> BGNBDSample {
        let step = max(1, step)
        var thin = self
        thin.singleAge = []; thin.singleWeight = []
        thin.repeatCount = []; thin.recency = []; thin.age = []; thin.weight = []
        thin.distinctRepeats = []; thin.segmentStart = []
        thin.customers = 0; thin.repeatBuyers = 0
        for index in stride(from: 0, to: singleAge.count, by: step) {
            thin.singleAge.append(singleAge[index])
            thin.singleWeight.append(singleWeight[index])
            thin.customers += Int(singleWeight[index])
        }
        for index in stride(from: 0, to: repeatCount.count, by: step) {
            let x = Int(repeatCount[index])
            if thin.distinctRepeats.last != x {
                thin.distinctRepeats.append(x)
                thin.segmentStart.append(thin.repeatCount.count)
            }
            thin.repeatCount.append(repeatCount[index])
            thin.recency.append(recency[index])
            thin.age.append(age[index])
            thin.weight.append(weight[index])
            thin.customers += Int(weight[index])
            thin.repeatBuyers += Int(weight[index])
        }
        thin.segmentStart.append(thin.repeatCount.count)
        return thin
    }

    /// −(1 / customers) Σ weight · ln L at θ = (ln r, ln α, ln a, ln b), and its gradient in θ.
    ///
    /// With π = e^A₄ / (e^A₃ + e^A₄) (the weight of "dropped out after the last purchase"):
    ///
    ///     ∂ ln L / ∂r = ψ(r + x) − ψ(r) + ln α − (1 − π) ln(α + T) − π ln(α + t_x)
    ///     ∂ ln L / ∂α = r / α − (r + x) ((1 − π) / (α + T) + π / (α + t_x))
    ///     ∂ ln L / ∂a = ψ(a + b) − ψ(a + b + x) + π / a
    ///     ∂ ln L / ∂b = ψ(a + b) + ψ(b + x) − ψ(b) − ψ(a + b + x) − π / (b + x − 1)
    func negativeMeanLogLikelihood(_ logParameters: [Double], gradient: inout [Double]) -> Double {
        let parameters = LogParameterMinimizer.clamped(logParameters).map(exp)
        let (r, alpha, a, b) = (parameters[0], parameters[1], parameters[2], parameters[3])
        let logAlpha = log(alpha)
        var logTime = [Double](repeating: 0, count: times.count)
        var inverseTime = [Double](repeating: 0, count: times.count)
        for index in times.indices {
            let shifted = alpha + times[index]
            logTime[index] = log(shifted)
            inverseTime[index] = 1 / shifted
        }

        var total = 0.0
        var dr = 0.0, dAlpha = 0.0, da = 0.0, db = 0.0
        // No repeat purchase: ln L = r ln α − r ln(α + T).
        var singles = 0.0, singleLog = 0.0, singleInverse = 0.0
        for index in singleAge.indices {
            let w = singleWeight[index]
            let t = Int(singleAge[index])
            singles += w
            singleLog += w * logTime[t]
            singleInverse += w * inverseTime[t]
        }
        total += singles * r * logAlpha - r * singleLog
        dr += singles * logAlpha - singleLog
        dAlpha += singles * r / alpha - r * singleInverse

        let constants = RepeatConstants(r: r, alpha: alpha, a: a, b: b, logAlpha: logAlpha)
        let singleTerms = RepeatTerms(total: total, dr: dr, dAlpha: dAlpha, da: da, db: db)
        let terms = repeatTerms(constants, adding: singleTerms, logTime: logTime, inverseTime: inverseTime)
        (total, dr, dAlpha, da, db) = (terms.total, terms.dr, terms.dAlpha, terms.da, terms.db)
        let scale = -1 / Double(customers)
        let partials = [dr * r, dAlpha * alpha, da * a, db * b]
        for index in 0 ..< 4 {
            let inside = abs(logParameters[index]) < LogParameterMinimizer.logLimit
            gradient[index] = inside ? scale * partials[index] : 0
        }
        return scale * total
    }

    /// The parameters and what each evaluation derives from them once, for the repeat buyers' terms.
    private struct RepeatConstants {
        let r: Double, alpha: Double, a: Double, b: Double, logAlpha: Double
        let logGammaR: Double, digammaR: Double, logGammaB: Double, digammaB: Double, logGammaAB: Double, digammaAB: Double, logA: Double

        init(r: Double, alpha: Double, a: Double, b: Double, logAlpha: Double) {
            (self.r, self.alpha, self.a, self.b, self.logAlpha) = (r, alpha, a, b, logAlpha)
            (logGammaR, digammaR) = (SpecialFunctions.logGamma(r), SpecialFunctions.digamma(r))
            (logGammaB, digammaB) = (SpecialFunctions.logGamma(b), SpecialFunctions.digamma(b))
            (logGammaAB, digammaAB) = (SpecialFunctions.logGamma(a + b), SpecialFunctions.digamma(a + b))
            logA = log(a)
        }
    }

    /// The repeat buyers' share of ln L and of its partial derivatives in r, α, a and b.
    private struct RepeatTerms {
        var total = 0.0, dr = 0.0, dAlpha = 0.0, da = 0.0, db = 0.0

        static func + (left: RepeatTerms, right: RepeatTerms) -> RepeatTerms {
            RepeatTerms(total: left.total + right.total, dr: left.dr + right.dr, dAlpha: left.dAlpha + right.dAlpha,
                        da: left.da + right.da, db: left.db + right.db)
        }
    }

    /// Groups from which the repeat buyers' terms are summed in parts, one per core at a time: below,
    /// one part (a thread would cost more than it saves).
    static let partedFromGroups = ParallelWork.minimumItemsPerPart
    /// Parts of about equal groups, summed in order (`ParallelWork.fixedParts`).
    static let parts = ParallelWork.fixedParts

    /// `start` plus the repeat buyers' terms: over all distinct x at once for a small sample (added
    /// to `start` one by one, as always), else in `parts` stretches of distinct x of about equal
    /// groups, side by side, added in order.
    private func repeatTerms(_ constants: RepeatConstants, adding start: RepeatTerms, logTime: [Double], inverseTime: [Double]) -> RepeatTerms {
        guard repeatCount.count >= Self.partedFromGroups else {
            return repeatTerms(distinctRepeats.indices, constants, adding: start, logTime: logTime, inverseTime: inverseTime)
        }
        // Where each part starts among the distinct x: at the first x whose groups reach its share.
        var bounds = [0]
        for segment in distinctRepeats.indices.dropFirst() where segmentStart[segment] * Self.parts >= bounds.count * repeatCount.count {
            bounds.append(segment)
        }
        bounds.append(distinctRepeats.count)
        return ParallelWork.map(Array(bounds.indices.dropLast())) { part in
            repeatTerms(bounds[part] ..< bounds[part + 1], constants, adding: RepeatTerms(), logTime: logTime, inverseTime: inverseTime)
        }.reduce(start, +)
    }

    /// `start` plus the repeat buyers' terms of the groups of distinct x `segments`.
    private func repeatTerms(_ segments: Range<Int>, _ constants: RepeatConstants, adding start: RepeatTerms,
                             logTime: [Double], inverseTime: [Double]) -> RepeatTerms {
        let (r, alpha, a, b, logAlpha) = (constants.r, constants.alpha, constants.a, constants.b, constants.logAlpha)
        var terms = start
        logTime.withUnsafeBufferPointer { logTime in
            inverseTime.withUnsafeBufferPointer { inverseTime in
                for segment in segments {
                    let x = Double(distinctRepeats[segment])
                    let power = r + x
                    let dropout = constants.logA - log(b + x - 1)
                    var weights = 0.0, sum = 0.0, dropped = 0.0, logMix = 0.0, inverseMix = 0.0
                    for index in segmentStart[segment] ..< segmentStart[segment + 1] {
                        let w = weight[index]
                        let logAge = logTime[Int(age[index])], logRecency = logTime[Int(recency[index])]
                        let a3 = -power * logAge
                        let a4 = dropout - power * logRecency
                        let difference = a4 - a3
                        let e = exp(-abs(difference))
                        let share = difference >= 0 ? 1 / (1 + e) : e / (1 + e)
                        weights += w
                        sum += w * (max(a3, a4) + log1p(e))
                        dropped += w * share
                        logMix += w * ((1 - share) * logAge + share * logRecency)
                        inverseMix += w * ((1 - share) * inverseTime[Int(age[index])] + share * inverseTime[Int(recency[index])])
                    }
                    let constant = SpecialFunctions.logGamma(power) - constants.logGammaR + r * logAlpha
                        + constants.logGammaAB + SpecialFunctions.logGamma(b + x) - constants.logGammaB - SpecialFunctions.logGamma(a + b + x)
                    terms.total += weights * constant + sum
                    let digammaABX = SpecialFunctions.digamma(a + b + x)
                    terms.dr += weights * (SpecialFunctions.digamma(power) - constants.digammaR + logAlpha) - logMix
                    terms.dAlpha += weights * r / alpha - power * inverseMix
                    terms.da += weights * (constants.digammaAB - digammaABX) + dropped / a
                    terms.db += weights * (constants.digammaAB + SpecialFunctions.digamma(b + x) - constants.digammaB - digammaABX) - dropped / (b + x - 1)
                }
            }
        }
        return terms
    }
}
