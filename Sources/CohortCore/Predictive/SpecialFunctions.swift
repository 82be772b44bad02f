import Foundation

/// The special functions the predictive models need: ln Γ and the digamma function ψ.
///
/// Both are defined here for positive arguments only, which is all the models use
/// (their arguments are sums of positive parameters and counts).
enum SpecialFunctions {
    /// ln Γ(x) for x > 0, through the C library's reentrant `lgamma_r` (the plain `lgamma`
    /// writes the global `signgam`, a data race when tests or scoring run on several threads).
    @inline(__always)
    static func logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }

    /// ψ(x) = d/dx ln Γ(x) for x > 0.
    ///
    /// The recurrence ψ(x) = ψ(x + 1) − 1/x lifts x to at least 10, where the asymptotic series
    /// ψ(x) ≈ ln x − 1/(2x) − Σ B₂ₖ / (2k x²ᵏ) (k = 1 … 6) is accurate to a few ulps.
    ///
    /// Complexity: O(1) (at most ten steps of the recurrence).
    static func digamma(_ x: Double) -> Double {
        var x = x
        var shift = 0.0
        while x < 10 {
            shift -= 1 / x
            x += 1
        }
        let inverseSquare = 1 / (x * x)
        // B₂ₖ / 2k for k = 1 … 6: 1/12, −1/120, 1/252, −1/240, 1/132, −691/32760.
        let series = inverseSquare * (1.0 / 12 - inverseSquare * (1.0 / 120 - inverseSquare * (1.0 / 252
            - inverseSquare * (1.0 / 240 - inverseSquare * (1.0 / 132 - inverseSquare * 691.0 / 32760)))))
        return shift + log(x) - 0.5 / x - series
    }

    /// ln(eᵘ + eᵛ) without overflow: max(u, v) + ln(1 + e^−|u − v|).
    @inline(__always)
    static func logAddExp(_ u: Double, _ v: Double) -> Double {
        let high = max(u, v)
        guard high > -.infinity else { return -.infinity }
        return high + log1p(exp(-abs(u - v)))
    }

    /// ln(1 + eᶻ) without overflow.
    @inline(__always)
    static func softplus(_ z: Double) -> Double {
        max(z, 0) + log1p(exp(-abs(z)))
    }
}
