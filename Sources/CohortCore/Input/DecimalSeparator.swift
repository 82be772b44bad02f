import Foundation

/// The character that separates the whole from the fractional part of an amount.
///
/// `.comma` reads `1.234,56` (German, `.` or a blank groups thousands), `.point`
/// reads `1,234.56`. Chosen with `--decimal`, or detected per amount column from
/// the first value that only one of them can read.
public enum DecimalSeparator: String, Sendable, Codable, CaseIterable {
    case point = "."
    case comma = ","

    /// Parses `--decimal`: `,` or `comma`, `.` or `point`/`dot`; nil otherwise.
    public init?(argument: String) {
        switch argument.trimmingCharacters(in: .whitespaces).lowercased() {
        case ",", "comma", "komma": self = .comma
        case ".", "point", "dot", "punkt": self = .point
        default: return nil
        }
    }

    /// The byte that stands for this separator.
    public var byte: UInt8 { self == .point ? UInt8(ascii: ".") : UInt8(ascii: ",") }

    /// The other one, which then groups thousands.
    public var other: DecimalSeparator { self == .point ? .comma : .point }
}
