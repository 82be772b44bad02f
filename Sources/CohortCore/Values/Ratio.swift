import Foundation

/// A quotient computed at the end of the analysis, or nothing when its
/// denominator is zero.
///
/// METRICS.md: "Ratios whose denominator is 0 are empty (not 0, not NaN) in
/// every export." An empty ratio encodes as JSON `null` and formats as "".
///
///     Ratio(41, over: 50).value        // 0.82
///     Ratio(3, over: 0).value          // nil
///     Ratio(2, over: 3).formatted()    // "0.6667"
public struct Ratio: Sendable, Equatable, Codable {
    public let value: Double?

    public init(_ value: Double?) {
        if let value, value.isFinite { self.value = value } else { self.value = nil }
    }

    /// `numerator / denominator`, empty when the denominator is 0.
    public init(_ numerator: Int64, over denominator: Int64) {
        self.init(denominator == 0 ? nil : Double(numerator) / Double(denominator))
    }

    /// `numerator / denominator`, empty when the denominator is 0.
    public init(_ numerator: Int, over denominator: Int) {
        self.init(Int64(numerator), over: Int64(denominator))
    }

    /// A money amount per something (per order, per customer), in currency units.
    public init(_ money: Money, over denominator: Int) {
        self.init(denominator == 0 ? nil : money.units / Double(denominator))
    }

    public static let empty = Ratio(nil)

    public var isEmpty: Bool { value == nil }

    /// Fixed-point text with `places` decimals and a '.' separator; "" when empty.
    public func formatted(places: Int = 4) -> String {
        guard let value else { return "" }
        let text = String(format: "%.\(places)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(container.decodeNil() ? nil : try container.decode(Double.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
