import Foundation

/// How one input file was read: its kind, encoding, delimiter, decimal separator and
/// date order, each as given or as detected; shown in the report so a reader can check it.
///
///     "orders.csv: CSV, Windows-1252, ';' delimited, decimal comma (detected), dates day first (DD/MM/YYYY, detected)"
public struct SourceFormat: Sendable, Equatable, CustomStringConvertible {
    public var source: String
    /// "CSV", or "Excel sheet 'Tabelle1'".
    public var kind: String
    /// The sheet's name, for a workbook.
    public var sheet: String?
    public var encoding: TextEncoding?
    public var delimiter: UInt8?
    public var decimalSeparator: DecimalSeparator?
    public var decimalSeparatorGiven = false
    public var dateOrder: DateOrder?
    public var dateOrderGiven = false
    /// Data rows (blank lines not counted).
    public var rows = 0

    public var description: String { text(german: false) }

    /// The same line in German, for a German report:
    /// "orders.csv: CSV, Windows-1252, getrennt durch ';', Dezimalkomma (erkannt), Datum Tag zuerst (TT/MM/JJJJ, erkannt), 3 Zeilen".
    public var germanDescription: String { text(german: true) }

    private func text(german: Bool) -> String {
        func pick(_ english: String, _ deutsch: String) -> String { german ? deutsch : english }
        var parts = [sheet.map { pick("Excel sheet '\($0)'", "Excel-Blatt '\($0)'") } ?? kind]
        if let encoding { parts.append(encoding.rawValue) }
        if let delimiter {
            let name = delimiter == UInt8(ascii: "\t") ? pick("tab", "Tabulator") : Self.name(ofDelimiter: delimiter)
            parts.append(pick("\(name) delimited", "getrennt durch \(name)"))
        }
        if let decimalSeparator {
            let name = german ? decimalSeparator.germanName : decimalSeparator.name
            parts.append("\(name) (\(decimalSeparatorGiven ? pick("given", "angegeben") : pick("detected", "erkannt")))")
        }
        if let dateOrder, dateOrder != .yearMonthDay {
            let how = dateOrderGiven ? pick("given", "angegeben") : pick("detected", "erkannt")
            let name = (german ? dateOrder.germanName : dateOrder.name).replacingOccurrences(of: ")", with: ", \(how))")
            parts.append(pick("dates ", "Datum ") + name)
        }
        parts.append(german ? "\(rows) \(rows == 1 ? "Zeile" : "Zeilen")" : "\(rows) \(rows == 1 ? "row" : "rows")")
        return "\(source): " + parts.joined(separator: ", ")
    }

    static func name(ofDelimiter delimiter: UInt8) -> String {
        switch delimiter {
        case UInt8(ascii: "\t"): return "tab"
        default: return "'\(String(decoding: [delimiter], as: UTF8.self))'"
        }
    }
}
