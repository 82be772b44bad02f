/// A small, fast, fully deterministic pseudo-random generator (Steele, Lea & Flood's SplitMix64).
///
/// All derived draws (doubles, bounded integers, approximate normals) are implemented here with
/// integer and basic IEEE arithmetic only, so the sequence is identical on every platform and
/// Swift version; the standard library's `random(in:using:)` algorithms are deliberately avoided
/// because they are not guaranteed to stay the same. The tests draw their random tables and
/// fuzz inputs from it too (`package`), replayable from a seed.
package struct SplitMix64: RandomNumberGenerator {
    /// The generator's internal state; advanced by a fixed odd constant on every draw.
    private var state: UInt64

    /// Creates a generator whose sequence is fully determined by `seed`.
    package init(seed: UInt64) {
        state = seed
    }

    /// Creates a generator for one independent stream (for example one customer) of a seeded run.
    init(seed: UInt64, stream: UInt64) {
        state = SplitMix64.mix(seed &+ SplitMix64.mix(stream &+ 0x632B_E59B_D9B4_E019))
    }

    /// Scrambles a 64-bit value with the SplitMix64 output function (a good bijective hash).
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Returns the next 64 random bits.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// Returns a uniform double in `0..<1` with 53 random bits.
    mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Returns a uniform double in `lower..<upper`.
    mutating func nextDouble(from lower: Double, to upper: Double) -> Double {
        lower + (upper - lower) * nextDouble()
    }

    /// Returns a uniform integer in `0..<bound` (`bound` must be positive; 0 is returned otherwise).
    ///
    /// Uses Lemire's multiply-shift reduction without rejection; the bias is below 2^-50 for the
    /// small bounds used here, which is irrelevant for sample data.
    mutating func nextInt(below bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// Returns `true` with probability `probability`.
    mutating func nextBool(probability: Double) -> Bool {
        nextDouble() < probability
    }

    /// Returns an approximately standard-normal value (mean 0, standard deviation 1).
    ///
    /// The value is the Irwin–Hall sum of four 32-bit uniforms, rescaled; its tails are cut at
    /// about ±3.46, which keeps generated amounts inside sensible bounds.
    mutating func nextNormal() -> Double {
        let first = next()
        let second = next()
        let sum = Double(first & 0xFFFF_FFFF) + Double(first >> 32)
            + Double(second & 0xFFFF_FFFF) + Double(second >> 32)
        // Each term is uniform on [0, 2^32); the sum has mean 2 * 2^32 and variance 4/12 * 2^64.
        return (sum * 0x1.0p-32 - 2.0) * 1.7320508075688772
    }

    /// Returns the index of a category drawn from normalized cumulative weights (last entry 1).
    mutating func pick(cumulative: [Double]) -> Int {
        let draw = nextDouble()
        for (index, bound) in cumulative.enumerated() where draw < bound {
            return index
        }
        return cumulative.count - 1
    }

    /// Returns a Poisson-distributed count with mean `mean`, capped at `limit`.
    ///
    /// Uses Knuth's product-of-uniforms method, which is fast for the small means used here.
    mutating func nextPoisson(mean: Double, limit: Int) -> Int {
        guard mean > 0 else { return 0 }
        let threshold = DeterministicMath.exp(-mean)
        var product = nextDouble()
        var count = 0
        while product > threshold && count < limit {
            product *= nextDouble()
            count += 1
        }
        return count
    }
}
