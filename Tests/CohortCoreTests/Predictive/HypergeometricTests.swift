@testable import CohortCore
import Foundation
import Testing

extension PredictiveTests {
    /// ₂F₁ against closed forms and against mpmath at 50 digits (hyp2f1-reference.csv, written by
    /// Tests/Fixtures/cdnow/make_reference.py).
    @Suite struct HypergeometricTests {
        @Test func closedFormOfTheLogarithm() {
            // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z, also close to z = 1 where the Euler form takes over.
            // The recurrence of the terms loses about 10⁻¹⁶ / (1 − z).
            for z in [1e-8, 0.1, 0.5, 0.9, 0.99, 0.999, 0.9999] {
                let expected = -log1p(-z) / z
                let tolerance = max(1e-14, 1e-16 / (1 - z))
                #expect(relativelyClose(Hypergeometric.f21(a: 1, b: 1, c: 2, z: z), expected, tolerance), "z = \(z)")
            }
        }

        @Test func closedFormOfTheArcsine() {
            // ₂F₁(1/2, 1/2; 3/2; z²) = arcsin(z) / z.
            for z in [0.1, 0.5, 0.9, 0.99] {
                #expect(relativelyClose(Hypergeometric.f21(a: 0.5, b: 0.5, c: 1.5, z: z * z), asin(z) / z, 1e-13), "z = \(z)")
            }
        }

        @Test func closedFormOfThePower() {
            // ₂F₁(a, b; b; z) = (1 − z)^−a, for z below and above 0 (Pfaff).
            for z in [-20.0, -1, -0.3, 0.3, 0.95] {
                for a in [0.25, 2.5, -1.5] {
                    #expect(relativelyClose(Hypergeometric.f21(a: a, b: 1.7, c: 1.7, z: z), pow(1 - z, -a), 1e-13), "a = \(a), z = \(z)")
                }
            }
        }

        @Test func terminatingSeriesIsAPolynomial() {
            // ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b + 1)z² / (c(c + 1)).
            let (b, c, z) = (3.0, 2.5, 0.4)
            let expected = 1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1))
            let evaluation = Hypergeometric.evaluate(a: -2, b: b, c: c, z: z)
            #expect(evaluation.converged)
            #expect(relativelyClose(evaluation.value, expected, 1e-14))
        }

        @Test func matchesMpmath() throws {
            let table = try PredictiveFixtures.columns("hyp2f1-reference.csv")
            let (a, b, c, z, values) = (PredictiveFixtures.doubles(table, "a"), PredictiveFixtures.doubles(table, "b"),
                                        PredictiveFixtures.doubles(table, "c"), PredictiveFixtures.doubles(table, "z"),
                                        PredictiveFixtures.doubles(table, "value"))
            #expect(values.count >= 10)
            for index in values.indices {
                let evaluation = Hypergeometric.evaluate(a: a[index], b: b[index], c: c[index], z: z[index])
                #expect(evaluation.converged, "row \(index)")
                #expect(relativelyClose(evaluation.value, values[index], 1e-12), "row \(index): \(evaluation.value) vs \(values[index])")
            }
        }

        @Test func eulerTransformationShortensTheSumNearOne() {
            // c − a − b = −1.5 < 0: the plain series needs thousands of terms at z = 0.999, the Euler form fewer.
            let plain = Hypergeometric.series(a: 2, b: 3, c: 3.5, z: 0.999)
            let euler = Hypergeometric.series(a: 1.5, b: 0.5, c: 3.5, z: 0.999)
            #expect(plain.converged && euler.converged)
            #expect(euler.terms < plain.terms)
            #expect(relativelyClose(euler.value * pow(0.001, -1.5), plain.value, 1e-10))
        }

        @Test func reportsWhatItCannotSum() {
            #expect(Hypergeometric.evaluate(a: 1, b: 1, c: 2, z: 1).value.isNaN)
            #expect(!Hypergeometric.evaluate(a: 1, b: 1, c: -2, z: 0.5).converged)
            // Huge alternating terms: the cancellation check refuses the sum.
            #expect(!Hypergeometric.series(a: -5000.5, b: -0.2, c: 3, z: 0.9).converged)
            // Too close to 1 for the term budget.
            #expect(!Hypergeometric.series(a: 1, b: 1, c: 2, z: 1 - 1e-9).converged)
        }

        @Test func digammaAndLogGamma() {
            // ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2, ψ(x + 1) = ψ(x) + 1/x; ln Γ(1/2) = ln √π.
            let euler = 0.57721566490153286
            #expect(abs(SpecialFunctions.digamma(1) + euler) < 1e-14)
            #expect(abs(SpecialFunctions.digamma(0.5) + euler + 2 * log(2.0)) < 1e-14)
            // Near 0: ψ(x) = −1/x − γ + (π²/6) x + O(x²).
            #expect(abs(SpecialFunctions.digamma(1e-6) - (-1e6 - euler + Double.pi * Double.pi / 6 * 1e-6)) < 1e-9)
            for x in [0.3, 7.5, 123.4] {
                #expect(relativelyClose(SpecialFunctions.digamma(x + 1), SpecialFunctions.digamma(x) + 1 / x, 1e-13), "x = \(x)")
            }
            #expect(abs(SpecialFunctions.logGamma(0.5) - 0.5 * log(Double.pi)) < 1e-15)
        }
    }
}
