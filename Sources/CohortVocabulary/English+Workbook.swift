import CohortCore
import CohortExcel
import Foundation

extension English {
    func workbookWords(_ kind: PeriodKind) -> WorkbookWords {
        let noun = periodNoun(kind, plural: false), nouns = periodNoun(kind, plural: true)
        let year = kind == .month ? "12 months" : kind == .quarter ? "4 quarters" : "52 weeks"
        return WorkbookWords(
            summarySheet: "Summary", retentionSheet: "Retention", revenueRetentionSheet: "Revenue retention",
            grossRetentionSheet: "Gross revenue retention", revenueSheet: "Revenue", revenuePerCustomerSheet: "Revenue per customer",
            kpiSheet: "KPIs by \(noun)", survivalSheet: "Survival", atRiskSheet: "At risk", lostSheet: "Lost", wonBackSheet: "Won back",
            customersSheet: "Customers",
            figure: "Figure", previousPeriod: "Previous \(noun)", yearEarlier: "A year earlier", status: "Status", note: "Note",
            asOf: "As of", reportedPeriod: "Reported \(noun)", periods: "Periods", churnWindow: "Churn window", source: "Source",
            rowsRead: "Rows read", rowsRejected: "Rows rejected", customersInCohorts: "Customers in cohorts", generated: "Generated",
            target: "Target", cohortSize: "Cohort size",
            partial: "partial",
            kpiColumns: KPIColumnWords(
                period: noun.capitalized, partial: "Partial", customersStart: "Customers at start", newCustomers: "New",
                reactivatedCustomers: "Won back", churnedCustomers: "Churned", customersEnd: "Customers at end",
                churnRate: "Churn rate", customerRetentionRate: "CRR", customerRetentionRate12: "CRR over \(year)",
                winBackRate: "Win-back rate", revenue: "Revenue", revenueStart: "Revenue at start",
                revenueNew: "Revenue from new", revenueExpansion: "Expansion", revenueContraction: "Contraction",
                revenueChurned: "Revenue churned", revenueReactivation: "Reactivation", revenueEnd: "Revenue at end",
                nrrMonthly: "NRR, \(periodly(kind))", grrMonthly: "GRR, \(periodly(kind))", nrr12: "NRR over \(year)",
                grr12: "GRR over \(year)", revenueChurnRate: "Revenue churn rate", orders: "Orders", averageOrderValue: "AOV",
                repeatPurchaseRate12: "Repeat purchase rate", purchaseFrequency12: "Orders per customer and \(noun)",
                averageLifespan: "Average lifespan (\(nouns))", customerLifetimeValue: "CLV"),
            firstOrder: "First order", expectedOrders: "Expected orders, 12 months", expectedOrderValue: "Expected order value",
            survivalAge: "\(nouns.capitalized) since acquisition", survivalAtRisk: "Observed", survivalChurned: "Churned",
            survivalCensored: "Censored", survivalShare: "Still live", lowerBound: "Lower 95% bound", upperBound: "Upper 95% bound")
    }

    var currencyFollowsAmount: Bool { false }

    func uncoloredSmallCohorts(below minimum: Int) -> String {
        "Cohorts with fewer than \(count(minimum)) customers are left uncolored; they count in the average by their size."
    }

    func listExcerpt(shown: Int, of total: Int, file: String?) -> String {
        let all = file.map { "; all of them are in \($0) beside this workbook" } ?? ""
        return "The first \(count(shown)) of \(count(total)) customers\(all)."
    }

    func describe(_ error: ExcelError) -> String {
        switch error {
        case .library(let code, let function, let sheet, let cell):
            let place = [sheet.map { "sheet '\($0)'" }, cell.map { "cell \($0.reference)" }].compactMap { $0 }.joined(separator: ", ")
            return "the workbook could not be written: libxlsxwriter's \(function) returned \(code.name)" + (place.isEmpty ? "" : " (\(place))")
        case .sheetTooLarge(let sheet, let rows, let columns):
            return "sheet '\(sheet)' has \(count(rows)) rows and \(count(columns)) columns, more than Excel's 1,048,576 rows "
                + "and 16,384 columns; write CSV instead (--format csv)"
        case .rangeOutsideGrid(let sheet, let range):
            return "sheet '\(sheet)': the range \(range.reference) lies outside Excel's grid"
        case .invalidColumnWidth(let sheet, let column, let width):
            return "sheet '\(sheet)': column \(ExcelRange.columnName(column)) cannot be \(width) characters wide (Excel allows 0 to 255)"
        case .temporaryDirectory(let path, let code):
            return "cannot make a temporary folder in \(path) for the workbook: \(Self.systemMessage(code))"
        case .readingBack(let path, let code):
            return "cannot read the written workbook back from \(path): \(Self.systemMessage(code))"
        case .writing(let path, let code):
            return "cannot write \(path): \(Self.systemMessage(code))"
        }
    }

    func describe(_ warning: ExcelWarning) -> String {
        switch warning {
        case .sheetRenamed(let from, let to):
            return "the sheet '\(from)' is named '\(to)' in the workbook (Excel's rules for sheet names)"
        case .textTruncated(let cell, let length, let limit):
            return "sheet '\(cell.sheet)', cell \(cell.reference): a text of \(count(length)) characters was cut to Excel's \(count(limit))"
        case .charactersReplaced(let cell, let replaced):
            return "sheet '\(cell.sheet)', cell \(cell.reference): \(count(replaced)) character\(replaced == 1 ? "" : "s") "
                + "that a workbook cannot hold became \u{FFFD}"
        case .nonFiniteNumberLeftEmpty(let cell):
            return "sheet '\(cell.sheet)', cell \(cell.reference): a number that is not finite was left empty"
        }
    }

    /// The C library's text for an `errno`.
    static func systemMessage(_ code: Int32) -> String { String(cString: strerror(code)) }
}
