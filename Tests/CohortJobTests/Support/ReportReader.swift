import Foundation

/// Reads a report folder's workbook with openpyxl and its CSV files with Python's csv module
/// (`read_report.py` beside this file): readers independent of libxlsxwriter and of the tool's
/// own CSV writer.
enum ReportReader {
    /// The interpreter with openpyxl: Debian's, not whatever `python3` is first on the PATH.
    static let python = ProcessInfo.processInfo.environment["COHORT_TEST_PYTHON"] ?? "/usr/bin/python3"
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("read_report.py").path

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A report folder (its report.xlsx and every CSV), or one `.xlsx` file.
    static func read(_ path: String) throws -> ReadReport {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let json = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "read_report.py exited with \(process.terminationStatus): \(String(decoding: message, as: UTF8.self))")
        }
        return try JSONDecoder().decode(ReadReport.self, from: json)
    }
}

/// What `read_report.py` found.
struct ReadReport: Decodable {
    let sheets: [ReadSheet]
    let csv: [String: ReadCSV]

    func sheet(_ name: String) throws -> ReadSheet {
        guard let sheet = sheets.first(where: { $0.name == name }) else {
            throw ReportReader.Failure(description: "no sheet '\(name)' among \(sheets.map(\.name))")
        }
        return sheet
    }

    func file(_ name: String) throws -> ReadCSV {
        guard let file = csv[name] else { throw ReportReader.Failure(description: "no \(name) among \(csv.keys.sorted())") }
        return file
    }
}

struct ReadSheet: Decodable {
    struct Cell: Decodable, Equatable {
        let format: String
        let bold: Bool
        let number: Double?
        let text: String?
        /// `YYYY-MM-DD` of a date cell.
        let date: String?
    }

    struct ColorScale: Decodable, Equatable {
        let range: String
        let stops: [Double?]
        let colors: [String?]
    }

    let name: String
    /// Row by row from A1; nil for an empty cell.
    let rows: [[Cell?]]
    let freeze: String?
    let autofilter: String?
    let widths: [String: Double]
    let colorScales: [ColorScale]
    let formulas: Int

    /// The cell at 0-based `row`, `column`; nil when empty or outside the sheet.
    func cell(_ row: Int, _ column: Int) -> Cell? {
        guard rows.indices.contains(row), rows[row].indices.contains(column) else { return nil }
        return rows[row][column]
    }

    /// The first row whose first cell is the text `label`.
    func row(labelled label: String) -> Int? {
        rows.firstIndex { $0.first??.text == label }
    }
}

/// A CSV file as Python's csv module read it, and what its bytes looked like.
struct ReadCSV: Decodable {
    let byteOrderMark: Bool
    let lineFeeds: Int
    let carriageReturnLineFeeds: Int
    /// The header first.
    let rows: [[String]]

    var header: [String] { rows.first ?? [] }
    var records: ArraySlice<[String]> { rows.dropFirst() }

    /// Each record as column key → field.
    var keyed: [[String: String]] {
        records.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
