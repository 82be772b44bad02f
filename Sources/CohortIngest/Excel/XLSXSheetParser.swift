import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a worksheet part (`xl/worksheets/sheet1.xml`) into `CellRows`.
///
/// Cells are `<c r="B5" t="s"><v>3</v></c>`: `t="s"` points into the shared strings,
/// `t="inlineStr"` holds its text in `<is><t>`, `t="str"`, `"e"`, `"d"` hold text in
/// `<v>`, `t="b"` a boolean, and no type a number (a date is a number too: its serial
/// day). Numbers keep their text and are marked, so that an amount is read as a
/// double and a date as a serial day. Formulas are ignored, their cached values read.
final class XLSXSheetParser: NSObject, XMLParserDelegate {
    private let sharedStrings: [String]
    private(set) var rows = CellRows()
    /// The first problem met, e.g. a shared string index that does not exist.
    private(set) var problem: (row: Int, index: String)?

    private var cells: [CellRows.Cell] = []
    private var rowNumber = 0
    private var nextColumn = 0
    private var cellColumn = 0
    private var cellType: String?
    private var value: String?
    private var inlineText = ""
    private var text = ""
    private var capturing = false
    private var inInlineString = false
    private var inPhonetic = false

    init(sharedStrings: [String]) {
        self.sharedStrings = sharedStrings
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch XLSXWorkbook.localName(elementName) {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            nextColumn = 0
        case "c":
            cellColumn = attributes["r"].flatMap(Self.columnIndex) ?? nextColumn
            cellType = attributes["t"]
            value = nil
            inlineText = ""
        case "v":
            text = ""
            capturing = true
        case "is":
            inInlineString = true
        case "t" where inInlineString && !inPhonetic:
            text = ""
            capturing = true
        case "rPh":
            inPhonetic = true
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch XLSXWorkbook.localName(elementName) {
        case "v":
            value = text
            capturing = false
        case "t" where capturing:
            inlineText += text
            capturing = false
        case "rPh":
            inPhonetic = false
        case "is":
            inInlineString = false
        case "c":
            if let cell = resolvedCell() { cells.append(cell) }
            nextColumn = cellColumn + 1
        case "row":
            rows.appendRow(number: rowNumber, cells: cells)
        default:
            break
        }
    }

    private func resolvedCell() -> CellRows.Cell? {
        switch cellType {
        case "s":
            guard let value else { return nil }
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                if problem == nil { problem = (rowNumber, value) }
                return nil
            }
            return CellRows.Cell(column: cellColumn, text: sharedStrings[index], isNumber: false)
        case "inlineStr":
            return CellRows.Cell(column: cellColumn, text: inlineText, isNumber: false)
        case "b":
            guard let value else { return nil }
            return CellRows.Cell(column: cellColumn, text: value == "1" ? "TRUE" : "FALSE", isNumber: false)
        case "str", "e", "d":
            guard let value else { return nil }
            return CellRows.Cell(column: cellColumn, text: value, isNumber: false)
        default:
            guard let value, !value.isEmpty else { return nil }
            return CellRows.Cell(column: cellColumn, text: Self.plainNumber(value), isNumber: true)
        }
    }

    /// A whole number as digits (`1E+5` → `100000`, `1001.0` → `1001`), so that a numeric
    /// customer id reads as people write it; any other number as stored.
    static func plainNumber(_ text: String) -> String {
        guard text.contains(where: { !$0.isNumber && $0 != "-" }), let number = Double(text), number.isFinite,
              number == number.rounded(), abs(number) < 1e15 else { return text }
        return String(Int64(number))
    }

    /// The 0-based column of a cell reference: "A1" → 0, "AB12" → 27.
    static func columnIndex(_ reference: String) -> Int? {
        var column = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            // Excel's references have at most 3 letters (XFD); a longer one is no reference, and
            // stopping here keeps the arithmetic far from overflow whatever a hostile sheet says.
            guard letters < 3 else { return nil }
            column = column * 26 + Int(scalar.value - 64)
            letters += 1
        }
        guard letters > 0 else { return nil }
        return column - 1
    }
}
