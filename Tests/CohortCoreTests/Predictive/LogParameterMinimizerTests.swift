@testable import CohortCore
import Foundation
import Testing

@Suite struct LogParameterMinimizerTests {
    /// A quadratic bowl: found to the gradient tolerance.
    @Test func aBowlIsFound() {
        // f(θ) = (θ₀ − 1)² + 2 (θ₁ + 0.5)², minimum 0 at (1, −0.5).
        let outcome = LogParameterMinimizer().minimize(from: [0, 0]) { point, gradient in
            gradient[0] = 2 * (point[0] - 1)
            gradient[1] = 4 * (point[1] + 0.5)
            return (point[0] - 1) * (point[0] - 1) + 2 * (point[1] + 0.5) * (point[1] + 0.5)
        }
        #expect(outcome.converged)
        #expect(abs(outcome.logParameters[0] - 1) < 1e-9 && abs(outcome.logParameters[1] + 0.5) < 1e-9)
    }

    /// A slope too gentle to gain anything: stops after ten steps instead of 400 iterations.
    @Test func aFlatSlopeStopsAfterTenStepsThatGainNothing() {
        // f(θ) = 5 − 10⁻⁹ θ₀: the gradient (−10⁻⁹) is above the tolerance (10⁻¹⁰), and each step of
        // length 1 along it lowers f by 10⁻⁹ · 10⁻⁹ = 10⁻¹⁸, below 10⁻¹² · 5: nothing gained.
        var evaluations = 0
        let outcome = LogParameterMinimizer().minimize(from: [0]) { point, gradient in
            evaluations += 1
            gradient[0] = -1e-9
            return 5 - 1e-9 * point[0]
        }
        #expect(outcome.iterations == LogParameterMinimizer.slowStepLimit)
        #expect(evaluations == LogParameterMinimizer.slowStepLimit + 1)
        // Stalled with a gradient below the stall tolerance (10⁻⁶): as good as it gets.
        #expect(outcome.converged)
    }
}
