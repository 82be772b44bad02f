import Foundation

/// Minimises a smooth function of a few positive parameters, searched in their logarithms,
/// by BFGS (quasi-Newton) with a backtracking line search.
///
/// The objective takes θ = ln(parameters) and returns its value and gradient in θ. Each θ is
/// clamped to ±`logLimit` before use (the objective sees exp(clamp(θ))), so a parameter that
/// runs off towards 0 or ∞ stops at 10^±9 with a finite value instead of overflowing; the
/// gradient of a clamped component is 0, which is what it is for the clamped function.
///
/// It stops when the largest gradient component is at most `gradientTolerance` (converged),
/// when the line search can no longer decrease the value while the gradient is at most
/// `stallTolerance` (converged at the floor of rounding), or after `maximumIterations`
/// (not converged). A failed line search first resets the inverse-Hessian estimate.
///
/// Complexity: O(iterations · (evaluations of the objective + n²)).
struct LogParameterMinimizer {
    /// |ln parameter| is kept at most this: parameters stay within about 1.2·10^±9.
    static let logLimit = 21.0
    /// A step that lowers the objective by at most this much (relative) gains nothing; after
    /// `slowStepLimit` of them in a row the minimizer stops.
    static let noGain = 1e-12
    static let slowStepLimit = 10

    var maximumIterations = 400
    /// On the gradient of the objective (a mean negative log-likelihood per customer) in θ.
    var gradientTolerance = 1e-10
    var stallTolerance = 1e-6

    struct Outcome {
        var logParameters: [Double]
        var value: Double
        var iterations: Int
        var converged: Bool
        /// The inverse-Hessian estimate at the end (nil when none was built).
        var inverseHessian: [[Double]]? = nil
    }

    static func clamped(_ logParameters: [Double]) -> [Double] {
        logParameters.map { min(max($0, -logLimit), logLimit) }
    }

    /// Minimises `objective` from `start`. With a `preview` (the same kind of objective on a
    /// thinned sample, much cheaper), the preview's minimum and inverse-Hessian estimate start the
    /// full run, which then needs a few iterations only; the outcome is the full run's.
    func minimize(from start: [Double], preview: (([Double], inout [Double]) -> Double)? = nil,
                  _ objective: ([Double], inout [Double]) -> Double) -> Outcome {
        guard let preview else { return minimize(from: start, inverseHessian: nil, objective) }
        let first = minimize(from: start, inverseHessian: nil, preview)
        guard first.converged, first.value.isFinite else { return minimize(from: start, inverseHessian: nil, objective) }
        let warm = minimize(from: first.logParameters, inverseHessian: first.inverseHessian, objective)
        return warm.converged ? warm : minimize(from: start, inverseHessian: nil, objective)
    }

    private func minimize(from start: [Double], inverseHessian initial: [[Double]]?,
                          _ objective: ([Double], inout [Double]) -> Double) -> Outcome {
        let count = start.count
        var point = start
        var gradient = [Double](repeating: 0, count: count)
        var value = objective(point, &gradient)
        guard value.isFinite else { return Outcome(logParameters: point, value: value, iterations: 0, converged: false) }
        var inverseHessian = initial ?? Self.identity(count)
        var freshHessian = initial == nil
        var newGradient = gradient
        var slowSteps = 0
        for iteration in 0 ..< maximumIterations {
            let steepest = gradient.map(abs).max() ?? 0
            if steepest <= gradientTolerance {
                return Outcome(logParameters: point, value: value, iterations: iteration, converged: true,
                               inverseHessian: freshHessian ? nil : inverseHessian)
            }
            var direction = Self.multiply(inverseHessian, gradient).map { -$0 }
            var slope = Self.dot(gradient, direction)
            if !(slope < 0) {
                inverseHessian = Self.identity(count)
                freshHessian = true
                direction = gradient.map { -$0 }
                slope = Self.dot(gradient, direction)
            }
            // No step longer than 4 in any log-parameter (a factor e⁴ ≈ 55).
            let longest = direction.map(abs).max() ?? 0
            if longest > 4 {
                let shrink = 4 / longest
                direction = direction.map { $0 * shrink }
                slope *= shrink
            }
            var stepLength = 1.0
            var accepted = false
            var candidate = point
            var candidateValue = value
            for _ in 0 ..< 60 {
                candidate = zip(point, direction).map { $0 + stepLength * $1 }
                candidateValue = objective(candidate, &newGradient)
                if candidateValue.isFinite, candidateValue <= value + 1e-4 * stepLength * slope {
                    accepted = true
                    break
                }
                stepLength /= 2
            }
            guard accepted, candidateValue < value || (candidateValue == value && stepLength == 1) else {
                if steepest <= stallTolerance {
                    return Outcome(logParameters: point, value: value, iterations: iteration + 1, converged: true,
                                   inverseHessian: freshHessian ? nil : inverseHessian)
                }
                if freshHessian {
                    return Outcome(logParameters: point, value: value, iterations: iteration + 1, converged: false)
                }
                inverseHessian = Self.identity(count)
                freshHessian = true
                continue
            }
            let step = zip(candidate, point).map { $0 - $1 }
            let change = zip(newGradient, gradient).map { $0 - $1 }
            let curvature = Self.dot(step, change)
            if curvature > 1e-18 {
                if freshHessian {
                    // Scale the first estimate to the observed curvature (Nocedal & Wright, 6.20).
                    let scale = curvature / Self.dot(change, change)
                    inverseHessian = Self.identity(count).map { $0.map { $0 * scale } }
                    freshHessian = false
                }
                Self.updateInverseHessian(&inverseHessian, step: step, change: change, curvature: curvature)
            }
            // A flat likelihood (parameters running off together) can take hundreds of iterations of
            // tiny steps, each after dozens of halvings: stop once ten in a row gained nothing.
            slowSteps = value - candidateValue <= Self.noGain * max(1, abs(value)) ? slowSteps + 1 : 0
            point = candidate
            value = candidateValue
            gradient = newGradient
            if slowSteps >= Self.slowStepLimit {
                let steepest = gradient.map(abs).max() ?? 0
                return Outcome(logParameters: point, value: value, iterations: iteration + 1, converged: steepest <= stallTolerance,
                               inverseHessian: freshHessian ? nil : inverseHessian)
            }
        }
        let steepest = gradient.map(abs).max() ?? 0
        return Outcome(logParameters: point, value: value, iterations: maximumIterations, converged: steepest <= gradientTolerance)
    }

    /// H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / (yᵀ s).
    private static func updateInverseHessian(_ matrix: inout [[Double]], step: [Double], change: [Double], curvature: Double) {
        let count = step.count
        let rho = 1 / curvature
        let hy = multiply(matrix, change)
        let yhy = dot(change, hy)
        for i in 0 ..< count {
            for j in 0 ..< count {
                matrix[i][j] += -rho * (step[i] * hy[j] + hy[i] * step[j]) + (rho * rho * yhy + rho) * step[i] * step[j]
            }
        }
    }

    private static func identity(_ count: Int) -> [[Double]] {
        (0 ..< count).map { i in (0 ..< count).map { j in i == j ? 1 : 0 } }
    }

    private static func multiply(_ matrix: [[Double]], _ vector: [Double]) -> [Double] {
        matrix.map { dot($0, vector) }
    }

    private static func dot(_ u: [Double], _ v: [Double]) -> Double {
        zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
