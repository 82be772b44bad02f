import Foundation

/// The Gaussian hypergeometric function ₂F₁(a, b; c; z) for real arguments and z < 1.
///
///     ₂F₁(a, b; c; z) = Σₙ (a)ₙ (b)ₙ / ((c)ₙ n!) zⁿ,   (q)ₙ = q (q + 1) … (q + n − 1)
///
///     Hypergeometric.f21(a: 1, b: 1, c: 2, z: 0.5)   // −ln(1 − 0.5) / 0.5 = 1.386294…
///
/// The power series converges for |z| < 1, and its terms behave like n^(a + b − c − 1) zⁿ for
/// large n: when c − a − b < 0 they grow before they fall and the series converges slowly as
/// z → 1. There the Euler transformation
///
///     ₂F₁(a, b; c; z) = (1 − z)^(c − a − b) ₂F₁(c − a, c − b; c; z)
///
/// gives a series whose terms behave like n^(c − a − b − 1) zⁿ instead. For z < 0 the Pfaff
/// transformation ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z / (z − 1)) maps the
/// argument into [0, 1). Every sum is checked: it stops when a bound on the remaining tail
/// is below the target precision, and it reports when it ran out of terms or when its terms
/// were so much larger than their sum that cancellation ate the precision.
///
/// The sums are compensated (Neumaier), so what is left of the rounding error comes from the
/// term recurrence: about 10⁻¹⁶ / (1 − z) relative, 10⁻¹² at z = 0.9999.
///
/// Complexity: O(terms); about ln(ε) / ln(z) terms for z near 1.
public enum Hypergeometric {
    /// A sum with the facts needed to trust it.
    public struct Evaluation: Sendable, Equatable {
        /// The value (the partial sum reached when `converged` is false).
        public var value: Double
        /// Terms added after the leading 1.
        public var terms: Int
        /// Whether the tail bound fell below the target precision and no cancellation was seen.
        public var converged: Bool

        public init(value: Double, terms: Int, converged: Bool) {
            self.value = value
            self.terms = terms
            self.converged = converged
        }
    }

    /// Relative precision aimed at by every sum.
    public static let targetPrecision = 1e-15

    /// Terms allowed before a sum gives up (z within about 10⁻⁴ of 1 needs this many).
    public static let maximumTerms = 1_000_000

    /// ₂F₁(a, b; c; z) for z < 1 and c not zero or a negative integer; the value of `evaluate`.
    public static func f21(a: Double, b: Double, c: Double, z: Double) -> Double {
        evaluate(a: a, b: b, c: c, z: z).value
    }

    /// ₂F₁(a, b; c; z) with its convergence facts, choosing between the series and its Euler
    /// transformation (and trying the other when the first does not converge).
    ///
    /// Outside the domain (z ≥ 1, z or a parameter not finite, c ∈ {0, −1, −2, …}) the value is
    /// `.nan` and `converged` is false.
    public static func evaluate(a: Double, b: Double, c: Double, z: Double) -> Evaluation {
        guard a.isFinite, b.isFinite, c.isFinite, z.isFinite, z < 1,
              !(c <= 0 && c == c.rounded()) else { return Evaluation(value: .nan, terms: 0, converged: false) }
        if z == 0 { return Evaluation(value: 1, terms: 0, converged: true) }
        if z < 0 {
            // Pfaff: w = z / (z − 1) lies in (0, 1).
            let w = z / (z - 1)
            var inner = evaluate(a: a, b: c - b, c: c, z: w)
            inner.value *= exp(-a * log1p(-z))
            return inner
        }
        let excess = c - a - b
        let direct = { series(a: a, b: b, c: c, z: z) }
        let euler = {
            var transformed = series(a: c - a, b: c - b, c: c, z: z)
            transformed.value *= exp(excess * log1p(-z))
            return transformed
        }
        let first = excess < 0 ? euler() : direct()
        if first.converged { return first }
        let second = excess < 0 ? direct() : euler()
        return second.converged && second.value.isFinite ? second : first
    }

    /// The plain power series Σₙ (a)ₙ (b)ₙ / ((c)ₙ n!) zⁿ for 0 ≤ z < 1, summed until its tail is
    /// negligible.
    ///
    /// With tₙ the last term and ρ the larger of its ratio to the previous term and z, the tail
    /// is at most |tₙ| ρ / (1 − ρ) once the term ratios approach z monotonically (which they do
    /// once n is past −a, −b and −c). The sum stops when that bound is below
    /// `targetPrecision` · |sum|; it is not `converged` when it ran out of terms, or when its
    /// largest term exceeded the sum by so much (10⁵ times) that cancellation ate the precision.
    ///
    /// Complexity: O(terms).
    public static func series(a: Double, b: Double, c: Double, z: Double) -> Evaluation {
        guard z >= 0, z < 1 else { return Evaluation(value: .nan, terms: 0, converged: false) }
        // Past this index every factor (a + n), (b + n), (c + n) has its final sign.
        let settled = max(0, -a, -b, -c) + 1
        var term = 1.0
        var sum = 1.0
        var compensation = 0.0 // Neumaier: what rounding dropped from `sum`
        var largest = 1.0
        for n in 0 ..< maximumTerms {
            let index = Double(n)
            let ratio = (a + index) * (b + index) / ((c + index) * (index + 1)) * z
            term *= ratio
            let next = sum + term
            compensation += abs(sum) >= abs(term) ? (sum - next) + term : (term - next) + sum
            sum = next
            largest = max(largest, abs(term))
            guard term.isFinite, sum.isFinite else { return Evaluation(value: sum, terms: n + 1, converged: false) }
            if term == 0 {
                // A terminating series (a or b a non-positive integer): exact.
                return Evaluation(value: sum + compensation, terms: n + 1, converged: largest <= 1e5 * abs(sum))
            }
            guard index >= settled else { continue }
            let bound = max(abs(ratio), z)
            guard bound < 1 else { continue }
            if abs(term) * bound / (1 - bound) <= targetPrecision * abs(sum) {
                return Evaluation(value: sum + compensation, terms: n + 1, converged: largest <= 1e5 * abs(sum))
            }
        }
        return Evaluation(value: sum + compensation, terms: maximumTerms, converged: false)
    }
}
