/// A spreadsheet workbook as plain values: its sheets in order and its document properties.
///
/// Build one, then hand it to ``ExcelWriter``; nothing is written until then, and the
/// same workbook always gives the same bytes (the creation date is part of the value).
///
///     var sheet = ExcelSheet(name: "Retention", rows: [[.header("Cohort"), .header("Size")],
///                                                      [.text("2026-01"), .integer(120)]])
///     sheet.frozenRows = 1
///     sheet.fitColumnWidths()
///     let data = try ExcelWriter.data(of: ExcelWorkbook(sheets: [sheet]))
public struct ExcelWorkbook: Sendable, Hashable {
    /// The sheets, in tab order. Their names are made valid and unique when written
    /// (see ``ExcelWarning/sheetRenamed(from:to:)``).
    public var sheets: [ExcelSheet]
    public var properties: ExcelDocumentProperties

    public init(sheets: [ExcelSheet] = [], properties: ExcelDocumentProperties = ExcelDocumentProperties()) {
        self.sheets = sheets
        self.properties = properties
    }
}
