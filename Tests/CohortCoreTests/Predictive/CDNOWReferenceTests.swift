@testable import CohortCore
import Foundation
import Testing

extension PredictiveTests {
    /// BG/NBD and Gamma-Gamma on the CDNOW sample of Fader, Hardie & Lee (2005): 2,357 customers
    /// as of 1997-09-30, against the paper and against lifetimes 0.11.3 (cdnow-reference.csv and
    /// cdnow-parameters.csv, written once by Tests/Fixtures/cdnow/make_reference.py).
    @Suite struct CDNOWReferenceTests {
        struct Reference {
            var summaries: [PurchaseSummary]
            var x: [Int], tx: [Double], T: [Double], m: [Double]
            var probabilityAlive: [Double], expected39: [Double], expected52: [Double], orderValue: [Double]
            var asOfDay: Int
        }

        static func load() throws -> Reference {
            let table = try PredictiveFixtures.columns("cdnow-reference.csv")
            let days = PredictiveFixtures.integers(table, "purchase_days"), first = PredictiveFixtures.integers(table, "first_day")
            let last = PredictiveFixtures.integers(table, "last_day"), value = PredictiveFixtures.integers(table, "repeat_value")
            let summaries = days.indices.map {
                PurchaseSummary(purchaseDays: days[$0], firstDay: first[$0], lastDay: last[$0], repeatValue: Int64(value[$0]))
            }
            return Reference(summaries: summaries, x: PredictiveFixtures.integers(table, "x"), tx: PredictiveFixtures.doubles(table, "t_x"),
                             T: PredictiveFixtures.doubles(table, "T"), m: PredictiveFixtures.doubles(table, "m"),
                             probabilityAlive: PredictiveFixtures.doubles(table, "p_alive"),
                             expected39: PredictiveFixtures.doubles(table, "expected_39"),
                             expected52: PredictiveFixtures.doubles(table, "expected_52"),
                             orderValue: PredictiveFixtures.doubles(table, "expected_order_value"),
                             asOfDay: Int(try PredictiveFixtures.parameter("as_of_day")))
        }

        static func lifetimesParameters() throws -> (BGNBDParameters, GammaGammaParameters) {
            let bgnbd = BGNBDParameters(r: try PredictiveFixtures.parameter("r"), alpha: try PredictiveFixtures.parameter("alpha"),
                                        a: try PredictiveFixtures.parameter("a"), b: try PredictiveFixtures.parameter("b"))
            let gammaGamma = GammaGammaParameters(p: try PredictiveFixtures.parameter("p"), q: try PredictiveFixtures.parameter("q"),
                                                  v: try PredictiveFixtures.parameter("v"))
            return (bgnbd, gammaGamma)
        }

        @Test func paperParametersToTheShownDigits() throws {
            let reference = try Self.load()
            let result = try PredictiveCLV.fit(reference.summaries, asOfDay: reference.asOfDay, horizonWeeks: 39)
            let fit = result.bgnbd
            // Table in section 4 of the paper: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4.
            #expect((fit.parameters.r * 1000).rounded() == 243)
            #expect((fit.parameters.alpha * 1000).rounded() == 4414)
            #expect((fit.parameters.a * 1000).rounded() == 793)
            #expect((fit.parameters.b * 1000).rounded() == 2426)
            #expect((fit.logLikelihood * 10).rounded() == -95824)
            #expect(fit.converged)
            #expect(fit.customers == 2357 && fit.repeatBuyers == 946)
            // Fader & Hardie (2013), Gamma-Gamma on the same 946 repeat buyers: p = 6.25, q = 3.74, v = 15.44.
            let gammaGamma = try #require(result.gammaGamma)
            #expect((gammaGamma.parameters.p * 100).rounded() == 625)
            #expect((gammaGamma.parameters.q * 100).rounded() == 374)
            #expect((gammaGamma.parameters.v * 100).rounded() == 1544)
            #expect(gammaGamma.customers == 946)
            #expect(result.warnings.isEmpty)
        }

        @Test func parametersMatchLifetimes() throws {
            let reference = try Self.load()
            let (bgnbd, gammaGamma) = try Self.lifetimesParameters()
            let result = try PredictiveCLV.fit(reference.summaries, asOfDay: reference.asOfDay)
            let fitted = result.bgnbd.parameters
            for (ours, theirs) in [(fitted.r, bgnbd.r), (fitted.alpha, bgnbd.alpha), (fitted.a, bgnbd.a), (fitted.b, bgnbd.b)] {
                #expect(relativelyClose(ours, theirs, 1e-5), "\(ours) vs \(theirs)")
            }
            #expect(relativelyClose(result.bgnbd.logLikelihood, try PredictiveFixtures.parameter("bgnbd_log_likelihood"), 1e-9))
            let ours = try #require(result.gammaGamma)
            for (mine, theirs) in [(ours.parameters.p, gammaGamma.p), (ours.parameters.q, gammaGamma.q), (ours.parameters.v, gammaGamma.v)] {
                #expect(relativelyClose(mine, theirs, 1e-5), "\(mine) vs \(theirs)")
            }
            #expect(relativelyClose(ours.logLikelihood, try PredictiveFixtures.parameter("gamma_gamma_log_likelihood"), 1e-9))
            let correlation = try #require(result.frequencyValueCorrelation)
            #expect(relativelyClose(correlation, try PredictiveFixtures.parameter("frequency_value_correlation"), 1e-9))
        }

        @Test func perCustomerValuesMatchLifetimesToOneInTenThousand() throws {
            let reference = try Self.load()
            for (horizon, expected) in [(39.0, reference.expected39), (52.0, reference.expected52)] {
                let result = try PredictiveCLV.fit(reference.summaries, asOfDay: reference.asOfDay, horizonWeeks: horizon)
                var worst = (alive: 0.0, purchases: 0.0, value: 0.0)
                for index in reference.summaries.indices {
                    let orderValue = try #require(result.expectedOrderValue[index])
                    worst.alive = max(worst.alive, abs(result.probabilityAlive[index] / reference.probabilityAlive[index] - 1))
                    worst.purchases = max(worst.purchases, abs(result.expectedPurchases[index] / expected[index] - 1))
                    worst.value = max(worst.value, abs(orderValue / reference.orderValue[index] - 1))
                    let clv = try #require(result.predictedCLV[index])
                    #expect(abs(clv - result.expectedPurchases[index] * orderValue) <= 1e-12 * clv)
                }
                #expect(worst.alive < 1e-4, "P(alive), \(horizon) weeks: \(worst.alive)")
                #expect(worst.purchases < 1e-4, "expected purchases, \(horizon) weeks: \(worst.purchases)")
                #expect(worst.value < 1e-4, "expected order value: \(worst.value)")
            }
        }

        @Test func modelFunctionsMatchLifetimesAtItsParameters() throws {
            // The same comparison without the optimiser: lifetimes' parameters in our formulas.
            let reference = try Self.load()
            let (bgnbd, gammaGamma) = try Self.lifetimesParameters()
            for index in reference.x.indices {
                let (x, tx, T) = (reference.x[index], reference.tx[index], reference.T[index])
                #expect(relativelyClose(bgnbd.probabilityAlive(x: x, tx: tx, T: T), reference.probabilityAlive[index], 1e-10))
                #expect(relativelyClose(bgnbd.expectedPurchases(t: 39, x: x, tx: tx, T: T), reference.expected39[index], 1e-9))
                #expect(relativelyClose(bgnbd.expectedPurchases(t: 52, x: x, tx: tx, T: T), reference.expected52[index], 1e-9))
                #expect(relativelyClose(gammaGamma.expectedOrderValue(x: x, m: reference.m[index]), reference.orderValue[index], 1e-10))
            }
        }

        @Test func fittingThePatternsDirectlyGivesTheSameModel() throws {
            let reference = try Self.load()
            let fromPatterns = try BGNBDFit.estimate(x: reference.x, tx: reference.tx, T: reference.T)
            let fromSummaries = try PredictiveCLV.fit(reference.summaries, asOfDay: reference.asOfDay).bgnbd
            #expect(relativelyClose(fromPatterns.parameters.r, fromSummaries.parameters.r, 1e-6))
            #expect(relativelyClose(fromPatterns.parameters.b, fromSummaries.parameters.b, 1e-6))
            #expect(relativelyClose(fromPatterns.logLikelihood, fromSummaries.logLikelihood, 1e-10))
            #expect(fromPatterns.patterns == fromSummaries.patterns)
            let buyers = reference.x.indices.filter { reference.x[$0] > 0 }
            let gammaGamma = try GammaGammaFit.estimate(x: buyers.map { reference.x[$0] }, m: buyers.map { reference.m[$0] })
            #expect((gammaGamma.parameters.p * 100).rounded() == 625)
        }
    }
}
