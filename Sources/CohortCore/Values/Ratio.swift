import Foundation

/// A quotient computed at the end of the analysis, or nothing when its
/// denominator is zero.
///
/// METRICS.md: "Ratios whose denominator is 0 are empty (not 0, not NaN) in
/// every export." An empty ratio encodes as JSON `null` and formats as "".
/// A ratio of integers (counts, money in cents) keeps them, so that formatting
/// rounds exactly, half away from zero, instead of by the binary `Double`; one read
/// back from JSON rounds its shortest decimal the same way, so that a report rendered
/// from `analysis.json` shows the digits of the one computed from the orders.
///
///     Ratio(41, over: 50).value        // 0.82
///     Ratio(3, over: 0).value          // nil
///     Ratio(2, over: 3).formatted()    // "0.6667"
public struct Ratio: Sendable, Codable {
    public let value: Double?
    /// The integer quotient behind `value`, when there is one.
    private let exact: (numerator: Int64, denominator: Int64)?
    /// True for a ratio read back from JSON: its integers are gone, its shortest decimal is what was written.
    private var readBack = false

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
        if readBack { return Self.decimalText(value, places: places) }
        let text = String(format: "%.\(places)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// The shortest decimal that reads back as `value` (what a JSON file holds), rounded to `places`
    /// half away from zero: a ratio read back from `analysis.json` formats as the one computed from
    /// integers (0.03125 → "0.0313", as 1/32 exactly).
    private static func decimalText(_ value: Double, places: Int) -> String {
        guard let decimal = Decimal(string: "\(value)", locale: Locale(identifier: "en_US_POSIX")) else {
            return String(format: "%.\(places)f", value)
        }
        var source = decimal, rounded = Decimal()
        NSDecimalRound(&rounded, &source, places, .plain)
        var text = NSDecimalNumber(decimal: rounded).stringValue
        if text.hasPrefix("-"), rounded.isZero { text.removeFirst() }
        guard places > 0 else { return text }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return "\(parts[0])." + fraction + String(repeating: "0", count: max(0, places - fraction.count))
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
        readBack = true
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
