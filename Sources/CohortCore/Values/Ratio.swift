import Foundation

/// A quotient computed at the end of the analysis, or nothing when its
/// denominator is zero.
///
/// METRICS.md: "Ratios whose denominator is 0 are empty (not 0, not NaN) in
/// every export." An empty ratio encodes as JSON `null` and formats as "".
/// A ratio of integers (counts, money in cents) keeps them, so that formatting
/// rounds exactly, half away from zero, instead of by the binary `Double`.
///
///     Ratio(41, over: 50).value        // 0.82
///     Ratio(3, over: 0).value          // nil
///     Ratio(2, over: 3).formatted()    // "0.6667"
public struct Ratio: Sendable, Codable {
    public let value: Double?
    /// The integer quotient behind `value`, when there is one.
    private let exact: (numerator: Int64, denominator: Int64)?

    public init(_ value: Double?) {
        if let value, value.isFinite { self.value = value } else { self.value = nil }
        exact = nil
    }

    /// `numerator / denominator`, empty when the denominator is 0.
    public init(_ numerator: Int64, over denominator: Int64) {
        value = denominator == 0 ? nil : Double(numerator) / Double(denominator)
        exact = denominator == 0 ? nil : (numerator, denominator)
    }

    /// `numerator / denominator`, empty when the denominator is 0.
    public init(_ numerator: Int, over denominator: Int) {
        self.init(Int64(numerator), over: Int64(denominator))
    }

    /// A money amount per something (per order, per customer), in currency units.
    public init(_ money: Money, over denominator: Int) {
        self.init(money.minorUnits, over: Int64(denominator) * Money.minorUnitsPerUnit)
    }

    public static let empty = Ratio(nil)

    public var isEmpty: Bool { value == nil }

    /// Fixed-point text with `places` decimals and a '.' separator; "" when empty.
    /// Ratios of integers round exactly, half away from zero (1485.105 → "1485.11").
    public func formatted(places: Int = 4) -> String {
        guard let value else { return "" }
        if let exact, let text = Self.exactText(exact.numerator, exact.denominator, places: places) { return text }
        let text = String(format: "%.\(places)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// numerator / denominator rounded to `places` decimals in integer arithmetic; nil on overflow.
    private static func exactText(_ numerator: Int64, _ denominator: Int64, places: Int) -> String? {
        var scale: Int64 = 1
        for _ in 0 ..< places { scale *= 10 }
        let (scaled, overflow) = numerator.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        var quotient = scaled / denominator
        let remainder = scaled % denominator
        if remainder.magnitude * 2 >= denominator.magnitude {
            quotient += (scaled < 0) != (denominator < 0) ? -1 : 1
        }
        let digits = String(quotient.magnitude)
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let whole = padded.dropLast(places)
        let fraction = padded.suffix(places)
        let sign = quotient < 0 ? "-" : ""
        return places == 0 ? sign + whole : "\(sign)\(whole).\(fraction)"
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

extension Ratio: Equatable {
    /// Two ratios are equal when their values are (the integers behind them are not compared).
    public static func == (lhs: Ratio, rhs: Ratio) -> Bool { lhs.value == rhs.value }
}
