/// The words of the workbook for one period length: sheet names, headers and fixed notes;
/// each vocabulary builds it whole (`WorkbookVocabulary.workbookWords(_:)`), so that a word
/// missing in a language fails to compile.
public struct WorkbookWords: Sendable {
    // MARK: Sheet names (Excel allows 31 characters)
    /// The headline figures and what the report covers.
    public let summarySheet: String
    /// Customer retention by cohort and age.
    public let retentionSheet: String
    /// Net revenue retention by cohort and age.
    public let revenueRetentionSheet: String
    /// Gross revenue retention by cohort and age.
    public let grossRetentionSheet: String
    /// Revenue by cohort and age.
    public let revenueSheet: String
    /// Cumulative revenue per customer by cohort and age (the LTV curves).
    public let revenuePerCustomerSheet: String
    /// Every period KPI, one row per period.
    public let kpiSheet: String
    /// The Kaplan–Meier retention curve.
    public let survivalSheet: String
    public let atRiskSheet: String
    public let lostSheet: String
    public let wonBackSheet: String
    /// `cohort customers --format xlsx`.
    public let customersSheet: String

    // MARK: Summary sheet
    /// Header of the headline figures' names.
    public let figure: String
    public let previousPeriod: String
    public let yearEarlier: String
    /// Header of a traffic light, or of a customer's status.
    public let status: String
    /// Header of why a figure is missing.
    public let note: String
    public let asOf: String
    /// The period the headline figures are for.
    public let reportedPeriod: String
    /// Label of the period length ("monthly periods").
    public let periods: String
    public let churnWindow: String
    public let source: String
    public let rowsRead: String
    public let rowsRejected: String
    public let customersInCohorts: String
    public let generated: String
    public let target: String

    // MARK: Triangles
    public let cohortSize: String

    // MARK: KPI sheet
    /// The KPI sheet's mark of the partial period.
    public let partial: String
    public let kpiColumns: KPIColumnWords

    // MARK: Customer sheets (the other headers are `CustomerWords`)
    public let firstOrder: String
    public let expectedOrders: String
    public let expectedOrderValue: String

    // MARK: Survival sheet
    public let survivalAge: String
    public let survivalAtRisk: String
    public let survivalChurned: String
    public let survivalCensored: String
    public let survivalShare: String
    /// The ends of a 95 % interval (the survival band, a segment's churn).
    public let lowerBound: String
    public let upperBound: String

    public init(summarySheet: String, retentionSheet: String, revenueRetentionSheet: String, grossRetentionSheet: String, revenueSheet: String, revenuePerCustomerSheet: String, kpiSheet: String, survivalSheet: String, atRiskSheet: String, lostSheet: String, wonBackSheet: String, customersSheet: String, figure: String, previousPeriod: String, yearEarlier: String, status: String, note: String, asOf: String, reportedPeriod: String, periods: String, churnWindow: String, source: String, rowsRead: String, rowsRejected: String, customersInCohorts: String, generated: String, target: String, cohortSize: String, partial: String, kpiColumns: KPIColumnWords, firstOrder: String, expectedOrders: String, expectedOrderValue: String, survivalAge: String, survivalAtRisk: String, survivalChurned: String, survivalCensored: String, survivalShare: String, lowerBound: String, upperBound: String) {
        self.summarySheet = summarySheet
        self.retentionSheet = retentionSheet
        self.revenueRetentionSheet = revenueRetentionSheet
        self.grossRetentionSheet = grossRetentionSheet
        self.revenueSheet = revenueSheet
        self.revenuePerCustomerSheet = revenuePerCustomerSheet
        self.kpiSheet = kpiSheet
        self.survivalSheet = survivalSheet
        self.atRiskSheet = atRiskSheet
        self.lostSheet = lostSheet
        self.wonBackSheet = wonBackSheet
        self.customersSheet = customersSheet
        self.figure = figure
        self.previousPeriod = previousPeriod
        self.yearEarlier = yearEarlier
        self.status = status
        self.note = note
        self.asOf = asOf
        self.reportedPeriod = reportedPeriod
        self.periods = periods
        self.churnWindow = churnWindow
        self.source = source
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.customersInCohorts = customersInCohorts
        self.generated = generated
        self.target = target
        self.cohortSize = cohortSize
        self.partial = partial
        self.kpiColumns = kpiColumns
        self.firstOrder = firstOrder
        self.expectedOrders = expectedOrders
        self.expectedOrderValue = expectedOrderValue
        self.survivalAge = survivalAge
        self.survivalAtRisk = survivalAtRisk
        self.survivalChurned = survivalChurned
        self.survivalCensored = survivalCensored
        self.survivalShare = survivalShare
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }
}
