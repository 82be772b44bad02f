import Foundation

/// Writes an ``ExcelWorkbook`` as an `.xlsx` file with libxlsxwriter.
///
/// The same workbook always gives the same bytes. libxlsxwriter 1.1.4 can only write
/// to a file, so the workbook is written into a private temporary directory, read
/// back, and the directory removed.
///
///     let file = try ExcelWriter.file(of: workbook)
///     files["report.xlsx"] = file.data
///     file.warnings   // [.textTruncated(…)] when something had to change
///
/// Complexity: O(*n*) in the number of cells and their text.
public enum ExcelWriter {
    /// The `.xlsx` bytes of `workbook` and what had to change to write it.
    ///
    /// - Parameter temporaryDirectory: where the private working directory is made;
    ///   `nil` for the system's (`TMPDIR`).
    public static func file(of workbook: ExcelWorkbook, temporaryDirectory: String? = nil) throws(ExcelError) -> ExcelFile {
        let directory = try TemporaryDirectory(in: temporaryDirectory ?? FileManager.default.temporaryDirectory.path)
        // Only its path is used below: keep the directory (removed in deinit) until the file is read back.
        defer { withExtendedLifetime(directory) {} }
        let path = directory.path + "/workbook.xlsx"
        var encoder = WorkbookEncoder(xlsx: try XLSXWorkbook(path: path, temporaryDirectory: directory.path))
        try encoder.encode(workbook)
        return ExcelFile(data: try FileIO.contents(of: path), warnings: encoder.warnings)
    }

    /// The `.xlsx` bytes of `workbook`; see ``file(of:temporaryDirectory:)`` for the warnings too.
    public static func data(of workbook: ExcelWorkbook, temporaryDirectory: String? = nil) throws(ExcelError) -> Data {
        try file(of: workbook, temporaryDirectory: temporaryDirectory).data
    }

    /// Writes `workbook` to `path`: beside it first, then renamed onto it, so that `path`
    /// holds the old file or the whole new one, never a part.
    @discardableResult
    public static func write(_ workbook: ExcelWorkbook, to path: String) throws(ExcelError) -> [ExcelWarning] {
        let written = try file(of: workbook)
        try FileIO.replace(path, with: written.data)
        return written.warnings
    }
}
