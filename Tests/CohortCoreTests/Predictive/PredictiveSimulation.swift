import CohortCore
import Foundation

/// Customers drawn from the BG/NBD and Gamma-Gamma models themselves, for tests that check the
/// fit recovers known parameters and for bench/clv (which compiles this file too).
///
/// Each customer is acquired on a day spread evenly over `acquisitionDays` before the as-of
/// day; while alive it buys at rate λ ~ Gamma(r, α) per week and drops out after each purchase
/// with probability p ~ Beta(a, b) (so time is continuous, days are its floor). A purchase day's value is Gamma(p_gg, ν) with
/// ν ~ Gamma(q, v) per customer. Purchases falling on a day already bought on merge into it.
struct PredictiveSimulation {
    var bgnbd: BGNBDParameters
    var gammaGamma: GammaGammaParameters
    var acquisitionDays: Int
    var asOfDay: Int

    func customers<Generator: RandomNumberGenerator>(_ count: Int, using generator: inout Generator) -> [PurchaseSummary] {
        var random = Draws(generator: generator)
        defer { generator = random.generator }
        var summaries: [PurchaseSummary] = []
        summaries.reserveCapacity(count)
        for index in 0 ..< count {
            let firstDay = asOfDay - index * acquisitionDays / count
            let rate = random.gamma(shape: bgnbd.r) / bgnbd.alpha
            let dropout = random.beta(bgnbd.a, bgnbd.b)
            let valueRate = random.gamma(shape: gammaGamma.q) / gammaGamma.v
            var days = 1, lastDay = firstDay
            var repeatValue: Int64 = 0
            var week = 0.0
            let horizon = Double(asOfDay - firstDay) / 7
            while rate > 0 {
                week += random.exponential() / rate
                guard week <= horizon else { break }
                let value = Int64((random.gamma(shape: gammaGamma.p) / valueRate * 100).rounded(.up))
                let day = firstDay + Int(week * 7)
                if day != lastDay {
                    days += 1
                    lastDay = day
                }
                if day != firstDay { repeatValue += max(1, value) }
                // Drop-out comes after a repeat purchase, never right after the first (the paper's assumption iii).
                if random.uniform() < dropout { break }
            }
            summaries.append(PurchaseSummary(purchaseDays: days, firstDay: firstDay, lastDay: lastDay,
                                             repeatValue: days > 1 ? repeatValue : 0))
        }
        return summaries
    }

    /// Random draws from the distributions the models use.
    struct Draws<Generator: RandomNumberGenerator> {
        var generator: Generator

        mutating func uniform() -> Double { Double.random(in: 0 ..< 1, using: &generator) }

        mutating func exponential() -> Double { -log1p(-uniform()) }

        mutating func normal() -> Double {
            let u = 1 - uniform(), v = uniform()
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }

        /// Gamma(shape, 1) by Marsaglia & Tsang (2000), boosted by U^(1/shape) for shape < 1.
        mutating func gamma(shape: Double) -> Double {
            if shape < 1 { return gamma(shape: shape + 1) * pow(1 - uniform(), 1 / shape) }
            let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
            while true {
                let z = normal()
                let v = pow(1 + c * z, 3)
                guard v > 0 else { continue }
                if log(1 - uniform()) < 0.5 * z * z + d - d * v + d * log(v) { return d * v }
            }
        }

        mutating func beta(_ a: Double, _ b: Double) -> Double {
            let x = gamma(shape: a), y = gamma(shape: b)
            return x / (x + y)
        }
    }
}

/// A small deterministic generator for test data (SplitMix64).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
