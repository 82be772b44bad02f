import CohortCore
import CohortExcel

/// The words of the Excel workbook (report.xlsx, `--format xlsx`): sheet names, column
/// headers and notes, and what went wrong or had to change when writing it.
///
/// Part of every `Vocabulary`; each language implements it in `<Language>+Workbook.swift`.
///
///     let words = Language.german.words.workbookWords(.month)
///     words.retentionSheet         // "Kundenbindung"
///     words.kpiColumns.churnRate   // "Abwanderungsrate"
public protocol WorkbookVocabulary: Sendable {
    /// Sheet names, headers and fixed notes for periods of `kind`.
    func workbookWords(_ kind: PeriodKind) -> WorkbookWords
    /// True when the currency symbol follows the amount ("1.234 €"), false when it leads ("€1,234").
    var currencyFollowsAmount: Bool { get }
    /// The note under a triangle: "Cohorts with fewer than 30 customers are left uncolored."
    func uncoloredSmallCohorts(below minimum: Int) -> String
    /// The note above a customer sheet that holds part of a list: "The first 100 of 312 customers; all of them are in at-risk.csv."
    func listExcerpt(shown: Int, of total: Int, file: String?) -> String
    /// One line: why a workbook could not be written.
    func describe(_ error: ExcelError) -> String
    /// One line: what had to change so that Excel accepts the workbook.
    func describe(_ warning: ExcelWarning) -> String
}
