import Foundation

/// Predictive customer lifetime value: BG/NBD for how many purchases, Gamma-Gamma for their
/// value, both fitted by maximum likelihood (METRICS.md, "Predictive CLV").
///
///     let result = try PredictiveCLV.fit(summaries, asOfDay: CivilDate(year: 2026, month: 4, day: 30)!.dayNumber)
///     result.predictedCLV[0]   // currency units over the next 52 weeks, or nil without Gamma-Gamma
///
/// Per customer, in weeks: x = purchaseDays − 1, t_x = (lastDay − firstDay) / 7,
/// T = (asOfDay − firstDay) / 7, and for x > 0 m = repeatValue / x in currency units.
///
/// Customers whose first purchase is after the as-of date are left out of both fits; their
/// P(alive) and expected purchases are 0 and their order value and CLV nil (warning
/// `.customersAfterAsOf`). A summary that starts on or before the as-of date but ends after it
/// is an error (it counts orders after the as-of date).
///
/// Complexity: O(n log n) to group (n customers), O(groups) per BG/NBD iteration, O(repeat
/// buyers) per Gamma-Gamma iteration (the two fits run side by side), O(n + distinct (x, T) · series terms) to score.
public enum PredictiveCLV {
    /// A correlation of frequency and order value of larger magnitude is warned about.
    public static let correlationWarningThreshold = 0.3

    public static func fit(_ customers: [PurchaseSummary], asOfDay: Int, horizonWeeks: Double = 52,
                           grossMargin: Double? = nil) throws(PredictiveError) -> PredictiveCLVResult {
        guard horizonWeeks.isFinite, horizonWeeks >= 0 else { throw .invalidHorizon(horizonWeeks) }
        if let grossMargin, !(grossMargin >= 0 && grossMargin <= 1) { throw .invalidGrossMargin(grossMargin) }

        var largestAge = 0, largestRepeats = 0, afterAsOf = 0
        for (index, customer) in customers.enumerated() {
            if let problem = customer.problem(asOfDay: asOfDay) { throw .invalidPurchaseSummary(index: index, problem) }
            guard customer.firstDay <= asOfDay else { afterAsOf += 1; continue }
            largestAge = max(largestAge, asOfDay - customer.firstDay)
            largestRepeats = max(largestRepeats, customer.repeatPurchases)
        }
        let acquired = customers.count - afterAsOf
        guard acquired > 0 else { throw .noCustomers }
        guard largestRepeats > 0 else { throw .noRepeatPurchases }

        // BG/NBD on customers grouped by (x, t_x days, T days).
        var repeats = [Int](), recencyDays = [Int](), ageDays = [Int]()
        repeats.reserveCapacity(acquired); recencyDays.reserveCapacity(acquired); ageDays.reserveCapacity(acquired)
        for customer in customers where customer.firstDay <= asOfDay {
            repeats.append(customer.repeatPurchases)
            recencyDays.append(customer.lastDay - customer.firstDay)
            ageDays.append(asOfDay - customer.firstDay)
        }
        let times = (0 ... largestAge).map { Double($0) / 7 }
        let sample = BGNBDSample(times: times, repeats: repeats, recencyIndex: recencyDays, ageIndex: ageDays, counts: nil)

        // Gamma-Gamma on repeat buyers.
        var buyerRepeats = [Int](), buyerMeans = [Double]()
        for customer in customers where customer.firstDay <= asOfDay && customer.purchaseDays > 1 {
            buyerRepeats.append(customer.repeatPurchases)
            buyerMeans.append(meanValue(customer))
        }
        let fitsValue = buyerRepeats.count >= GammaGammaFit.minimumRepeatBuyers
        let valueSample = fitsValue ? GammaGammaSample(repeats: buyerRepeats, meanValue: buyerMeans) : nil

        // The two fits are independent: each on its own core.
        let fits = ParallelWork.map([0, 1]) { part -> (BGNBDFit?, GammaGammaFit?) in
            part == 0 ? (BGNBDFit.estimate(sample), nil) : (nil, valueSample.map { GammaGammaFit.estimate($0) })
        }
        let bgnbd = fits[0].0!
        var warnings: [PredictiveWarning] = []
        if afterAsOf > 0 { warnings.append(.customersAfterAsOf(afterAsOf)) }
        if !bgnbd.converged { warnings.append(.bgnbdNotConverged(iterations: bgnbd.iterations)) }
        warnings += bgnbd.parametersAtLimit.map { .parameterAtLimit($0.0, value: $0.1) }

        let correlation = pearsonCorrelation(buyerRepeats.map(Double.init), buyerMeans)
        if let correlation, abs(correlation) > correlationWarningThreshold { warnings.append(.frequencyValueCorrelation(correlation)) }
        var gammaGamma: GammaGammaFit? = nil
        if let fit = fits[1].1 {
            if !fit.converged {
                warnings.append(.gammaGammaNotConverged(iterations: fit.iterations))
            } else if !(fit.parameters.q > 1) {
                warnings.append(.gammaGammaQNotAboveOne(q: fit.parameters.q))
            } else {
                gammaGamma = fit
                warnings += fit.parametersAtLimit.map { .parameterAtLimit($0.0, value: $0.1) }
            }
        } else {
            warnings.append(.tooFewRepeatBuyers(buyerRepeats.count))
        }

        // Scoring. E[Y(t) | alive, x, T] depends on x and T only: kept per (x, T days) for small x.
        let parameters = bgnbd.parameters
        let ageSpan = largestAge + 1
        let tabledRepeats = min(largestRepeats + 1, max(1, (1 << 22) / ageSpan))
        var ifAliveTable = [Double](repeating: -1, count: tabledRepeats * ageSpan)
        var imprecise = 0
        var probabilityAlive = [Double](repeating: 0, count: customers.count)
        var expectedPurchases = [Double](repeating: 0, count: customers.count)
        var expectedOrderValue = [Double?](repeating: nil, count: customers.count)
        var predictedCLV = [Double?](repeating: nil, count: customers.count)
        let margin = grossMargin ?? 1
        for (index, customer) in customers.enumerated() where customer.firstDay <= asOfDay {
            let x = customer.repeatPurchases
            let age = asOfDay - customer.firstDay
            let T = Double(age) / 7
            let alive = parameters.probabilityAlive(x: x, tx: Double(customer.lastDay - customer.firstDay) / 7, T: T)
            var ifAlive: Double
            if x < tabledRepeats, ifAliveTable[x * ageSpan + age] >= 0 {
                ifAlive = ifAliveTable[x * ageSpan + age]
            } else {
                let computed = parameters.expectedPurchasesIfAlive(t: horizonWeeks, x: x, T: T)
                ifAlive = computed.value
                if !computed.converged { imprecise += 1 }
                if x < tabledRepeats { ifAliveTable[x * ageSpan + age] = ifAlive }
            }
            probabilityAlive[index] = alive
            expectedPurchases[index] = ifAlive * alive
            if let gammaGamma {
                let value = gammaGamma.parameters.expectedOrderValue(x: x, m: x > 0 ? meanValue(customer) : 0)
                expectedOrderValue[index] = value
                predictedCLV[index] = expectedPurchases[index] * value * margin
            }
        }
        if imprecise > 0 { warnings.append(.expectedPurchasesImprecise(customers: imprecise)) }

        return PredictiveCLVResult(asOfDay: asOfDay, horizonWeeks: horizonWeeks, grossMargin: grossMargin, bgnbd: bgnbd,
                                   gammaGamma: gammaGamma, repeatBuyers: buyerRepeats.count,
                                   frequencyValueCorrelation: correlation, customersAfterAsOf: afterAsOf, warnings: warnings,
                                   probabilityAlive: probabilityAlive, expectedPurchases: expectedPurchases,
                                   expectedOrderValue: expectedOrderValue, predictedCLV: predictedCLV)
    }

    /// m: the mean daily total of the repeat purchase days, currency units.
    private static func meanValue(_ customer: PurchaseSummary) -> Double {
        Double(customer.repeatValue) / Double(Money.minorUnitsPerUnit) / Double(customer.repeatPurchases)
    }

    /// Pearson's r, or nil with fewer than two pairs or when either side does not vary.
    static func pearsonCorrelation(_ first: [Double], _ second: [Double]) -> Double? {
        let count = Double(first.count)
        guard first.count >= 2 else { return nil }
        let meanFirst = first.reduce(0, +) / count, meanSecond = second.reduce(0, +) / count
        var covariance = 0.0, varianceFirst = 0.0, varianceSecond = 0.0
        for index in first.indices {
            let u = first[index] - meanFirst, v = second[index] - meanSecond
            covariance += u * v
            varianceFirst += u * u
            varianceSecond += v * v
        }
        guard varianceFirst > 0, varianceSecond > 0 else { return nil }
        return min(1, max(-1, covariance / (varianceFirst * varianceSecond).squareRoot()))
    }
}
