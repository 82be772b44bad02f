import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the shared strings part (`xl/sharedStrings.xml`): the texts that cells of type
/// `s` point to by index. Rich text runs (`<r><t>`) are joined; phonetic guides
/// (`<rPh>`, for Japanese) are left out.
final class XLSXSharedStringsParser: NSObject, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var current = ""
    private var text = ""
    private var capturing = false
    private var inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch XLSXWorkbook.localName(elementName) {
        case "si": current = ""
        case "rPh": inPhonetic = true
        case "t" where !inPhonetic:
            text = ""
            capturing = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch XLSXWorkbook.localName(elementName) {
        case "t" where capturing:
            current += text
            capturing = false
        case "rPh": inPhonetic = false
        case "si": strings.append(current)
        default: break
        }
    }
}
