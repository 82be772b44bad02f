@testable import CohortCore
import Foundation
import Testing

extension PredictiveTests {
    /// The Gamma-Gamma model functions by hand, and its gradient.
    @Suite struct GammaGammaTests {
        @Test func expectedOrderValueByHand() {
            // p = 2, q = 3, v = 10: population mean 2 · 10 / 2 = 10. x = 2, m = 20:
            // w = 4 / (4 + 2) = 2/3 → 10/3 + 40/3 = 50/3.
            let parameters = GammaGammaParameters(p: 2, q: 3, v: 10)
            #expect(abs(parameters.populationMean - 10) < 1e-15)
            #expect(abs(parameters.expectedOrderValue(x: 2, m: 20) - 50.0 / 3) < 1e-13)
            #expect(parameters.expectedOrderValue(x: 0, m: 0) == parameters.populationMean)
        }

        @Test func logLikelihoodByHand() {
            // x = 1: m is one Gamma(p, ν) draw, ν ~ Gamma(q, v), so
            // f(m) = Γ(p + q) / (Γ(p) Γ(q)) · v^q m^(p − 1) / (v + m)^(p + q); p = 1, q = 2, v = 1, m = 1: 2 / 8.
            let parameters = GammaGammaParameters(p: 1, q: 2, v: 1)
            #expect(abs(parameters.logLikelihood(x: 1, m: 1) - log(0.25)) < 1e-15)
        }

        @Test func gradientMatchesFiniteDifferences() {
            var generator = SplitMix(seed: 11)
            let x = (0 ..< 200).map { _ in 1 + Int(generator.next() % 8) }
            let m = x.map { _ in 5 + Double(generator.next() % 10_000) / 100 }
            Self.expectMeanLikelihoodAndGradient(x: x, m: m, at: GammaGammaParameters(p: 4, q: 2.5, v: 12), tolerance: 1e-12)
        }

        @Test func manyBuyersAreSummedInPartsToTheSameLikelihood() {
            // Above `partedFromBuyers` the per-buyer sums are made in 8 parts side by side: the value is still
            // the mean of each buyer's log-likelihood (summed here one by one, by the model function), and
            // the gradient still that of finite differences.
            var generator = SplitMix(seed: 12)
            let buyers = GammaGammaSample.partedFromBuyers + 4_321
            let x = (0 ..< buyers).map { _ in 1 + Int(generator.next() % 30) }
            let m = x.map { _ in 1 + Double(generator.next() % 100_000) / 100 }
            let parameters = GammaGammaParameters(p: 3, q: 1.5, v: 40)
            let (sample, value, gradient) = Self.expectMeanLikelihoodAndGradient(x: x, m: m, at: parameters, tolerance: 1e-11, relative: true)
            // The same value again: the parts are fixed, whatever the cores.
            var again = [Double](repeating: 0, count: 3)
            #expect(sample.negativeMeanLogLikelihood([log(3.0), log(1.5), log(40.0)], gradient: &again) == value && again == gradient)
        }

        /// The sample's negative mean log-likelihood at `parameters` (given as their logs) is minus
        /// the mean of each buyer's log-likelihood, summed here one by one by the model function
        /// (within `tolerance`, of the mean when `relative`), and its gradient that of finite differences.
        @discardableResult
        static func expectMeanLikelihoodAndGradient(x: [Int], m: [Double], at parameters: GammaGammaParameters, tolerance: Double,
                                                    relative: Bool = false) -> (sample: GammaGammaSample, value: Double, gradient: [Double]) {
            let sample = GammaGammaSample(repeats: x, meanValue: m)
            let point = [log(parameters.p), log(parameters.q), log(parameters.v)]
            var gradient = [Double](repeating: 0, count: 3)
            let value = sample.negativeMeanLogLikelihood(point, gradient: &gradient)
            let mean = x.indices.map { parameters.logLikelihood(x: x[$0], m: m[$0]) }.reduce(0, +) / Double(x.count)
            #expect(abs(value + mean) < tolerance * (relative ? abs(mean) : 1))
            PredictiveFixtures.expectGradient(gradient, of: sample.negativeMeanLogLikelihood, at: point)
            return (sample, value, gradient)
        }

        @Test func invalidBuyersAreRefused() {
            #expect(throws: PredictiveError.invalidOrderValue(index: 1)) { try GammaGammaFit.estimate(x: [1, 2], m: [3, 0]) }
            #expect(throws: PredictiveError.invalidPattern(index: 0)) { try GammaGammaFit.estimate(x: [0], m: [3]) }
            #expect(throws: PredictiveError.noRepeatPurchases) { try GammaGammaFit.estimate(x: [], m: []) }
        }
    }
}
