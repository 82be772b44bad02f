@testable import CohortExcel
import Foundation
import Testing

/// Failures are error values with where they happened; nothing crashes and nothing is left behind.
struct ExcelErrorTests {
    let workbook = ExcelWorkbook(sheets: [ExcelSheet(name: "S", rows: [[.text("x")]])])

    @Test func unwritablePathIsAnErrorValue() {
        let path = "/nonexistent-\(UUID().uuidString)/report.xlsx"
        #expect(throws: ExcelError.writing(path: path, errno: ENOENT)) {
            try ExcelWriter.write(workbook, to: path)
        }
        // A file where a folder should be.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-excel-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(throws: ExcelError.writing(path: file + "/report.xlsx", errno: ENOTDIR)) {
            try ExcelWriter.write(workbook, to: file + "/report.xlsx")
        }
    }

    @Test func missingTemporaryDirectoryIsAnErrorValue() {
        let parent = "/nonexistent-\(UUID().uuidString)"
        #expect(throws: ExcelError.temporaryDirectory(path: parent, errno: ENOENT)) {
            try ExcelWriter.data(of: workbook, temporaryDirectory: parent)
        }
    }

    @Test func writeReplacesTheFileAndLeavesNothingElse() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-excel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("report.xlsx").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let warnings = try ExcelWriter.write(workbook, to: path)
        #expect(warnings.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == ExcelWriter.data(of: workbook))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.xlsx"])
    }

    @Test func temporaryDirectoryIsRemoved() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-excel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        _ = try ExcelWriter.data(of: workbook, temporaryDirectory: parent.path)
        #expect(throws: ExcelError.self) { try ExcelWriter.data(of: ExcelWorkbook(sheets: [ExcelSheet(name: "S", columnWidths: [-1])]),
                                                                  temporaryDirectory: parent.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
    }

    @Test func rangesOutsideTheGridAreErrorValues() {
        let reversed = ExcelRange(rows: 0...3, columns: 2...2)
        var backwards = reversed
        backwards.firstColumn = 3
        let cases: [(ExcelSheet, ExcelError)] = [
            (ExcelSheet(name: "A", autofilter: backwards), .rangeOutsideGrid(sheet: "A", range: backwards)),
            (ExcelSheet(name: "B", autofilter: ExcelRange(rows: -1...2, columns: 0...1)),
             .rangeOutsideGrid(sheet: "B", range: ExcelRange(rows: -1...2, columns: 0...1))),
            (ExcelSheet(name: "C", colorScales: [ExcelColorScale(range: ExcelRange(rows: 0...1_048_576, columns: 0...0),
                                                                 minimum: .init(.lowest, ExcelColor(rgb: 0)),
                                                                 maximum: .init(.highest, ExcelColor(rgb: 0xFFFFFF)))]),
             .rangeOutsideGrid(sheet: "C", range: ExcelRange(rows: 0...1_048_576, columns: 0...0))),
            (ExcelSheet(name: "D", frozenRows: -1), .rangeOutsideGrid(sheet: "D", range: ExcelRange(rows: 0...0, columns: 0...0))),
            (ExcelSheet(name: "E", columnWidths: [nil, 300]), .invalidColumnWidth(sheet: "E", column: 1, width: 300)),
            (ExcelSheet(name: "F", rows: [Array(repeating: .integer(1), count: 16_385)]), .sheetTooLarge(sheet: "F", rows: 1, columns: 16_385)),
        ]
        for (sheet, error) in cases {
            #expect(throws: error) { try ExcelWriter.data(of: ExcelWorkbook(sheets: [sheet])) }
        }
        #expect(throws: ExcelError.self) {
            try ExcelWriter.data(of: ExcelWorkbook(sheets: [ExcelSheet(name: "G", columnWidths: [.nan])]))
        }
    }

    @Test func libraryCodesKeepTheirNames() {
        #expect(XLSXWriterCode(rawValue: 0).name == "LXW_NO_ERROR")
        #expect(XLSXWriterCode(rawValue: 2).name == "LXW_ERROR_CREATING_XLSX_FILE")
        #expect(XLSXWriterCode(rawValue: 17).name == "LXW_ERROR_SHEETNAME_ALREADY_USED")
        #expect(XLSXWriterCode(rawValue: 999).name == "lxw_error(999)")
    }

    /// libxlsxwriter's own checks reach the caller as a value naming the C function and the code.
    @Test func libraryRefusalsAreErrorValues() throws {
        let xlsx = try XLSXWorkbook(path: "/dev/null/never.xlsx", temporaryDirectory: NSTemporaryDirectory())
        _ = try xlsx.addWorksheet(named: "Twice")
        #expect(throws: ExcelError.library(XLSXWriterCode(rawValue: 17), function: "workbook_validate_sheet_name", sheet: "Twice", cell: nil)) {
            try xlsx.addWorksheet(named: "Twice")
        }
    }
}
