import CohortVocabulary

/// What a report template can show: every value already formatted in the report's
/// language, data-derived text already escaped for the output format.
///
/// The shipped templates in `templates/` use every field; a company's own
/// templates (`--templates DIR`) can use any of them. Optional fields render as
/// sections that disappear when empty (`{{#company}}…{{/company}}`).
public struct ReportModel: Sendable {
    /// "en" or "de" (the HTML `lang` attribute).
    public let lang: String
    public let labels: ReportLabels
    /// "Cohort report October 2026".
    public let title: String
    public let company: String?
    /// HTML: a `data:` URL; Markdown: the logo's file name beside the report.
    public let logo: String?
    /// "October 2026": the period the headline reports.
    public let periodName: String
    /// "31 October 2026".
    public let asOf: String
    public let generatedAt: String
    public let sources: String
    public let rowsRead: String
    public let rowsRejected: String
    public let customers: String
    public let cohortCount: String
    /// "monthly periods · churn window 3".
    public let periodSettings: String
    /// Why the churn window is what it is: "A customer counts as lost after 3 months without an order: …".
    public let churnWindowReason: String
    /// The written summary: 3–6 sentences on what changed and why.
    public let summary: [String]
    /// Set when the as-of period is still running.
    public let partialNote: String?
    /// True when the last period is partial (its cells and rows are marked with *).
    public let hasPartialPeriod: Bool
    public let cards: [KPICard]
    /// Customers to act on; nil when the customers were not analysed.
    public let toActOn: CustomerSection?
    public let customerBridge: BridgeSection
    public let revenueBridge: BridgeSection
    public let matrices: [MatrixSection]
    public let trendsChart: ChartReference?
    public let curvesChart: ChartReference?
    /// The Kaplan–Meier retention curve.
    public let survivalChart: ChartReference?
    public let lifetimeValueChart: ChartReference?
    /// Segments (`--segment-by`); nil without them.
    public let segments: SegmentsSection?
    public let dataQuality: [String]
    public let glossary: [GlossaryEntry]
}

/// One headline figure with its changes and its state against the target.
public struct KPICard: Sendable {
    public let key: String
    public let name: String
    /// The figure; empty when it cannot be computed (then `note` says why).
    public let value: String
    /// Why there is no value: "needs 24 months of orders, 18 present"; empty otherwise.
    public let note: String
    /// "+1.2 pp" or "+5.3%"; empty when there is nothing to compare.
    public let changeFromPrevious: String
    /// "better", "worse" or "same" (for color; the sign is in the text).
    public let previousTrend: String
    public let changeFromYearEarlier: String
    public let yearEarlierTrend: String
    /// The changes that exist, each with what it compares against: "+1.2 pp vs. previous month".
    public let changes: [KPIChange]
    /// False when there is no value (then `note` says why); for templates, which see stored properties only.
    public let hasValue: Bool
    /// "good", "warning", "bad" or "none".
    public let status: String
    /// "●", "◐", "○": the state without relying on color.
    public let statusSymbol: String
    /// "on target (85%)"; empty without a target.
    public let statusText: String
}

/// A card's change against an earlier period.
public struct KPIChange: Sendable {
    public let text: String
    public let trend: String
}

/// A chart as the report shows it: title and alternative text, the PNG path (Markdown)
/// and the inline SVG (HTML).
public struct ChartReference: Sendable {
    public let title: String
    public let description: String
    public let png: String
    public let svg: String
}

/// A bridge: one sentence for the headline period, a chart, and a table of recent periods.
public struct BridgeSection: Sendable {
    public let title: String
    public let sentence: String
    public let note: String
    public let chart: ChartReference?
    public let columns: [String]
    public let rows: [TableRow]
}

public struct TableRow: Sendable {
    public let cells: [String]
    public let partial: Bool
}

/// A cohort matrix as a table of colored cells, with its heat map.
public struct MatrixSection: Sendable {
    public let id: String
    public let title: String
    public let chart: ChartReference?
    public let ages: [String]
    public let rows: [MatrixRow]
    public let average: MatrixRow
}

public struct MatrixRow: Sendable {
    public let label: String
    public let size: String
    public let cells: [MatrixCell]
}

public struct MatrixCell: Sendable {
    /// "31%", "–" when undefined, "" for ages that do not exist yet.
    public let text: String
    public let background: String
    public let color: String
    public let partial: Bool
    public let exists: Bool
}

public struct GlossaryEntry: Sendable {
    public let term: String
    public let otherLanguage: String
    public let definition: String
}
