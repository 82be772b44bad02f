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
            let sample = GammaGammaSample(repeats: x, meanValue: m)
            let point = [log(4.0), log(2.5), log(12.0)]
            var gradient = [Double](repeating: 0, count: 3)
            let value = sample.negativeMeanLogLikelihood(point, gradient: &gradient)
            let parameters = GammaGammaParameters(p: 4, q: 2.5, v: 12)
            let mean = x.indices.map { parameters.logLikelihood(x: x[$0], m: m[$0]) }.reduce(0, +) / Double(x.count)
            #expect(abs(value + mean) < 1e-12)
            PredictiveFixtures.expectGradient(gradient, of: sample.negativeMeanLogLikelihood, at: point)
        }

        @Test func manyBuyersAreSummedInPartsToTheSameLikelihood() {
            // Above `partedFromBuyers` the per-buyer sums are made in 8 parts side by side: the value is still
            // the mean of each buyer's log-likelihood (summed here one by one, by the model function), and
            // the gradient still that of finite differences.
            var generator = SplitMix(seed: 12)
            let buyers = GammaGammaSample.partedFromBuyers + 4_321
            let x = (0 ..< buyers).map { _ in 1 + Int(generator.next() % 30) }
            let m = x.map { _ in 1 + Double(generator.next() % 100_000) / 100 }
            let sample = GammaGammaSample(repeats: x, meanValue: m)
            let point = [log(3.0), log(1.5), log(40.0)]
            var gradient = [Double](repeating: 0, count: 3)
            let value = sample.negativeMeanLogLikelihood(point, gradient: &gradient)
            let parameters = GammaGammaParameters(p: 3, q: 1.5, v: 40)
            let mean = x.indices.map { parameters.logLikelihood(x: x[$0], m: m[$0]) }.reduce(0, +) / Double(buyers)
            #expect(abs(value + mean) < 1e-11 * abs(mean))
            PredictiveFixtures.expectGradient(gradient, of: sample.negativeMeanLogLikelihood, at: point)
            // The same value again: the parts are fixed, whatever the cores.
            var again = [Double](repeating: 0, count: 3)
            #expect(sample.negativeMeanLogLikelihood(point, gradient: &again) == value && again == gradient)
        }

        @Test func invalidBuyersAreRefused() {
            #expect(throws: PredictiveError.invalidOrderValue(index: 1)) { try GammaGammaFit.estimate(x: [1, 2], m: [3, 0]) }
            #expect(throws: PredictiveError.invalidPattern(index: 0)) { try GammaGammaFit.estimate(x: [0], m: [3]) }
            #expect(throws: PredictiveError.noRepeatPurchases) { try GammaGammaFit.estimate(x: [], m: []) }
        }
    }
}
