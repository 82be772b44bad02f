@testable import CohortCore
import Foundation
import Testing

extension PredictiveTests {
    /// The BG/NBD model functions on cases small enough to work by hand, and the fit's machinery
    /// (gradient, grouping) on random data.
    @Suite struct BGNBDTests {
        let unit = BGNBDParameters(r: 1, alpha: 1, a: 1, b: 1)

        @Test func probabilityAliveByHand() {
            // x = 0: alive for sure. x = 1, t_x = 1, T = 2, r = α = a = b = 1:
            // 1 / (1 + 1/1 · (3/2)²) = 1 / 3.25.
            #expect(unit.probabilityAlive(x: 0, tx: 0, T: 50) == 1)
            #expect(abs(unit.probabilityAlive(x: 1, tx: 1, T: 2) - 1 / 3.25) < 1e-15)
            // Bought on the as-of date: the ratio is 1, so 1 / (1 + a / (b + x − 1)).
            let cdnow = BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
            #expect(abs(cdnow.probabilityAlive(x: 3, tx: 10, T: 10) - 1 / (1 + 0.793 / 4.426)) < 1e-15)
        }

        @Test func probabilityAliveDoesNotOverflow() {
            // ((α + T) / (α + t_x))^(r + x) = 101^10000 overflows; the answer is 0, not NaN.
            #expect(unit.probabilityAlive(x: 10_000, tx: 0.01, T: 100) == 0)
        }

        @Test func expectedPurchasesByHand() {
            // r = α = b = 1, a = 2, x = 0, T = 0, t = 1: (a + b − 1)/(a − 1) = 2, z = 1/2,
            // 2 · [1 − (1/2) · ₂F₁(1, 1; 2; 1/2)] = 2 · (1 − ln 2).
            let parameters = BGNBDParameters(r: 1, alpha: 1, a: 2, b: 1)
            #expect(relativelyClose(parameters.expectedPurchases(t: 1, x: 0, tx: 0, T: 0), 2 * (1 - log(2.0)), 1e-13))
            #expect(parameters.expectedPurchases(t: 0, x: 3, tx: 1, T: 2) == 0)
        }

        @Test func documentedExamples() {
            // The examples in the doc comments of BGNBDParameters and GammaGammaParameters.
            let cdnow = BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
            #expect(abs(cdnow.probabilityAlive(x: 2, tx: 30.43, T: 38.86) - 0.72658) < 1e-5)
            #expect(abs(cdnow.expectedPurchases(t: 39, x: 2, tx: 30.43, T: 38.86) - 1.22603) < 1e-5)
            let value = GammaGammaParameters(p: 6.25, q: 3.74, v: 15.44)
            #expect(abs(value.expectedOrderValue(x: 2, m: 22.35) - 24.6637) < 1e-4)
        }

        @Test func logLikelihoodByHand() {
            // x = 0, T = 2: r ln α − r ln(α + T) = −ln 3.
            #expect(abs(unit.logLikelihood(x: 0, tx: 0, T: 2) + log(3.0)) < 1e-15)
            // x = 1, t_x = 1, T = 2: A₁ = 0, A₂ = −ln 2, e^A₃ = 1/9, e^A₄ = 1/4 → ln(13/72).
            #expect(abs(unit.logLikelihood(x: 1, tx: 1, T: 2) - log(13.0 / 72)) < 1e-14)
        }

        @Test func seriesAndQuadratureAgree() {
            // The two ways of E[Y(t) | alive]: the Euler-transformed series and the integral it solves.
            let cases: [(BGNBDParameters, Int, Double)] = [
                (BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426), 0, 38.86),
                (BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426), 7, 20),
                (BGNBDParameters(r: 2.5, alpha: 0.3, a: 3.2, b: 0.4), 40, 0),
                (BGNBDParameters(r: 0.05, alpha: 12, a: 0.2, b: 25), 1, 100),
            ]
            for (parameters, x, T) in cases {
                for t in [0.5, 52, 520] {
                    let series = parameters.expectedPurchasesIfAlive(t: t, x: x, T: T)
                    let quadrature = parameters.expectedPurchasesIfAliveByQuadrature(t: t, x: x, T: T)
                    #expect(series.converged && quadrature.converged)
                    #expect(relativelyClose(quadrature.value, series.value, 1e-9), "\(parameters) x \(x) T \(T) t \(t)")
                }
            }
        }

        @Test func aConcentratedDropOutIsIntegratedAroundItsMode() {
            // Customers who never seem to drop out let a and b run off together (fits of steady buyers gave
            // a = 5.1·10⁷, b = 1.09·10⁹ and a = 3.4·10⁶, b = 7.3·10⁷): p ~ Beta(a, b + x) is then all but a
            // point, and 20 Gauss–Hermite points in its logit give the integral. The references are the
            // integral E[(1 − (1 + p·t/(α + T))^−(r + x)) / p], p ~ Beta(a, b + x), by mpmath.quad at 30
            // digits, split at the mean ± 2k standard deviations (an independent method; the script is
            // bench/clv/concentrated-reference.py).
            let references: [(BGNBDParameters, t: Double, x: Int, T: Double, value: Double)] = [
                (BGNBDParameters(r: 1.318, alpha: 3.001, a: 5.1e7, b: 1.09e9), 52, 0, 10, 4.3602704621788847),
                (BGNBDParameters(r: 1.318, alpha: 3.001, a: 5.1e7, b: 1.09e9), 52, 12, 150, 4.0700255963056263),
                (BGNBDParameters(r: 1.318, alpha: 3.001, a: 5.1e7, b: 1.09e9), 4, 30, 150, 0.80350400905793147),
                (BGNBDParameters(r: 1.318, alpha: 3.001, a: 5.1e7, b: 1.09e9), 520, 3, 40, 18.910194184968379),
                (BGNBDParameters(r: 0.4, alpha: 10, a: 2e7, b: 4e8), 52, 0, 10, 0.95794676139692517),
                (BGNBDParameters(r: 0.4, alpha: 10, a: 2e7, b: 4e8), 52, 12, 150, 3.6414096144848124),
                (BGNBDParameters(r: 0.4, alpha: 10, a: 2e7, b: 4e8), 4, 30, 150, 0.74597607105576996),
                (BGNBDParameters(r: 0.4, alpha: 10, a: 2e7, b: 4e8), 520, 3, 40, 15.651843989548259),
                (BGNBDParameters(r: 1.318, alpha: 3.001, a: 3.4e6, b: 7.3e7), 52, 0, 10, 4.363587763277402),
                (BGNBDParameters(r: 1.318, alpha: 3.001, a: 3.4e6, b: 7.3e7), 52, 12, 150, 4.0718697357967656),
                (BGNBDParameters(r: 1.318, alpha: 3.001, a: 3.4e6, b: 7.3e7), 4, 30, 150, 0.80356974784171083),
                (BGNBDParameters(r: 1.318, alpha: 3.001, a: 3.4e6, b: 7.3e7), 520, 300, 40, 22.470682785494937),
                (BGNBDParameters(r: 0.4, alpha: 10, a: 1e4, b: 2e5), 52, 0, 10, 0.95794739209266669),
                (BGNBDParameters(r: 0.4, alpha: 10, a: 1e4, b: 2e5), 52, 12, 150, 3.6414327068874694),
                (BGNBDParameters(r: 0.4, alpha: 10, a: 1e4, b: 2e5), 520, 3, 40, 15.652480331112525),
                (BGNBDParameters(r: 0.4, alpha: 10, a: 1e3, b: 2e4), 52, 12, 150, 3.6416405182787697),
                (BGNBDParameters(r: 0.4, alpha: 10, a: 1e3, b: 2e4), 520, 3, 40, 15.658208649280485),
                (BGNBDParameters(r: 0.4, alpha: 10, a: 200, b: 4000), 52, 12, 150, 3.6425614276256557),
                (BGNBDParameters(r: 0.4, alpha: 10, a: 200, b: 4000), 520, 300, 40, 22.608040201005025),
            ]
            for (parameters, t, x, T, reference) in references {
                let concentration = parameters.a * (parameters.b + Double(x)) / (parameters.a + parameters.b + Double(x))
                #expect(concentration > BGNBDParameters.gaussHermitePrecision)
                let rule = parameters.expectedPurchasesIfAliveByGaussHermite(t: t, x: x, T: T)
                #expect(relativelyClose(rule, reference, 1e-12), "\(parameters) t \(t) x \(x) T \(T): \(rule)")
                let value = parameters.expectedPurchasesIfAlive(t: t, x: x, T: T)
                #expect(value.converged && relativelyClose(value.value, reference, 1e-12), "\(parameters) t \(t) x \(x) T \(T): \(value.value)")
            }
        }

        @Test func theGaussHermiteNodesIntegrateMomentsExactly() {
            // ∫ t^2k e^(−t²) dt = Γ(k + 1/2): √π, √π/2, 3√π/4, …; 20 points are exact up to t^38.
            for k in 0 ... 19 {
                let sum = BGNBDParameters.hermiteNodes.reduce(0.0) { $0 + 2 * $1.weight * pow($1.node, Double(2 * k)) }
                let exact = exp(lgamma(Double(k) + 0.5))
                #expect(relativelyClose(sum, exact, 1e-13), "t^\(2 * k): \(sum) against \(exact)")
            }
        }

        @Test func justAboveTheThresholdBothRulesAreCloseAndGaussHermiteCloser() {
            // Concentrations of 143, 277 and 1,905, where the double-exponential rule still converges; the
            // references are mpmath's, as above. Gauss–Hermite is within 10⁻¹², the double-exponential rule
            // within 10⁻⁹ (its stop, two sums agreeing to 10⁻¹¹, is no bound: 1.3·10⁻¹⁰ off at a = 2,000).
            let references: [(a: Double, b: Double, t: Double, x: Int, T: Double, value: Double)] = [
                (150, 3000, 52, 0, 10, 2.1302733274490419), (150, 3000, 52, 12, 150, 3.8304297513548772),
                (150, 3000, 520, 40, 60, 21.40260747589524), (400, 900, 52, 0, 10, 1.2952688504813262),
                (400, 900, 52, 12, 150, 2.3285892517614493), (400, 900, 520, 40, 60, 3.3558897243107769),
                (2000, 40000, 52, 0, 10, 2.1300793119129433), (2000, 40000, 52, 12, 150, 3.8288501964720147),
                (2000, 40000, 520, 40, 60, 21.029971572986922),
            ]
            for (a, b, t, x, T, reference) in references {
                let parameters = BGNBDParameters(r: 0.7, alpha: 5, a: a, b: b)
                let exponential = parameters.expectedPurchasesIfAliveByDoubleExponential(t: t, x: x, T: T)
                let hermite = parameters.expectedPurchasesIfAliveByGaussHermite(t: t, x: x, T: T)
                #expect(relativelyClose(hermite, reference, 1e-12), "a \(a) b \(b) t \(t) x \(x): \(hermite)")
                #expect(exponential.converged && relativelyClose(exponential.value, reference, 1e-9), "a \(a) b \(b) t \(t) x \(x): \(exponential.value)")
            }
        }

        @Test func everyStartRunsOffAlongTheSameRidge() throws {
            // Customers as bench/shapes.py makes them: 5 to 40 orders each, at uniform times over a span of 4 to 152
            // weeks from the first, which falls in the 260 weeks before the end. No BG/NBD process: every customer
            // buys to the end of its span and stops, and the likelihood runs off along the ridge where a and b grow
            // together. Drawn straight from a fixed generator, so that the sample is the same every run and toolchain.
            var random = SplitMix(seed: 2026)
            func unit() -> Double { Double(random.next() >> 11) * 0x1p-53 } // [0, 1)
            var x: [Int] = [], tx: [Double] = [], T: [Double] = []
            for _ in 0 ..< 5000 {
                let orders = 5 + Int(random.next() % 36), span = 4 + 148 * unit()
                let age = span + (260 - span) * unit()
                let last = (1 ..< orders).map { _ in span * unit() }.max() ?? 0
                x.append(orders - 1)
                tx.append(last)
                T.append(age)
            }
            let fit = try BGNBDFit.estimate(x: x, tx: tx, T: T)
            #expect(!fit.converged && fit.parameters.a > 1e6 && fit.parameters.b > 1e6, "\(fit)")
            #expect(BGNBDFit.runsOffAlongTheRidge([0, 0, log(fit.parameters.a), log(fit.parameters.b)]))
            #expect(!BGNBDFit.runsOffAlongTheRidge([0, 0, log(2e6), log(0.5)])) // b in range: another start may do better
            // Why the search stops there: the other two starts (run here) walk the same ridge, to the same likelihood
            // within 10⁻⁶ and the same drop-out probability a / (a + b) within 1 %; they would cost two more fits.
            let times = Array(Set(tx).union(T)).sorted()
            let index = { (time: Double) in times.firstIndex(of: time)! }
            let sample = BGNBDSample(times: times, repeats: x, recencyIndex: tx.map(index), ageIndex: T.map(index), counts: nil)
            let alpha = log(T.reduce(0, +) / Double(x.reduce(0, +)))
            for start in [[0.1, alpha + 0.1, 0.1, 0.1], [log(0.5), alpha - log(2), log(0.5), log(5)]] {
                let other = LogParameterMinimizer().minimize(from: start, sample.negativeMeanLogLikelihood)
                let (a, b) = (exp(other.logParameters[2]), exp(other.logParameters[3]))
                #expect(BGNBDFit.runsOffAlongTheRidge(other.logParameters), "\(other.logParameters)")
                #expect(relativelyClose(-other.value * Double(sample.customers), fit.logLikelihood, 1e-6), "\(other.value)")
                #expect(relativelyClose(a / (a + b), fit.parameters.a / (fit.parameters.a + fit.parameters.b), 0.01))
            }
        }

        @Test func aEqualToOneIsTheLimit() {
            // (a + b + x − 1)/(a − 1) · […] is 0/0 at a = 1; the quadrature gives the limit, between its neighbours.
            let at = BGNBDParameters(r: 0.5, alpha: 3, a: 1, b: 2).expectedPurchasesIfAlive(t: 52, x: 2, T: 20)
            let below = BGNBDParameters(r: 0.5, alpha: 3, a: 1 - 1e-4, b: 2).expectedPurchasesIfAlive(t: 52, x: 2, T: 20)
            let above = BGNBDParameters(r: 0.5, alpha: 3, a: 1 + 1e-4, b: 2).expectedPurchasesIfAlive(t: 52, x: 2, T: 20)
            #expect(at.converged && at.value.isFinite)
            #expect(min(below.value, above.value) <= at.value && at.value <= max(below.value, above.value))
        }

        @Test func extremeParametersStayFinite() {
            // A Poisson limit (r, α → ∞, rate r / α = 7 a week) with no drop-out (a → 0): 7 · 52 purchases.
            let poisson = BGNBDParameters(r: 1e9, alpha: 1e9 / 7, a: 1e-9, b: 1)
            let expected = poisson.expectedPurchases(t: 52, x: 100, tx: 14, T: 14)
            #expect(relativelyClose(expected, 364, 1e-3))
            for parameters in [poisson, BGNBDParameters(r: 1e-9, alpha: 1e9, a: 1e9, b: 1e-9),
                               BGNBDParameters(r: 1e9, alpha: 1e-9, a: 1e-9, b: 1e9)] {
                for x in [0, 1, 500] {
                    #expect(parameters.expectedPurchases(t: 52, x: x, tx: x == 0 ? 0 : 3, T: 5).isFinite)
                    #expect(parameters.probabilityAlive(x: x, tx: x == 0 ? 0 : 3, T: 5).isFinite)
                    #expect(parameters.logLikelihood(x: x, tx: x == 0 ? 0 : 3, T: 5).isFinite)
                }
            }
        }

        @Test func gradientMatchesFiniteDifferences() {
            var generator = SplitMix(seed: 7)
            let x = (0 ..< 300).map { _ in Int(generator.next() % 6) }
            let T = x.map { _ in Double(1 + generator.next() % 300) / 7 }
            let tx = zip(x, T).map { x, T in x == 0 ? 0 : T * Double(1 + generator.next() % 100) / 100 }
            let times = Array(Set(tx + T)).sorted()
            let sample = BGNBDSample(times: times, repeats: x, recencyIndex: tx.map { times.firstIndex(of: $0)! },
                                     ageIndex: T.map { times.firstIndex(of: $0)! }, counts: nil)
            let point = [log(0.7), log(3.0), log(0.9), log(2.2)]
            var gradient = [Double](repeating: 0, count: 4)
            let value = sample.negativeMeanLogLikelihood(point, gradient: &gradient)
            // The sample's value is the mean of the one-customer log-likelihoods.
            let parameters = BGNBDParameters(r: 0.7, alpha: 3, a: 0.9, b: 2.2)
            let mean = x.indices.map { parameters.logLikelihood(x: x[$0], tx: tx[$0], T: T[$0]) }.reduce(0, +) / Double(x.count)
            #expect(abs(value + mean) < 1e-12)
            PredictiveFixtures.expectGradient(gradient, of: sample.negativeMeanLogLikelihood, at: point)
        }

        /// A sample of more groups than `partedFromGroups` is summed in parts on several cores: its
        /// value is still the mean of the one-customer log-likelihoods, and its gradient still the
        /// finite differences'.
        @Test func aLargeSampleSummedInPartsIsTheMeanOfItsCustomers() {
            var generator = SplitMix(seed: 11)
            let count = BGNBDSample.partedFromGroups + 9_000
            let x = (0 ..< count).map { _ in Int(generator.next() % 40) }
            let T = x.map { _ in Double(1 + generator.next() % 1_500) / 7 }
            let tx = zip(x, T).map { x, T in x == 0 ? 0 : T * Double(1 + generator.next() % 1_000) / 1_000 }
            let times = Array(Set(tx + T)).sorted()
            let timeIndex = Dictionary(uniqueKeysWithValues: times.enumerated().map { ($1, $0) })
            let sample = BGNBDSample(times: times, repeats: x, recencyIndex: tx.map { timeIndex[$0]! }, ageIndex: T.map { timeIndex[$0]! },
                                     counts: nil)
            #expect(sample.repeatCount.count >= BGNBDSample.partedFromGroups)
            let point = [log(0.7), log(3.0), log(0.9), log(2.2)]
            var gradient = [Double](repeating: 0, count: 4), ignored = gradient
            let value = sample.negativeMeanLogLikelihood(point, gradient: &gradient)
            let parameters = BGNBDParameters(r: 0.7, alpha: 3, a: 0.9, b: 2.2)
            let mean = x.indices.map { parameters.logLikelihood(x: x[$0], tx: tx[$0], T: T[$0]) }.reduce(0, +) / Double(count)
            #expect(abs(value + mean) < 1e-9 * abs(mean), "\(value) vs \(-mean)")
            PredictiveFixtures.expectGradient(gradient, of: sample.negativeMeanLogLikelihood, at: point, within: 1e-6)
            // The same value on every evaluation: the parts are fixed and added in order.
            #expect(sample.negativeMeanLogLikelihood(point, gradient: &ignored) == value)
        }

        @Test func groupingWithCountsEqualsListingEveryCustomer() throws {
            let patterns: [(x: Int, tx: Double, T: Double, count: Int)] = [
                (0, 0, 30, 40), (0, 0, 12, 25), (1, 5, 30, 12), (2, 20, 30, 9), (5, 28, 30, 4), (1, 2, 12, 7), (3, 11, 12, 3),
            ]
            let grouped = try BGNBDFit.estimate(x: patterns.map(\.x), tx: patterns.map(\.tx), T: patterns.map(\.T),
                                                counts: patterns.map(\.count))
            let listed = try BGNBDFit.estimate(x: patterns.flatMap { Array(repeating: $0.x, count: $0.count) },
                                               tx: patterns.flatMap { Array(repeating: $0.tx, count: $0.count) },
                                               T: patterns.flatMap { Array(repeating: $0.T, count: $0.count) })
            #expect(grouped.customers == 100 && listed.customers == 100)
            #expect(grouped.patterns == 7 && listed.patterns == 7)
            #expect(grouped.parameters == listed.parameters)
            #expect(grouped.converged)
        }

        @Test func impossiblePatternsAreRefused() {
            #expect(throws: PredictiveError.invalidPattern(index: 1)) {
                try BGNBDFit.estimate(x: [1, 1], tx: [2, 5], T: [3, 4])
            }
            #expect(throws: PredictiveError.invalidPattern(index: 0)) {
                try BGNBDFit.estimate(x: [2], tx: [0], T: [3])
            }
            #expect(throws: PredictiveError.noRepeatPurchases) {
                try BGNBDFit.estimate(x: [0, 0], tx: [0, 0], T: [3, 4])
            }
        }
    }
}

