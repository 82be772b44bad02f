@testable import CohortCore
import Testing

/// The 95 % Wilson score interval, against values worked out by hand.
struct ProportionTests {
    @Test func threeOfTen() throws {
        // n = 10, p = 0.3, z = 1.959964, z² = 3.841459: denominator 1.3841459; centre (0.3 + 0.1920729) / 1.3841459 = 0.3555...
        // half = 1.959964 / 1.3841459 · √(0.021 + 0.0096036) = 1.4160138 · 0.1749389 = 0.2477152 → [0.1077913, 0.6032219].
        let interval = try #require(Proportion(3, of: 10).interval)
        #expect(abs(interval.low - 0.1077913) < 1e-6 && abs(interval.high - 0.6032219) < 1e-6)
    }

    @Test func noneAndAllStayInside() throws {
        // p = 0: centre = z²/2n / (1 + z²/n) = half width → low 0; n = 5: high = 3.841459 / 5 / 1.7682918 = 0.4344825 (z²/n / (1 + z²/n)).
        let none = try #require(Proportion(0, of: 5).interval)
        #expect(none.low == 0 && abs(none.high - 0.4344825) < 1e-6)
        let all = try #require(Proportion(5, of: 5).interval)
        #expect(abs(all.low - (1 - 0.4344825)) < 1e-6 && all.high == 1)
        #expect(Proportion(0, of: 0).interval == nil && Proportion(0, of: 0).value == nil)
    }

    @Test func differencesNeedSeparateIntervals() {
        // 1 of 12 against 4 of 12 overlap; 10 of 1,000 against 300 of 1,000 do not.
        #expect(!Proportion(1, of: 12).differs(from: Proportion(4, of: 12)))
        #expect(Proportion(10, of: 1000).differs(from: Proportion(300, of: 1000)))
    }
}
