/// Platform-independent replacements for the few transcendental functions the generator needs.
///
/// `Foundation.exp` comes from the platform's libm, whose last-bit rounding differs between
/// glibc, Darwin and Windows; a single differing bit could change a rounded cent and break
/// byte-identical output. These versions use only IEEE-754 addition, multiplication and exact
/// power-of-two scaling, which every platform computes identically.
enum DeterministicMath {
    /// Returns e raised to `x`, accurate to a few ulps for `-700...700` and clamped outside it.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 700 { return exp(700) }
        if x < -700 { return 0 }
        // Split x = k * ln 2 + r with |r| <= ln 2 / 2, so e^x = 2^k * e^r.
        let k = (x * 1.4426950408889634).rounded()
        let r = (x - k * 0.6931471803691238) - k * 1.9082149292705877e-10
        // Taylor polynomial of e^r to degree 13 in Horner form (coefficients 1/n!); the truncation
        // error is below 1e-17 for |r| <= 0.35. Written out so it compiles to
        // straight-line multiplications and additions.
        var sum = 1.0 / 6_227_020_800.0
        sum = sum * r + 1.0 / 479_001_600.0
        sum = sum * r + 1.0 / 39_916_800.0
        sum = sum * r + 1.0 / 3_628_800.0
        sum = sum * r + 1.0 / 362_880.0
        sum = sum * r + 1.0 / 40_320.0
        sum = sum * r + 1.0 / 5_040.0
        sum = sum * r + 1.0 / 720.0
        sum = sum * r + 1.0 / 120.0
        sum = sum * r + 1.0 / 24.0
        sum = sum * r + 1.0 / 6.0
        sum = sum * r + 0.5
        sum = sum * r + 1.0
        sum = sum * r + 1.0
        return sum * Double(sign: .plus, exponent: Int(k), significand: 1.0)
    }
}
