import Foundation

/// A Gamma-Gamma model fitted by maximum likelihood over repeat buyers.
///
///     let fit = try GammaGammaFit.estimate(x: [2, 1, 5], m: [22.35, 11.77, 40.1])
///
/// Σ ln L (`GammaGammaParameters.logLikelihood`) is maximised over ln p, ln q, ln v by
/// `LogParameterMinimizer` (BFGS, analytic gradient), from p = 1, q = 2, v = mean m (the
/// population mean then equals the mean of m) and, when that does not converge, from
/// p = q = v = e^0.1. The fit does not require q > 1; whoever uses it checks `q`.
///
/// Complexity: O(buyers) per iteration.
public struct GammaGammaFit: Sendable, Codable, Equatable {
    /// Fewer repeat buyers than this are not fitted (three parameters need some data).
    public static let minimumRepeatBuyers = 10

    public var parameters: GammaGammaParameters
    /// Σ ln L at the parameters, order values in currency units.
    public var logLikelihood: Double
    /// Repeat buyers in the fit.
    public var customers: Int
    public var iterations: Int
    public var converged: Bool

    public init(parameters: GammaGammaParameters, logLikelihood: Double, customers: Int, iterations: Int, converged: Bool) {
        self.parameters = parameters
        self.logLikelihood = logLikelihood
        self.customers = customers
        self.iterations = iterations
        self.converged = converged
    }

    /// Fits repeat buyers given as x ≥ 1 and mean order value m > 0 (currency units).
    ///
    /// Throws `.invalidPattern` for x < 1, `.invalidOrderValue` for m not positive and finite,
    /// and `.noRepeatPurchases` for no buyer.
    public static func estimate(x: [Int], m: [Double]) throws(PredictiveError) -> GammaGammaFit {
        precondition(x.count == m.count, "columns of unequal length")
        for index in x.indices {
            guard x[index] >= 1 else { throw .invalidPattern(index: index) }
            guard m[index].isFinite, m[index] > 0 else { throw .invalidOrderValue(index: index) }
        }
        guard !x.isEmpty else { throw .noRepeatPurchases }
        return estimate(GammaGammaSample(repeats: x, meanValue: m))
    }

    static func estimate(_ sample: GammaGammaSample) -> GammaGammaFit {
        let totalRepeats = sample.repeats.reduce(0, +)
        let meanValue = sample.totalValue.reduce(0, +) / totalRepeats
        let starts: [[Double]] = [[0, log(2), log(meanValue)], [0.1, 0.1, 0.1]]
        let minimizer = LogParameterMinimizer()
        let previewSize = BGNBDFit.previewGroups
        let preview = sample.buyers > previewSize ? sample.thinned(every: sample.buyers / previewSize) : nil
        var best: LogParameterMinimizer.Outcome? = nil
        for start in starts {
            let outcome = minimizer.minimize(from: start, preview: preview?.negativeMeanLogLikelihood, sample.negativeMeanLogLikelihood)
            if best == nil || (outcome.converged && !best!.converged)
                || (outcome.converged == best!.converged && outcome.value < best!.value) {
                best = outcome
            }
            if outcome.converged { break }
        }
        let outcome = best!
        let values = LogParameterMinimizer.clamped(outcome.logParameters).map(exp)
        return GammaGammaFit(parameters: GammaGammaParameters(p: values[0], q: values[1], v: values[2]),
                             logLikelihood: -outcome.value * Double(sample.buyers), customers: sample.buyers,
                             iterations: outcome.iterations, converged: outcome.converged)
    }

    /// The parameters outside `ModelParameter.plausibleRange`.
    public var parametersAtLimit: [(ModelParameter, Double)] {
        [(.p, parameters.p), (.q, parameters.q), (.v, parameters.v)]
            .filter { !ModelParameter.plausibleRange.contains($0.1) }
    }
}
