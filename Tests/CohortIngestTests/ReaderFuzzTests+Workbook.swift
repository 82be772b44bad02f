import CohortCore
import CohortIngest
import CohortSample
import Foundation
import Testing

/// The seeded random-input test of the workbook reader: generated .xlsx packages (stored ZIP
/// entries, so that a mutation of the XML reaches the XML parser) with their parts mutated, and
/// fixture workbooks with bytes flipped, inserted, deleted or cut. Same time budget as the CSV
/// test (`COHORT_FUZZ_SECONDS`, 2 s by default; 30 s in CI), and the corpus of inputs that once failed.
extension ReaderFuzzTests {
    @Test(.timeLimit(.minutes(20))) func everyWorkbookIsReadOrRefusedInOneLine() throws {
        let environment = ProcessInfo.processInfo.environment
        let seconds = environment["COHORT_FUZZ_SECONDS"].flatMap(Double.init) ?? 2
        var generator = SplitMix64(seed: environment["COHORT_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_204)
        let fixtures = try FileManager.default.contentsOfDirectory(atPath: Fixture.folder).sorted()
            .filter { $0.hasSuffix(".xlsx") }
            .compactMap { FileManager.default.contents(atPath: Fixture.path($0)).map { [UInt8]($0) } }
        let inputFile = environment["COHORT_FUZZ_INPUT"].map(URL.init(fileURLWithPath:))
        let deadline = Date().addingTimeInterval(seconds)
        var runs = 0, read = 0
        while runs < 200 || Date() < deadline {
            let input: [UInt8]
            if runs % 2 == 0 || fixtures.isEmpty {
                input = Self.generatedWorkbook(&generator)
            } else {
                input = Self.mutated(fixtures.randomElement(using: &generator) ?? [], &generator)
            }
            if let inputFile { try Data(input).write(to: inputFile) }
            if try check(input, run: runs) { read += 1 }
            runs += 1
        }
        // Some generated workbooks are read whole, so the checks on a table are reached too.
        #expect(read > runs / 20, "\(read) of \(runs) read")
    }

    @Test func everyCorpusInputIsReadOrRefusedInOneLine() throws {
        let folder = URL(fileURLWithPath: Fixture.folder).deletingLastPathComponent().appendingPathComponent("fuzz-corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "README.md" }.sorted()
        #expect(!names.isEmpty)
        for (index, name) in names.enumerated() {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            try check(bytes, run: index)
        }
    }

    // MARK: - Workbooks

    /// A small workbook: the package parts a reader needs, rows of the values real sheets hold, and
    /// now and then a part mutated at the XML level.
    static func generatedWorkbook(_ generator: inout SplitMix64) -> [UInt8] {
        let values = ["C1", "K-100", "2026-01-05", "46023", "46023.5", "10.5", "1234.5599999999999", "-3", "1E300", "", "<", "&amp;",
                      "x\u{1}y", "99999999999999999999", "1900-01-01", "9999-12-31"]
        var strings: [String] = []
        var rows = ""
        let rowCount = Int.random(in: 0 ... 8, using: &generator)
        for row in 1 ... max(1, rowCount) {
            var cells = ""
            for column in 0 ..< Int.random(in: 1 ... 5, using: &generator) {
                let reference = "\(String(UnicodeScalar(UInt8(65 + column))))\(row)"
                let value = values.randomElement(using: &generator) ?? ""
                switch Int.random(in: 0 ..< 4, using: &generator) {
                case 0: cells += "<c r=\"\(reference)\"><v>\(value)</v></c>"
                case 1: cells += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(value)</t></is></c>"
                case 2:
                    strings.append(value)
                    cells += "<c r=\"\(reference)\" t=\"s\"><v>\(Int.random(in: 0 ... strings.count, using: &generator))</v></c>"
                default: cells += "<c r=\"\(reference)\" t=\"str\"><v>\(value)</v></c>"
                }
            }
            rows += "<row r=\"\(row)\">\(cells)</row>"
        }
        var parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array("<Types/>".utf8)),
            ("xl/workbook.xml", Array("<workbook xmlns:r=\"r\"><sheets><sheet name=\"Orders\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".utf8)),
            ("xl/_rels/workbook.xml.rels", Array(("<Relationships><Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>").utf8)),
            ("xl/worksheets/sheet1.xml", Array("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>customer</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>date</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>amount</t></is></c></row>\(rows)</sheetData></worksheet>".utf8)),
            ("xl/sharedStrings.xml", Array(("<sst>" + strings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>").utf8)),
        ]
        if Int.random(in: 0 ..< 3, using: &generator) > 0 {
            let index = Int.random(in: 0 ..< parts.count, using: &generator)
            parts[index].1 = mutated(parts[index].1, &generator)
        }
        return storedZIP(parts)
    }

    /// A ZIP archive of `parts`, stored without compression (CRCs left 0: the reader does not check them).
    static func storedZIP(_ parts: [(String, [UInt8])]) -> [UInt8] {
        func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16 & 0xFFFF) }
        var archive: [UInt8] = [], directory: [UInt8] = []
        for (name, data) in parts {
            let offset = archive.count
            let nameBytes = Array(name.utf8)
            let common = le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(data.count) + le32(data.count) + le16(nameBytes.count)
            archive += le32(0x0403_4B50) + common + le16(0) + nameBytes + data
            directory += le32(0x0201_4B50) + le16(20) + common + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + nameBytes
        }
        let directoryOffset = archive.count
        return archive + directory + le32(0x0605_4B50) + le16(0) + le16(0) + le16(parts.count) + le16(parts.count)
            + le32(directory.count) + le32(directoryOffset) + le16(0)
    }
}
