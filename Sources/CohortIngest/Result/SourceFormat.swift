import Foundation

/// How one input file was read: its kind, encoding, delimiter, decimal separator and
/// date order, each as given or as detected; shown in the report so a reader can check it.
///
///     "orders.csv: CSV, Windows-1252, ';' delimited, decimal comma (detected), dates day first (DD/MM/YYYY, detected)"
public struct SourceFormat: Sendable, Equatable, CustomStringConvertible {
    public var source: String
    /// "CSV", or "Excel sheet 'Tabelle1'".
    public var kind: String
    public var encoding: TextEncoding?
    public var delimiter: UInt8?
    public var decimalSeparator: DecimalSeparator?
    public var decimalSeparatorGiven = false
    public var dateOrder: DateOrder?
    public var dateOrderGiven = false
    /// Data rows (blank lines not counted).
    public var rows = 0

    public var description: String {
        var parts = [kind]
        if let encoding { parts.append(encoding.rawValue) }
        if let delimiter { parts.append("\(Self.name(ofDelimiter: delimiter)) delimited") }
        if let decimalSeparator { parts.append("\(decimalSeparator.name) (\(decimalSeparatorGiven ? "given" : "detected"))") }
        if let dateOrder, dateOrder != .yearMonthDay {
            parts.append("dates \(dateOrder.name.replacingOccurrences(of: ")", with: ", \(dateOrderGiven ? "given" : "detected"))"))")
        }
        parts.append("\(rows) \(rows == 1 ? "row" : "rows")")
        return "\(source): " + parts.joined(separator: ", ")
    }

    static func name(ofDelimiter delimiter: UInt8) -> String {
        switch delimiter {
        case UInt8(ascii: "\t"): return "tab"
        default: return "'\(String(decoding: [delimiter], as: UTF8.self))'"
        }
    }
}
