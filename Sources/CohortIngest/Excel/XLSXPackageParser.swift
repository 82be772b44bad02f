import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the parts of a workbook that say where its sheets are: `xl/workbook.xml`
/// (sheet names in tab order, their relationship ids, the 1904 date system flag)
/// and `xl/_rels/workbook.xml.rels` (relationship id → part path).
final class XLSXPackageParser: NSObject, XMLParserDelegate {
    /// Sheets in tab order: name and relationship id.
    private(set) var sheets: [(name: String, relationship: String)] = []
    private(set) var date1904 = false
    /// Relationship id → (target path, type).
    private(set) var relationships: [String: (target: String, type: String)] = [:]

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch XLSXWorkbook.localName(elementName) {
        case "sheet":
            let relationship = attributes.first { $0.key.hasSuffix(":id") }?.value ?? attributes["id"] ?? ""
            sheets.append((attributes["name"] ?? "Sheet\(sheets.count + 1)", relationship))
        case "workbookPr":
            let flag = attributes["date1904"]?.lowercased()
            date1904 = flag == "1" || flag == "true"
        case "Relationship":
            if let id = attributes["Id"], let target = attributes["Target"] {
                relationships[id] = (target, attributes["Type"] ?? "")
            }
        default:
            break
        }
    }
}
