import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An Excel workbook (.xlsx) opened from its bytes: its sheets, and the cells of one of them.
///
/// An .xlsx file is a ZIP archive of XML parts; this reads the few that hold data
/// (workbook, relationships, shared strings, one worksheet) with `ZIPDirectory` (which
/// inflates with ZIPFoundation) and Foundation's `XMLParser`. Styles are not read: a
/// date is recognized by its column, not its number format.
///
///     let workbook = try XLSXWorkbook(data: data, source: "orders.xlsx")
///     let cells = try workbook.cells(of: try workbook.sheet(named: nil))   // the first sheet
struct XLSXWorkbook {
    /// A worksheet: its name on the tab and its part in the archive.
    struct Sheet: Equatable {
        var name: String
        var path: String
    }

    let source: String
    let sheets: [Sheet]
    /// Serial days count from 1904-01-01 (workbooks from old Mac Excel).
    let date1904: Bool
    private let archive: ZIPDirectory
    private let sharedStringsPath: String?

    /// Parts larger than this (unpacked) are refused rather than unpacked into memory, unless
    /// the workbook is opened with another limit (`--max-sheet-mb`); a part is refused sooner when
    /// it unpacks to more than `ReadLimits.sheetInflationRatio` times its packed size (a ZIP bomb).
    static let maximumPartSize = ReadLimits.defaultSheetMegabytes << 20

    /// Opens the workbook in `data` (the bytes of the .xlsx file).
    init(data: Data, source: String, maximumPartSize: Int = Self.maximumPartSize) throws(IngestError) {
        self.source = source
        var archive: ZIPDirectory
        do {
            archive = try ZIPDirectory(data)
        } catch {
            throw .unreadableWorkbook(source: source, reason: error.reason)
        }
        archive.maximumPartSize = maximumPartSize
        self.archive = archive
        guard archive.contains("xl/workbook.xml") else {
            if archive.contains("content.xml") && archive.contains("mimetype") { throw .notText(source: source, signature: .openDocumentSpreadsheet) }
            throw .notText(source: source, signature: .zip)
        }
        let package = XLSXPackageParser()
        try Self.parse(Self.part("xl/workbook.xml", of: archive, source: source), with: package, part: "xl/workbook.xml", source: source)
        if let relationships = try Self.optionalPart("xl/_rels/workbook.xml.rels", of: archive, source: source) {
            try Self.parse(relationships, with: package, part: "xl/_rels/workbook.xml.rels", source: source)
        }
        var sheets: [Sheet] = []
        for (index, sheet) in package.sheets.enumerated() {
            let target = package.relationships[sheet.relationship]?.target ?? "worksheets/sheet\(index + 1).xml"
            sheets.append(Sheet(name: sheet.name, path: Self.partPath(target)))
        }
        guard !sheets.isEmpty else { throw .unreadableWorkbook(source: source, reason: .noWorksheet) }
        self.sheets = sheets
        date1904 = package.date1904
        let sharedStrings = package.relationships.values.first { $0.type.hasSuffix("/sharedStrings") }.map { Self.partPath($0.target) }
        sharedStringsPath = sharedStrings ?? (archive.contains("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : nil)
    }

    /// The sheet named `name` (exactly, else ignoring case, else by its number counting from 1);
    /// the first sheet when `name` is nil.
    func sheet(named name: String?) throws(IngestError) -> Sheet {
        guard let name else { return sheets[0] }
        if let sheet = sheets.first(where: { $0.name == name }) ?? sheets.first(where: { $0.name.lowercased() == name.lowercased() }) {
            return sheet
        }
        if let number = Int(name), sheets.indices.contains(number - 1) { return sheets[number - 1] }
        throw .sheetNotFound(source: source, name: name, sheets: sheets.map(\.name))
    }

    /// The cells of a sheet, with shared strings resolved.
    func cells(of sheet: Sheet) throws(IngestError) -> CellRows {
        var strings: [String] = []
        if let sharedStringsPath, let data = try Self.optionalPart(sharedStringsPath, of: archive, source: source) {
            let parser = XLSXSharedStringsParser()
            try Self.parse(data, with: parser, part: sharedStringsPath, source: source)
            strings = parser.strings
        }
        let parser = XLSXSheetParser(sharedStrings: strings)
        try Self.parse(Self.part(sheet.path, of: archive, source: source), with: parser, part: sheet.path, source: source)
        if let problem = parser.problem {
            throw .unreadableWorkbook(source: source, reason: .missingSharedString(part: sheet.path, row: problem.row, index: problem.index))
        }
        return parser.rows
    }

    /// An element's name without its namespace prefix ("x:row" → "row").
    static func localName(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return name[...] }
        return name[name.index(after: colon)...]
    }

    // MARK: - Parts

    /// "worksheets/sheet1.xml" (relative to xl/) or "/xl/worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml".
    private static func partPath(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for component in target.split(separator: "/") {
            if component == ".." { _ = parts.popLast() } else if component != "." { parts.append(String(component)) }
        }
        return parts.joined(separator: "/")
    }

    private static func part(_ path: String, of archive: ZIPDirectory, source: String) throws(IngestError) -> Data {
        guard let data = try optionalPart(path, of: archive, source: source) else {
            throw .unreadableWorkbook(source: source, reason: .missingPart(path))
        }
        return data
    }

    private static func optionalPart(_ path: String, of archive: ZIPDirectory, source: String) throws(IngestError) -> Data? {
        do {
            return try archive.contents(of: path, limit: archive.maximumPartSize)
        } catch {
            throw .unreadableWorkbook(source: source, reason: error.reason)
        }
    }

    /// Parses an XML part with `delegate`. Through a stream: given all its bytes at once, the
    /// XMLParser of swift-corelibs-foundation hands them to libxml2 in one chunk, which refuses
    /// more than 10 MB (a sheet of about 70,000 rows).
    /// Bytes that are not UTF-8 are refused first: XMLParser traps on some of them in element names.
    static func parse(_ data: Data, with delegate: XMLParserDelegate, part: String, source: String) throws(IngestError) {
        let invalid = data.withUnsafeBytes { TextEncoding.firstInvalidUTF8($0.bindMemory(to: UInt8.self), allowTruncatedEnd: false) }
        if let invalid {
            let line = data.withUnsafeBytes { TextEncoding.line(of: invalid, in: $0.bindMemory(to: UInt8.self)) }
            throw .unreadableWorkbook(source: source, reason: .notUTF8(part: part, line: line))
        }
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = delegate
        guard parser.parse() else {
            throw .unreadableWorkbook(source: source, reason: .invalidXML(part: part, line: parser.lineNumber))
        }
    }
}
