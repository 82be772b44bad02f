import Foundation

/// A written workbook: the bytes of the `.xlsx` file and what had to be changed to write it.
public struct ExcelFile: Sendable, Hashable {
    public var data: Data
    /// In the order met: sheets first, then cells row by row.
    public var warnings: [ExcelWarning]

    public init(data: Data, warnings: [ExcelWarning]) {
        self.data = data
        self.warnings = warnings
    }
}
