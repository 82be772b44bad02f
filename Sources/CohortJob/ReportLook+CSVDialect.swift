import CohortReports

extension ReportLook {
    /// The dialect of the report folder's CSV files: the one chosen (`--csv-dialect`, `csv_dialect:`),
    /// else the default of the report's language (`excel-de` for German, whether the language came
    /// from `--locale`, the configuration or `LANG`).
    public var reportCSVDialect: CSVExportDialect {
        csvDialect ?? .default(for: language)
    }
}
