import Foundation

/// The three parameters of the Gamma-Gamma model of order value (Fader & Hardie 2013,
/// "The Gamma-Gamma model of monetary value"), and what they predict for one customer.
///
/// A customer's order values are Gamma(p, ν) around its own mean p / ν, and ν ~ Gamma(q, v)
/// across customers; a repeat buyer is summarised by x (repeat purchases) and m (their mean
/// value, currency units). The population mean order value is p·v / (q − 1), finite for q > 1.
///
///     let cdnow = GammaGammaParameters(p: 6.25, q: 3.74, v: 15.44)
///     cdnow.expectedOrderValue(x: 2, m: 22.35)   // 24.66…: pulled from 22.35 towards the mean 35.22
public struct GammaGammaParameters: Sendable, Codable, Equatable {
    public var p: Double
    public var q: Double
    public var v: Double

    public init(p: Double, q: Double, v: Double) {
        self.p = p
        self.q = q
        self.v = v
    }

    /// The population mean order value p·v / (q − 1) (meaningful for q > 1 only).
    public var populationMean: Double { p * v / (q - 1) }

    /// Expected value of a customer's future orders given its past ones:
    ///
    ///     E[M | x, m] = (1 − w) · p·v / (q − 1) + w · m,   w = p·x / (p·x + q − 1)
    ///
    /// For x = 0 (m unknown) it is the population mean. Meaningful for q > 1 only.
    public func expectedOrderValue(x: Int, m: Double) -> Double {
        guard x > 0 else { return populationMean }
        let weight = p * Double(x) / (p * Double(x) + q - 1)
        return (1 - weight) * populationMean + weight * m
    }

    /// One repeat buyer's log-likelihood (Fader & Hardie 2013, equation 1a, via x and m):
    ///
    ///     ln L = ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln v + (px − 1) ln m + px ln x − (px + q) ln(x·m + v)
    public func logLikelihood(x: Int, m: Double) -> Double {
        let repeats = Double(x)
        let shape = p * repeats
        return SpecialFunctions.logGamma(shape + q) - SpecialFunctions.logGamma(shape) - SpecialFunctions.logGamma(q)
            + q * log(v) + (shape - 1) * log(m) + shape * log(repeats) - (shape + q) * log(repeats * m + v)
    }
}
