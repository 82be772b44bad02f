/// Every fixed text of a report in one language; templates read them as `labels.*`.
///
/// Each vocabulary builds it whole (`Vocabulary.reportLabels(_:)`), so that a label
/// missing in a language fails to compile.
public struct ReportLabels: Sendable {
    public let reportTitle: String
    public let source: String
    public let asOf: String
    public let generated: String
    public let rowsRead: String
    public let rowsRejected: String
    public let customersInCohorts: String
    public let headline: String
    public let previousPeriod: String
    public let yearEarlier: String
    public let target: String
    public let onTarget: String
    public let nearTarget: String
    public let offTarget: String
    public let noTarget: String
    public let customerBridge: String
    public let revenueBridge: String
    public let revenueBridgeNote: String
    public let period: String
    public let start: String
    public let new: String
    public let reactivated: String
    public let churned: String
    public let end: String
    public let churnRate: String
    public let retentionRate: String
    public let expansion: String
    public let contraction: String
    public let reactivation: String
    public let nrr: String
    public let grr: String
    public let matrices: String
    public let cohort: String
    public let customers: String
    public let average: String
    public let matrixNote: String
    public let partialMark: String
    public let trends: String
    public let lifetimeValue: String
    public let dataQuality: String
    public let glossary: String
    public let term: String
    public let otherLanguage: String
    public let definition: String
    public let contents: String
    public let publishedReports: String
    public let generatedBy: String
    public let page: String
    public let summary: String

    public init(reportTitle: String, source: String, asOf: String, generated: String, rowsRead: String, rowsRejected: String, customersInCohorts: String, headline: String, previousPeriod: String, yearEarlier: String, target: String, onTarget: String, nearTarget: String, offTarget: String, noTarget: String, customerBridge: String, revenueBridge: String, revenueBridgeNote: String, period: String, start: String, new: String, reactivated: String, churned: String, end: String, churnRate: String, retentionRate: String, expansion: String, contraction: String, reactivation: String, nrr: String, grr: String, matrices: String, cohort: String, customers: String, average: String, matrixNote: String, partialMark: String, trends: String, lifetimeValue: String, dataQuality: String, glossary: String, term: String, otherLanguage: String, definition: String, contents: String, publishedReports: String, generatedBy: String, page: String, summary: String) {
        self.reportTitle = reportTitle
        self.source = source
        self.asOf = asOf
        self.generated = generated
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.customersInCohorts = customersInCohorts
        self.headline = headline
        self.previousPeriod = previousPeriod
        self.yearEarlier = yearEarlier
        self.target = target
        self.onTarget = onTarget
        self.nearTarget = nearTarget
        self.offTarget = offTarget
        self.noTarget = noTarget
        self.customerBridge = customerBridge
        self.revenueBridge = revenueBridge
        self.revenueBridgeNote = revenueBridgeNote
        self.period = period
        self.start = start
        self.new = new
        self.reactivated = reactivated
        self.churned = churned
        self.end = end
        self.churnRate = churnRate
        self.retentionRate = retentionRate
        self.expansion = expansion
        self.contraction = contraction
        self.reactivation = reactivation
        self.nrr = nrr
        self.grr = grr
        self.matrices = matrices
        self.cohort = cohort
        self.customers = customers
        self.average = average
        self.matrixNote = matrixNote
        self.partialMark = partialMark
        self.trends = trends
        self.lifetimeValue = lifetimeValue
        self.dataQuality = dataQuality
        self.glossary = glossary
        self.term = term
        self.otherLanguage = otherLanguage
        self.definition = definition
        self.contents = contents
        self.publishedReports = publishedReports
        self.generatedBy = generatedBy
        self.page = page
        self.summary = summary
    }
}
