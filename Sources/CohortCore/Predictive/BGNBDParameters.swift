import Foundation

/// The four parameters of the BG/NBD model (Fader, Hardie & Lee 2005, "Counting your
/// customers the easy way"), and what they predict for one customer. Time is in weeks.
///
/// While alive a customer buys at Poisson rate λ, with λ ~ Gamma(r, α) across customers;
/// after each purchase it drops out with probability p, with p ~ Beta(a, b). A customer is
/// summarised by x (repeat purchases), t_x (time of the last purchase, from the first) and
/// T (time from the first purchase to the as-of date); see METRICS.md, "Predictive CLV".
///
///     let cdnow = BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
///     cdnow.probabilityAlive(x: 2, tx: 30.43, T: 38.86)              // 0.7265…
///     cdnow.expectedPurchases(t: 39, x: 2, tx: 30.43, T: 38.86)      // 1.2260…
public struct BGNBDParameters: Sendable, Codable, Equatable {
    /// Shape of the Gamma distribution of purchase rates.
    public var r: Double
    /// Scale of the Gamma distribution of purchase rates (in weeks: the mean rate is r / α per week).
    public var alpha: Double
    /// First shape of the Beta distribution of drop-out probabilities.
    public var a: Double
    /// Second shape of the Beta distribution of drop-out probabilities.
    public var b: Double

    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
    }

    /// The probability that a customer with this history is still alive at T.
    ///
    ///     P(alive | x, t_x, T) = 1 / (1 + [x > 0] · a / (b + x − 1) · ((α + T) / (α + t_x))^(r + x))
    ///
    /// Evaluated through its log-odds, so it is 0 (not NaN) when the power overflows.
    public func probabilityAlive(x: Int, tx: Double, T: Double) -> Double {
        guard x > 0 else { return 1 }
        let repeats = Double(x)
        let logOdds = log(a) - log(b + repeats - 1) + (r + repeats) * log1p((T - tx) / (alpha + tx))
        return 1 / (1 + exp(logOdds))
    }

    /// Expected repeat purchases in the next t weeks, equation (10) of the paper:
    ///
    ///     E[Y(t) | x, t_x, T] = E[Y(t) | alive, x, T] · P(alive | x, t_x, T)
    ///
    /// where the first factor is `expectedPurchasesIfAlive(t:x:T:)`.
    public func expectedPurchases(t: Double, x: Int, tx: Double, T: Double) -> Double {
        expectedPurchasesIfAlive(t: t, x: x, T: T).value * probabilityAlive(x: x, tx: tx, T: T)
    }

    /// Expected repeat purchases in the next t weeks of a customer alive at T, with how it was computed.
    ///
    ///     E[Y(t) | alive, x, T] = (a + b + x − 1) / (a − 1)
    ///                             · [1 − ((α + T) / (α + T + t))^(r + x) · ₂F₁(r + x, b + x; a + b + x − 1; z)]
    ///     z = t / (α + T + t)
    ///
    /// Here c − a − b of the ₂F₁ is a − 1 − r − x < 0 for most customers, so its Euler
    /// transformation is used; it turns the bracket into
    ///
    ///     1 − (1 − z)^(a − 1) · ₂F₁(a + b − 1 − r, a − 1; a + b + x − 1; z)
    ///
    /// which cannot overflow for any x (the growing factors of the original cancel exactly).
    /// Where that series does not converge (parameters far out, such as r of a million), would
    /// need more than about 10⁵ terms (1 − z < 4·10⁻⁴, a horizon thousands of times α + T) or
    /// a is within 10⁻⁶ of 1 (where the formula is 0 / 0), the same expectation is computed
    /// as the integral it comes from, E over p ~ Beta(a, b + x) of (1 − (1 + p·t / (α + T))^−(r + x)) / p
    /// (see `BGNBDParameters+Quadrature.swift`).
    ///
    /// Complexity: O(terms of the series), usually a few dozen to a few hundred.
    public func expectedPurchasesIfAlive(t: Double, x: Int, T: Double) -> (value: Double, converged: Bool) {
        guard t > 0 else { return (0, true) }
        let repeats = Double(x)
        // 1 − z = (α + T) / (α + T + t); the series needs about 37 / (1 − z) terms, the quadrature a few thousand steps.
        let oneMinusZ = (alpha + T) / (alpha + T + t)
        if abs(a - 1) > 1e-6, oneMinusZ > 4e-4 {
            let z = t / (alpha + T + t)
            let series = Hypergeometric.series(a: a + b - 1 - r, b: a - 1, c: a + b + repeats - 1, z: z)
            if series.converged {
                let logOneMinusZ = -log1p(t / (alpha + T))
                let bracket = 1 - exp((a - 1) * logOneMinusZ) * series.value
                let value = (a + b + repeats - 1) / (a - 1) * bracket
                if value.isFinite, value >= 0 { return (value, true) }
            }
        }
        return expectedPurchasesIfAliveByQuadrature(t: t, x: x, T: T)
    }

    /// One customer's log-likelihood, in the numerically stable form of Hardie's note on the
    /// BG/NBD likelihood:
    ///
    ///     ln L = A₁ + A₂ + ln(e^A₃ + [x > 0] · e^A₄)
    ///     A₁ = ln Γ(r + x) − ln Γ(r) + r ln α
    ///     A₂ = ln Γ(a + b) + ln Γ(b + x) − ln Γ(b) − ln Γ(a + b + x)
    ///     A₃ = −(r + x) ln(α + T)
    ///     A₄ = ln a − ln(b + x − 1) − (r + x) ln(α + t_x)
    ///
    /// with ln(e^A₃ + e^A₄) = max + ln(1 + e^−|A₃ − A₄|).
    public func logLikelihood(x: Int, tx: Double, T: Double) -> Double {
        let repeats = Double(x)
        let a1 = SpecialFunctions.logGamma(r + repeats) - SpecialFunctions.logGamma(r) + r * log(alpha)
        let a2 = SpecialFunctions.logGamma(a + b) + SpecialFunctions.logGamma(b + repeats)
            - SpecialFunctions.logGamma(b) - SpecialFunctions.logGamma(a + b + repeats)
        let a3 = -(r + repeats) * log(alpha + T)
        guard x > 0 else { return a1 + a2 + a3 }
        let a4 = log(a) - log(b + repeats - 1) - (r + repeats) * log(alpha + tx)
        return a1 + a2 + SpecialFunctions.logAddExp(a3, a4)
    }
}
