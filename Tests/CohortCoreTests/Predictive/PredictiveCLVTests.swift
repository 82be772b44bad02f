@testable import CohortCore
import Foundation
import Testing

extension PredictiveTests {
    /// The entry point: summaries in, a value for every customer out; the bad cases of the issue.
    @Suite struct PredictiveCLVTests {
        /// Every Double of a result is finite: JSONEncoder refuses NaN and infinity, and the arrays are checked too.
        func expectFinite(_ result: PredictiveCLVResult, sourceLocation: SourceLocation = #_sourceLocation) throws {
            _ = try JSONEncoder().encode(result)
            let all = result.probabilityAlive + result.expectedPurchases + result.expectedOrderValue.compactMap { $0 }
                + result.predictedCLV.compactMap { $0 }
            #expect(all.allSatisfy { $0.isFinite }, sourceLocation: sourceLocation)
            #expect(result.probabilityAlive.allSatisfy { (0 ... 1).contains($0) }, sourceLocation: sourceLocation)
            #expect(result.expectedPurchases.allSatisfy { $0 >= 0 }, sourceLocation: sourceLocation)
        }

        func summary(_ days: Int, _ first: Int, _ last: Int, _ value: Int64) -> PurchaseSummary {
            PurchaseSummary(purchaseDays: days, firstDay: first, lastDay: last, repeatValue: value)
        }

        @Test func smallShopByHand() throws {
            // Five customers as of day 70 (T in weeks: 10, 10, 8, 5, 1).
            let customers = [summary(3, 0, 56, 6_000), summary(1, 0, 0, 0), summary(2, 14, 21, 2_500),
                             summary(4, 35, 63, 9_000), summary(1, 63, 63, 0)]
            let result = try PredictiveCLV.fit(customers, asOfDay: 70)
            try expectFinite(result)
            #expect(result.bgnbd.customers == 5 && result.repeatBuyers == 3)
            // Single purchase: alive for sure. Others by the formula at the fitted parameters.
            #expect(result.probabilityAlive[1] == 1 && result.probabilityAlive[4] == 1)
            let parameters = result.bgnbd.parameters
            #expect(result.probabilityAlive[0] == parameters.probabilityAlive(x: 2, tx: 8, T: 10))
            #expect(abs(result.expectedPurchases[3] - parameters.expectedPurchases(t: 52, x: 3, tx: 4, T: 5)) < 1e-12)
            // Three repeat buyers are too few for Gamma-Gamma: no order values, and a warning saying so.
            #expect(result.gammaGamma == nil)
            #expect(result.warnings.contains(.tooFewRepeatBuyers(3)))
            #expect(result.expectedOrderValue.allSatisfy { $0 == nil } && result.predictedCLV.allSatisfy { $0 == nil })
            // x = (2, 1, 3), m = (30, 25, 30): deviations (0, −1, 1) and (5/3, −10/3, 5/3), covariance 5,
            // variances 2 and 50/3: r = 5 / √(100/3) = √3 / 2, above 0.3.
            let correlation = try #require(result.frequencyValueCorrelation)
            #expect(abs(correlation - 3.0.squareRoot() / 2) < 1e-12)
            #expect(result.warnings.contains(.frequencyValueCorrelation(correlation)))
        }

        @Test func grossMarginScalesTheValue() throws {
            var generator = SplitMix(seed: 3)
            let customers = simulation.customers(3_000, using: &generator)
            let gross = try PredictiveCLV.fit(customers, asOfDay: simulation.asOfDay)
            let net = try PredictiveCLV.fit(customers, asOfDay: simulation.asOfDay, grossMargin: 0.25)
            for index in customers.indices {
                let clv = try #require(gross.predictedCLV[index]), margin = try #require(net.predictedCLV[index])
                #expect(abs(margin - 0.25 * clv) <= 1e-12 * clv)
            }
        }

        @Test func recoversTheParametersOfSimulatedCustomers() throws {
            var generator = SplitMix(seed: 2026)
            let customers = simulation.customers(40_000, using: &generator)
            let result = try PredictiveCLV.fit(customers, asOfDay: simulation.asOfDay)
            try expectFinite(result)
            let fitted = result.bgnbd.parameters, truth = simulation.bgnbd
            #expect(result.bgnbd.converged)
            // Days are whole (purchases on one day merge), so the recovery is close, not exact.
            #expect(abs(fitted.r / truth.r - 1) < 0.15, "r \(fitted.r)")
            #expect(abs(fitted.alpha / truth.alpha - 1) < 0.2, "α \(fitted.alpha)")
            #expect(abs(fitted.a / (fitted.a + fitted.b) - truth.a / (truth.a + truth.b)) < 0.05, "a \(fitted.a) b \(fitted.b)")
            let gammaGamma = try #require(result.gammaGamma)
            let mean = gammaGamma.parameters.populationMean, trueMean = simulation.gammaGamma.populationMean
            #expect(abs(mean / trueMean - 1) < 0.1, "mean order value \(mean) vs \(trueMean)")
            #expect(result.warnings.isEmpty, "\(result.warnings)")
        }

        // MARK: The bad cases of the issue

        @Test func oneCustomer() throws {
            // A single customer who bought once: nothing to learn from.
            #expect(throws: PredictiveError.noRepeatPurchases) { try PredictiveCLV.fit([summary(1, 0, 0, 0)], asOfDay: 30) }
            // One who bought three times: the likelihood has no interior maximum (the model degenerates into
            // a Poisson process of rate 2 / (20 / 7) a week); a defined value and warnings, no NaN.
            let result = try PredictiveCLV.fit([summary(3, 0, 20, 5_000)], asOfDay: 30)
            try expectFinite(result)
            #expect(result.warnings.contains { if case .parameterAtLimit = $0 { true } else { false } })
            #expect(result.warnings.contains(.tooFewRepeatBuyers(1)))
            #expect(relativelyClose(result.expectedPurchases[0], 52 * 2 / (30.0 / 7), 0.01))
        }

        @Test func nobodyRepeats() {
            let customers = (0 ..< 100).map { summary(1, $0, $0, 0) }
            #expect(throws: PredictiveError.noRepeatPurchases) { try PredictiveCLV.fit(customers, asOfDay: 200) }
        }

        @Test func everybodyRepeatsDaily() throws {
            // Everyone bought every day from its first day to the as-of date: a Poisson rate of 7 a week, nobody drops out.
            let customers = (0 ..< 60).map { index in
                let first = index % 20
                return summary(31 - first, first, 30, Int64(1_000 + index) * Int64(30 - first))
            }
            let result = try PredictiveCLV.fit(customers, asOfDay: 30)
            try expectFinite(result)
            #expect(result.warnings.contains { if case .parameterAtLimit = $0 { true } else { false } })
            for index in customers.indices {
                #expect(result.probabilityAlive[index] > 0.999)
                #expect(abs(result.expectedPurchases[index] - 7 * 52) < 1)
            }
        }

        @Test func allOrdersOnOneDay() {
            // Several orders on one day are one purchase: nobody repeats, on the as-of date or before it.
            let customers = (0 ..< 10).map { _ in summary(1, 100, 100, 0) }
            #expect(throws: PredictiveError.noRepeatPurchases) { try PredictiveCLV.fit(customers, asOfDay: 100) }
            #expect(throws: PredictiveError.noRepeatPurchases) { try PredictiveCLV.fit(customers, asOfDay: 130) }
        }

        @Test func asOfDateBeforeSomeOrders() throws {
            var generator = SplitMix(seed: 5)
            var customers = simulation.customers(500, using: &generator)
            // Two customers acquired after the as-of date: left out, with zero purchases and no value.
            customers.insert(summary(2, simulation.asOfDay + 3, simulation.asOfDay + 9, 1_500), at: 7)
            customers.append(summary(1, simulation.asOfDay + 1, simulation.asOfDay + 1, 0))
            let result = try PredictiveCLV.fit(customers, asOfDay: simulation.asOfDay)
            try expectFinite(result)
            #expect(result.customersAfterAsOf == 2 && result.bgnbd.customers == 500)
            #expect(result.warnings.contains(.customersAfterAsOf(2)))
            for index in [7, customers.count - 1] {
                #expect(result.probabilityAlive[index] == 0 && result.expectedPurchases[index] == 0)
                #expect(result.expectedOrderValue[index] == nil && result.predictedCLV[index] == nil)
            }
            #expect(result.predictedCLV[8] != nil)
            // A summary that runs past the as-of date counts orders after it: refused, with its index.
            customers[3] = summary(3, simulation.asOfDay - 10, simulation.asOfDay + 2, 2_000)
            #expect(throws: PredictiveError.invalidPurchaseSummary(index: 3, .lastDayAfterAsOf)) {
                try PredictiveCLV.fit(customers, asOfDay: simulation.asOfDay)
            }
            // An as-of date before every order leaves nobody.
            #expect(throws: PredictiveError.noCustomers) { try PredictiveCLV.fit(customers, asOfDay: -100_000) }
            #expect(throws: PredictiveError.noCustomers) { try PredictiveCLV.fit([], asOfDay: 0) }
        }

        @Test func inconsistentSummariesAndOptionsAreRefused() {
            let good = summary(2, 0, 7, 1_000)
            let cases: [(PurchaseSummary, PurchaseSummary.Problem)] = [
                (summary(0, 0, 0, 0), .noPurchaseDay), (summary(2, 7, 0, 100), .lastDayBeforeFirstDay),
                (summary(1, 0, 3, 0), .lastDayBeforeFirstDay), (summary(5, 0, 3, 100), .morePurchaseDaysThanDays),
                (summary(1, 0, 0, 10), .repeatValueInconsistent), (summary(2, 0, 3, 0), .repeatValueInconsistent),
                (summary(2, Int.min, 0, 100), .spanTooLong), (summary(1, -200_000, -200_000, 0), .spanTooLong),
                (summary(2, 0, Int.max, 100), .spanTooLong),
            ]
            for (bad, problem) in cases {
                #expect(throws: PredictiveError.invalidPurchaseSummary(index: 1, problem)) {
                    try PredictiveCLV.fit([good, bad], asOfDay: 30)
                }
            }
            #expect(throws: PredictiveError.invalidHorizon(-1)) { try PredictiveCLV.fit([good], asOfDay: 30, horizonWeeks: -1) }
            #expect(throws: PredictiveError.invalidGrossMargin(1.5)) { try PredictiveCLV.fit([good], asOfDay: 30, grossMargin: 1.5) }
        }

        @Test func extremeHorizons() throws {
            var generator = SplitMix(seed: 9)
            let customers = simulation.customers(300, using: &generator)
            let none = try PredictiveCLV.fit(customers, asOfDay: simulation.asOfDay, horizonWeeks: 0)
            try expectFinite(none)
            #expect(none.expectedPurchases.allSatisfy { $0 == 0 })
            // z = t / (α + T + t) within 10⁻⁸ of 1: the series gives way to the quadrature, still finite.
            let ages = try PredictiveCLV.fit(customers, asOfDay: simulation.asOfDay, horizonWeeks: 1e9)
            try expectFinite(ages)
            #expect(!ages.warnings.contains { if case .expectedPurchasesImprecise = $0 { true } else { false } })
        }

        let simulation = PredictiveSimulation(bgnbd: BGNBDParameters(r: 0.6, alpha: 5, a: 0.9, b: 3),
                                              gammaGamma: GammaGammaParameters(p: 5, q: 4, v: 30),
                                              acquisitionDays: 365, asOfDay: 20_000)
    }
}
