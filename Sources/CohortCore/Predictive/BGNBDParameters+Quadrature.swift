import Foundation

extension BGNBDParameters {
    /// E[Y(t) | alive, x, T] as the integral that equation (10) solves in closed form:
    ///
    ///     E[Y(t) | alive, x, T] = ∫₀¹ (1 − (1 + p·u)^−k) / p · Beta(p; a, β) dp,
    ///     u = t / (α + T),  k = r + x,  β = b + x
    ///
    /// (alive, a customer buys (1 − e^(−λ p t)) / p times in t; given its history λ ~ Gamma(r + x, α + T)
    /// and p ~ Beta(a, b + x), and averaging over λ gives the power). The integrand is bounded
    /// (it tends to k·u as p → 0), so the integral exists for every a > 0, a = 1 included.
    ///
    /// For a concentrated Beta (a·β / (a + β) above `gaussHermitePrecision`), 20 Gauss–Hermite points
    /// in the logit y = ln(p / (1 − p)) around its mode (`expectedPurchasesIfAliveByGaussHermite`).
    /// Else double-exponential quadrature in y: y = y* + w · sinh(s), with y* the mode of the Beta
    /// density in y, ln(a / β), and w about two of its standard deviations (at most π), summed by
    /// the trapezoidal rule in s, halving the step until two sums agree to 10⁻¹¹.
    ///
    /// Complexity: 20 evaluations of the integrand, or a few hundred to a few thousand.
    func expectedPurchasesIfAliveByQuadrature(t: Double, x: Int, T: Double) -> (value: Double, converged: Bool) {
        let shape = a, beta = b + Double(x)
        if shape * beta / (shape + beta) > Self.gaussHermitePrecision {
            return (expectedPurchasesIfAliveByGaussHermite(t: t, x: x, T: T), true)
        }
        return expectedPurchasesIfAliveByDoubleExponential(t: t, x: x, T: T)
    }

    /// Above this concentration of p ~ Beta(a, b + x) (a·β / (a + β), the inverse variance of its
    /// logit) the Beta is so close to normal in the logit that 20 Gauss–Hermite points give the
    /// integral to 10⁻¹² (tested against mpmath from 143 on). A fit whose a and b run off together
    /// (customers who all seem to drop out alike) gives values of 10⁶ and more, where the
    /// double-exponential rule needs thousands of steps per customer to resolve a peak that narrow.
    static let gaussHermitePrecision = 100.0

    /// E[Y(t) | alive, x, T] by 20-point Gauss–Hermite quadrature in the logit y of p, around the
    /// mode y* = ln(a / β) of the Beta density in y, p^a (1 − p)^β, whose curvature there is
    /// −a·β / (a + β) = −1/σ²: with y = y* + √2·σ·tᵢ,
    ///
    ///     E ≈ Σ wᵢ hᵢ gain(pᵢ) / Σ wᵢ hᵢ,   hᵢ = exp(ℓ(yᵢ) − ℓ(y*) + tᵢ²)
    ///
    /// where ℓ is the log density in y and hᵢ its ratio to the normal the rule integrates against.
    /// Dividing by Σ wᵢ hᵢ leaves out the Beta function, whose logarithm is the difference of
    /// numbers of 10¹⁰ at a of 10⁹; ℓ(yᵢ) − ℓ(y*) is computed from the difference δ alone
    /// (a·log1p((1 − p*)·expm1(−δ)) and β·log1p(p*·expm1(δ))), precise where a and β are huge.
    func expectedPurchasesIfAliveByGaussHermite(t: Double, x: Int, T: Double) -> Double {
        let shape = a, beta = b + Double(x)
        let power = r + Double(x)
        let u = t / (alpha + T)
        let mode = shape / (shape + beta) // p* at y*
        let spread = (2 * (shape + beta) / (shape * beta)).squareRoot() // √2·σ
        let logMode = log(mode)
        var weighted = 0.0, total = 0.0
        for (node, weight) in Self.signedHermiteNodes {
            let delta = spread * node
            let logRatio = -shape * log1p((1 - mode) * expm1(-delta)) - beta * log1p(mode * expm1(delta)) + node * node
            let h = weight * exp(logRatio)
            // p = p*·e^δ / (1 + p*·expm1(δ)), in logs.
            let p = exp(logMode + delta - log1p(mode * expm1(delta)))
            let pu = p * u
            let gain = pu * power < 1e-8 ? power * u * (1 - (power + 1) * pu / 2) : -expm1(-power * log1p(pu)) / p
            weighted += h * gain
            total += h
        }
        return weighted / total
    }

    /// All 20 nodes, ±tᵢ, with their weights.
    static let signedHermiteNodes = hermiteNodes.flatMap { [($0.node, $0.weight), (-$0.node, $0.weight)] }

    /// The positive nodes tᵢ and weights wᵢ of 20-point Gauss–Hermite quadrature (∫ f(t) e^(−t²) dt ≈ Σ wᵢ f(tᵢ), each
    /// node also taken as −tᵢ), by numpy.polynomial.hermite.hermgauss(20).
    static let hermiteNodes: [(node: Double, weight: Double)] = [
        (0.24534070830090124, 0.4622436696006101), (0.7374737285453944, 0.28667550536283415),
        (1.234076215395323, 0.1090172060200233), (1.7385377121165861, 0.024810520887463643),
        (2.2549740020892757, 0.0032437733422378567), (2.7888060584281305, 0.00022833863601635365),
        (3.3478545673832163, 7.80255647853206e-06), (3.944764040115625, 1.0860693707692782e-07),
        (4.603682449550744, 4.3993409922731747e-10), (5.387480890011233, 2.2293936455341447e-13),
    ]

    /// The integral by double-exponential quadrature (see `expectedPurchasesIfAliveByQuadrature`).
    func expectedPurchasesIfAliveByDoubleExponential(t: Double, x: Int, T: Double) -> (value: Double, converged: Bool) {
        let shape = a
        let beta = b + Double(x)
        let power = r + Double(x)
        let u = t / (alpha + T)
        let logBeta = SpecialFunctions.logGamma(shape) + SpecialFunctions.logGamma(beta) - SpecialFunctions.logGamma(shape + beta)
        let center = log(shape) - log(beta)
        let precision = shape * beta / (shape + beta)
        let width = min(Double.pi, 2 / precision.squareRoot())

        func integrand(_ s: Double) -> Double {
            let y = center + width * sinh(s)
            let logP = -SpecialFunctions.softplus(-y)
            let logOneMinusP = -SpecialFunctions.softplus(y)
            let logDensity = shape * logP + beta * logOneMinusP - logBeta
            let p = exp(logP)
            let pu = p * u
            let gain = pu * power < 1e-8
                ? power * u * (1 - (power + 1) * pu / 2)
                : -expm1(-power * log1p(pu)) / p
            let value = exp(logDensity) * gain * width * cosh(s)
            return value.isFinite ? value : 0
        }

        func trapezoid(step: Double) -> Double {
            var sum = integrand(0)
            for direction in [1.0, -1.0] {
                var negligible = 0
                var index = 1.0
                while negligible < 4, index * step <= 60 {
                    let value = integrand(direction * index * step)
                    negligible = value <= 1e-18 * sum ? negligible + 1 : 0
                    sum += value
                    index += 1
                }
            }
            return sum * step
        }

        var step = 0.5
        var previous = trapezoid(step: step)
        for _ in 0 ..< 9 {
            step /= 2
            let current = trapezoid(step: step)
            if abs(current - previous) <= 1e-11 * abs(current) { return (current, true) }
            previous = current
        }
        return (previous, false)
    }
}
