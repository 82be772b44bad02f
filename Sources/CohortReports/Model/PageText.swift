import CohortCore
import CohortVocabulary

/// What the HTML page says beyond the report's labels: where the full matrices are and
/// what a printout leaves out; templates read it as `page.*`.
public struct PageText: Sendable {
    /// "Every cohort and age of this matrix, as numbers:", followed by `matrixFiles`.
    public let fullMatrixFiles: String
    /// The files beside the report that hold every cell of the matrices, as links: "cohorts.csv".
    public let matrixFiles: [String]
    /// At-risk customers a printout lists (the page on screen lists every one of the report's).
    public let printedAtRiskRows: Int
    /// The first row a printout leaves out (`printedAtRiskRows + 1`, for the print stylesheet's `nth-child`).
    public let firstUnprintedRow: Int
    /// Printed under the customer lists: what paper leaves out of them; empty when it leaves out nothing.
    public let printedCustomerLists: String

    /// Periods of each bridge table a printout lists, the latest (the screen lists the report's 12).
    public let printedBridgeRows: Int
    /// For the print stylesheet's `nth-last-child`: rows from this one back, counted from the end, are left out.
    public let firstUnprintedBridgeRowFromEnd: Int
    /// Printed under each bridge table when paper shortens it; empty otherwise.
    public let printedBridgeNote: String

    init(words: any Vocabulary, kind: PeriodKind, matrixFiles: [String], printedAtRiskRows: Int, customers: CustomerSection?,
         printedBridgeRows: Int, bridgeRows: Int) {
        fullMatrixFiles = words.fullMatrixFiles
        self.matrixFiles = matrixFiles
        self.printedAtRiskRows = printedAtRiskRows
        firstUnprintedRow = printedAtRiskRows + 1
        let leftOut = customers.map { $0.atRisk.rows.count > printedAtRiskRows || $0.lost.hasRows || $0.wonBack.hasRows } ?? false
        printedCustomerLists = leftOut ? words.printedCustomerLists(atRisk: printedAtRiskRows) : ""
        self.printedBridgeRows = printedBridgeRows
        firstUnprintedBridgeRowFromEnd = printedBridgeRows + 1
        printedBridgeNote = bridgeRows > printedBridgeRows ? words.printedBridgeRows(printedBridgeRows, of: bridgeRows, kind) : ""
    }
}

/// One entry of the page's table of contents: a section's id and its heading.
public struct ContentsEntry: Sendable, Equatable {
    public let id: String
    /// The heading as HTML (already escaped; templates render it with `{{{title}}}`).
    public let title: String
}
