/// An exact amount of money in minor units (cents), never binary floating point.
///
/// Sums of money stay integers all the way through the analysis; only ratios
/// are computed as `Double`, at the very end (see METRICS.md, "Input model").
///
///     let price = Money(minorUnits: 1_250)   // 12.50
///     price.description                      // "12.50"
///
/// Encoded in JSON as a decimal string with two places (`"12.50"`), so that no
/// reader turns it into an inexact binary number by accident.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Minor units per unit of the report currency (cents per euro).
    public static let minorUnitsPerUnit: Int64 = 100

    public var minorUnits: Int64

    public init(minorUnits: Int64) {
        self.minorUnits = minorUnits
    }

    public static let zero = Money(minorUnits: 0)

    /// The amount in currency units as a `Double`, for ratios and drawing only.
    public var units: Double { Double(minorUnits) / Double(Self.minorUnitsPerUnit) }

    /// Plain decimal text with exactly two places and a '.' separator: `-1234.50`.
    public var description: String {
        let magnitude = minorUnits.magnitude
        let whole = magnitude / UInt64(Self.minorUnitsPerUnit)
        let cents = magnitude % UInt64(Self.minorUnitsPerUnit)
        let sign = minorUnits < 0 ? "-" : ""
        return "\(sign)\(whole).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// Parses the plain form written by `description` (`-1234.5`, `12`, `0.05`).
    public init?(decimal text: String) {
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" { negative = true; digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let wholePart = parts.first, !wholePart.isEmpty,
              wholePart.allSatisfy(\.isASCII), let whole = Int64(wholePart) else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), let value = Int64(fraction) else { return nil }
            cents = fraction.count == 1 ? value * 10 : value
        }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: Self.minorUnitsPerUnit)
        guard !overflow, case let (total, false) = scaled.addingReportingOverflow(cents) else { return nil }
        self.minorUnits = negative ? -total : total
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits < rhs.minorUnits }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(minorUnits: lhs.minorUnits + rhs.minorUnits) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(minorUnits: lhs.minorUnits - rhs.minorUnits) }
}

extension Money: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let money = Money(decimal: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an amount like 1234.50")
        }
        self = money
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
