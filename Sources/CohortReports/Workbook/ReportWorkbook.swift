import CohortCore
import CohortExcel
import CohortVocabulary
import Foundation

/// The report as an Excel workbook (report.xlsx): one sheet per table, with real numbers,
/// number formats in the report's currency, headers in its language, frozen headers, widths
/// that fit and the heat maps' colors on the triangles.
///
/// Sheets, in order: the summary (headline figures and what the report covers); the cohort
/// triangles (retention, revenue retention, gross revenue retention, revenue, cumulative revenue
/// per customer), cohorts down and ages across with the cohort size beside them; the KPIs by
/// period; the Kaplan–Meier curve; the segment comparison (with `--segment-by`); the MRR
/// movements and renewals (with `--contracts`) and the NPS by period (with `--nps`); and the
/// customers at risk, lost and won back (the first
/// `CustomerActions.listLimit` of each, as the analysis keeps them; at-risk.csv and lost.csv
/// hold every one). Each sheet is also made alone, for `--format xlsx` of the commands.
///
///     let workbook = ReportWorkbook(analysis: analysis, settings: settings)
///     files["report.xlsx"] = try workbook.data()
///     let segments = workbook.tableSheet(name: "Segments", header: ["Segment", "Customers"],
///                                        rows: [[.text("Retail"), .count(412)]])
///
/// Complexity: O(cells); the triangles hold cohorts × ages cells.
public struct ReportWorkbook: Sendable {
    public let analysis: CohortAnalysis
    public let settings: ReportSettings
    /// The files beside the workbook that hold a whole customer list, named in the note above its
    /// sheet (`[.atRisk: "at-risk.csv", .lost: "lost.csv"]` in a report folder).
    public var fullListFiles: [CustomerStatus: String] = [:]

    public init(analysis: CohortAnalysis, settings: ReportSettings) {
        self.analysis = analysis
        self.settings = settings
    }

    var kind: PeriodKind { analysis.options.period }
    var vocabulary: any Vocabulary { settings.language.words }
    var words: WorkbookWords { vocabulary.workbookWords(kind) }
    var formats: WorkbookFormats { WorkbookFormats(currency: settings.currency, language: settings.language) }

    // MARK: Workbooks

    /// Every sheet of report.xlsx.
    public func workbook() -> ExcelWorkbook {
        var sheets = [summarySheet()]
        sheets += CohortTriangle.allCases.map(triangleSheet)
        if !analysis.kpis.isEmpty { sheets.append(kpiSheet()) }
        if let survival = survivalSheet() { sheets.append(survival) }
        if let segments = segmentSheet() { sheets.append(segments) }
        if let mrr = mrrSheet() { sheets.append(mrr) }
        if let nps = npsSheet() { sheets.append(nps) }
        sheets += customerListSheets()
        return workbook(sheets)
    }

    /// The triangles alone (`cohort matrix --format xlsx`).
    public func matrixWorkbook() -> ExcelWorkbook {
        workbook(CohortTriangle.allCases.map(triangleSheet))
    }

    /// The KPIs by period alone (`cohort kpis --format xlsx`).
    public func kpiWorkbook() -> ExcelWorkbook {
        workbook([kpiSheet()])
    }

    /// The Kaplan–Meier curve alone (`cohort survival --format xlsx`).
    public func survivalWorkbook() -> ExcelWorkbook {
        workbook(survivalSheet().map { [$0] } ?? [])
    }

    /// `records` on one sheet, in their order (`cohort customers --format xlsx`).
    public func customersWorkbook(_ records: [CustomerRecord]) -> ExcelWorkbook {
        workbook([customerSheet(name: words.customersSheet, records: records)])
    }

    /// Any sheets as one workbook with the report's document properties (`cohort segments --format xlsx`:
    /// `workbook([tableSheet(name:header:rows:)])`).
    public func workbook(_ sheets: [ExcelSheet]) -> ExcelWorkbook {
        ExcelWorkbook(sheets: sheets, properties: properties)
    }

    /// The `.xlsx` bytes of report.xlsx.
    public func data() throws(ExcelError) -> Data {
        try ExcelWriter.data(of: workbook())
    }

    /// Title, company and creation time (the report's "generated" time, so that the same report gives the same bytes).
    var properties: ExcelDocumentProperties {
        let title = vocabulary.reportLabels(kind).reportTitle
        return ExcelDocumentProperties(title: "\(title) \(analysis.asOf)", subject: title, author: "cohort", company: settings.company,
                                       created: settings.generatedAt)
    }

    // MARK: Building blocks

    /// A sheet of one table: `header` in bold in the first row (below `note`, when there is one),
    /// the rows below it with number formats in the report's currency, the header and the first
    /// `frozenColumns` columns frozen, filter buttons on the header, and widths that fit.
    ///
    /// The segment table, or any other table a command adds, is one call:
    ///
    ///     workbook.tableSheet(name: words.segmentsSheet, header: [words.segment, words.customers, words.retention],
    ///                         rows: segments.map { [.text($0.name), .count($0.customers), .percent($0.retention)] })
    public func tableSheet(name: String, header: [String], rows: [[WorkbookValue]], frozenColumns: Int = 1, note: String? = nil) -> ExcelSheet {
        let formats = self.formats
        let table = [header.map(ExcelCell.header)] + rows.map { $0.map { formats.cell($0) } }
        return Self.sheet(name: name, table: table, frozenColumns: frozenColumns, filtered: true, notesAbove: note.map { [$0] } ?? [])
    }

    /// A sheet whose first row of `table` is its header: notes above it (the header and filter
    /// move down) or below it (after a blank row), widths fitted to the table alone.
    static func sheet(name: String, table: [[ExcelCell]], frozenColumns: Int, filtered: Bool,
                      notesAbove: [String] = [], notesBelow: [String] = []) -> ExcelSheet {
        let widths = ExcelSheet(name: name, rows: table).fittedColumnWidths()
        let above = notesAbove.map { [ExcelCell.text($0)] }
        var sheet = ExcelSheet(name: name, rows: above + table, columnWidths: widths.map { $0 },
                               frozenRows: above.count + 1, frozenColumns: frozenColumns)
        if filtered, table.count > 1 {
            sheet.autofilter = ExcelRange(rows: above.count...(above.count + table.count - 1), columns: 0...max(0, sheet.columnCount - 1))
        }
        if !notesBelow.isEmpty { sheet.rows += [[]] + notesBelow.map { [ExcelCell.text($0)] } }
        return sheet
    }
}
