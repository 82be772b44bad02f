import Foundation

/// Reads a written workbook back with Python's openpyxl (Debian: python3-openpyxl), an
/// implementation independent of libxlsxwriter, through `read_workbook.py` beside this file.
enum WorkbookReader {
    /// The interpreter with openpyxl: Debian's, not whatever `python3` is first on the PATH.
    static let python = ProcessInfo.processInfo.environment["COHORT_TEST_PYTHON"] ?? "/usr/bin/python3"
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("read_workbook.py").path

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func read(_ data: Data) throws -> ReadWorkbook {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-excel-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("read.xlsx")
        try data.write(to: file)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let json = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self)
            let hint = text.contains("No module named 'openpyxl'") ? " (install it: apt-get install python3-openpyxl)" : ""
            throw Failure(description: "\(python) read_workbook.py exited with \(process.terminationStatus)\(hint):\n\(text)")
        }
        return try JSONDecoder().decode(ReadWorkbook.self, from: json)
    }
}

/// What openpyxl found in a workbook (see read_workbook.py).
struct ReadWorkbook: Decodable {
    struct Properties: Decodable {
        let title: String?
        let subject: String?
        let creator: String?
        let keywords: String?
        let description: String?
        let created: String?
    }

    let sheets: [ReadSheet]
    let properties: Properties
    let archiveNames: [String]
    /// Entries of `cellXfs` in styles.xml: the default format and one for each distinct look.
    let cellFormats: Int

    func sheet(_ name: String) -> ReadSheet? { sheets.first { $0.name == name } }
}

struct ReadSheet: Decodable {
    struct Cell: Decodable, Equatable {
        let row: Int
        let column: Int
        /// openpyxl's data type: `s` text, `n` number, `d` date, `f` formula, `empty` (styled, no value).
        let type: String
        let format: String
        let bold: Bool
        let bottomBorder: String?
        let text: String?
        let number: Double?
        let date: String?
        let time: String?
    }

    struct Width: Decodable, Equatable {
        let min: Int
        let max: Int
        let width: Double
    }

    struct ColorScale: Decodable, Equatable {
        struct Stop: Decodable, Equatable {
            let type: String
            let value: Double?
        }

        let range: String
        let stops: [Stop]
        let colors: [String?]
    }

    let name: String
    let cells: [Cell]
    let widths: [Width]
    let freeze: String?
    let autofilter: String?
    let colorScales: [ColorScale]
    /// `<f>` elements in the sheet's XML: formulas, which these workbooks never have.
    let formulas: Int

    func cell(_ row: Int, _ column: Int) -> Cell? { cells.first { $0.row == row && $0.column == column } }
}
