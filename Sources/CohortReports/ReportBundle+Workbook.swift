import CohortCore

/// report.xlsx in the report folder.
extension ReportBundle {
    /// The report's workbook: every table as a sheet; the notes above the customer sheets name the
    /// full lists among the attachments (at-risk.csv, lost.csv).
    public var workbook: ReportWorkbook {
        var workbook = ReportWorkbook(analysis: analysis, settings: settings)
        // The names ReportJob gives the full lists (ReportJob.atRiskFile, ReportJob.lostFile).
        for (status, file) in [(CustomerStatus.atRisk, "at-risk.csv"), (.lost, "lost.csv")] where attachments[file] != nil {
            workbook.fullListFiles[status] = file
        }
        return workbook
    }
}
