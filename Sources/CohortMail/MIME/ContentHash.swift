/// FNV-1a (64 bit) over bytes: a fast, stable fingerprint for deterministic boundaries and
/// Message-IDs. Not a cryptographic hash; nothing here needs one (a boundary is safe by its
/// form, see `MIMEPart`).
struct ContentHash {
    private(set) var value: UInt64

    init(seed: UInt64 = 0xcbf2_9ce4_8422_2325) {
        value = seed
    }

    mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
    }

    mutating func combine(_ text: String) {
        combine(text.utf8)
        combine(CollectionOfOne(0)) // so ("ab", "c") and ("a", "bc") differ
    }

    /// 16 lower-case hexadecimal digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
