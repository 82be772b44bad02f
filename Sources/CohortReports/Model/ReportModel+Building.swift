import CohortCharts
import CohortCore
import CohortVocabulary
import Foundation

extension ReportModel {
    /// The output a model is built for: it decides how text from the data is escaped.
    public enum Format: Sendable {
        /// Mustache's `{{value}}` escapes HTML; the model leaves text as it is.
        case html
        /// Markdown text from the data gets backslash escapes (the template renders it raw).
        case markdown

        func escape(_ text: String) -> String {
            self == .markdown ? MarkdownText.escape(text) : text
        }
    }

    /// Periods listed in the bridge tables.
    static let bridgePeriods = 12
    /// At-risk customers a printout lists (the screen shows the report's 20).
    static let printedAtRiskRows = 10
    /// Periods of each bridge table a printout lists (the screen shows `bridgePeriods`).
    static let printedBridgeRows = 6

    /// Builds the model of one report.
    /// - Parameter charts: the chart images the report shows; a missing chart leaves its place empty.
    /// - Parameter segmentCharts: per segment attribute, its segment charts.
    public init(analysis: CohortAnalysis, settings: ReportSettings, charts: [ChartKind: ChartReference], format: Format,
                segmentCharts: [[ChartKind: ChartReference]] = []) {
        let language = settings.language
        let words = language.words
        let kind = analysis.options.period
        let labels = words.reportLabels(kind)
        // An analysis without KPIs (made for the matrices only) still gets a report, with empty cards.
        let headline = analysis.headlineKPIs
        let text = ReportText(language: language, currency: settings.currency, kind: kind)
        let name = (headline.map { analysis.periods[$0.period] } ?? analysis.periods.last).map(text.periodName) ?? ""

        lang = language.code
        self.labels = labels
        title = "\(labels.reportTitle) \(name)"
        company = settings.company.map(format.escape)
        logo = settings.logo.map { format == .html ? $0.dataURL : $0.fileName }
        periodName = name
        asOf = words.longDate(analysis.asOf)
        generatedAt = words.timestamp(settings.generatedAt)
        version = CohortVersion.current
        sources = (settings.sources.isEmpty ? analysis.input.sources : settings.sources)
            .map { format.escape(URL(fileURLWithPath: $0).lastPathComponent) }.joined(separator: ", ")
        rowsRead = words.count(analysis.input.rowsRead)
        rowsRejected = words.count(analysis.input.rowsRejected)
        customers = words.count(analysis.dataQuality.customersAnalyzed)
        cohortCount = words.count(analysis.cohorts.count)
        periodSettings = "\(text.periodAdjective) · " + words.churnWindow(analysis.churnWindow.periods)
        hasPartialPeriod = analysis.endsWithPartialPeriod
        partialNote = analysis.endsWithPartialPeriod ? text.partialNote(running: analysis.periods[analysis.periods.count - 1],
                                                                          asOf: analysis.asOf, headline: name) : nil
        let mrr = analysis.contracts?.isRevenueSource == true
        cards = (analysis.headline?.figures ?? []).map { Self.card($0, settings: settings, labels: labels, kind: kind, text: text, mrr: mrr) }
        churnWindowReason = words.churnWindowReason(analysis.churnWindow, kind)
        summary = Summary(analysis: analysis, targets: settings.targets).facts.map {
            format.escape(words.sentence($0, kind, currency: settings.currency))
        }
        toActOn = Self.customerSection(analysis, text: text, chart: charts[.atRisk], format: format)
        customerBridge = Self.customerBridge(analysis, headline: headline, labels: labels, text: text, chart: charts[.customerBridge])
        revenueBridge = Self.labelledAsMRR(Self.revenueBridge(analysis, headline: headline, labels: labels, text: text, chart: charts[.revenueBridge]),
                                           analysis, words: words)
        matrices = [
            Self.matrix(.retention, id: "retention", analysis: analysis, text: text, labels: labels, chart: charts[.retention]),
            Self.matrix(.revenueRetention, id: "revenue-retention", analysis: analysis, text: text, labels: labels, chart: charts[.revenueRetention]),
            Self.matrix(.grossRevenueRetention, id: "grr", analysis: analysis, text: text, labels: labels, chart: charts[.grr]),
        ]
        trendsChart = charts[.trends]
        curvesChart = charts[.curves]
        survivalChart = charts[.survival]
        lifetimeValueChart = charts[.ltv]
        segments = Self.segmentsSection(analysis, text: text, charts: segmentCharts, currency: settings.currency, format: format)
        dataQuality = (text.dataQuality(analysis) + Self.subscriptionQuality(analysis, words: words)).map(format.escape)
        page = PageText(words: words, kind: kind, matrixFiles: ["cohorts.csv"], printedAtRiskRows: Self.printedAtRiskRows, customers: toActOn,
                        printedBridgeRows: Self.printedBridgeRows, bridgeRows: customerBridge.rows.count)
        let partner = Language(code: words.partnerCode)?.words ?? words
        glossary = GlossaryTerm.allCases.map { term in
            let entry = words.glossary(term)
            return GlossaryEntry(term: entry.name, otherLanguage: partner.glossary(term).name, definition: entry.definition)
        } + Self.subscriptionGlossary(analysis, words: words, partner: partner)
        contracts = Self.contractSection(analysis, text: text, chart: charts[.mrr], format: format)
        satisfaction = Self.satisfactionSection(analysis, text: text, chart: charts[.npsChurn], format: format)
        mrrNote = Self.mrrNote(analysis, words: words).map(format.escape)
    }

    private static func card(_ figure: HeadlineFigure, settings: ReportSettings, labels: ReportLabels, kind: PeriodKind,
                             text: ReportText, mrr: Bool = false) -> KPICard {
        let key = figure.key
        let status = settings.targets.status(of: key, figure.value)
        let target = settings.targets.values[key]
        let previous = figure.value == nil ? "" : text.change(from: figure.previous, to: figure.value, key.unit)
        let yearEarlier = figure.value == nil ? "" : text.change(from: figure.yearAgo, to: figure.value, key.unit)
        let previousTrend = text.trend(from: figure.previous, to: figure.value, higherIsBetter: key.higherIsBetter)
        let yearEarlierTrend = text.trend(from: figure.yearAgo, to: figure.value, higherIsBetter: key.higherIsBetter)
        let changes = [(previous, labels.previousPeriod, previousTrend), (yearEarlier, labels.yearEarlier, yearEarlierTrend)]
            .filter { !$0.0.isEmpty }.map { KPIChange(text: "\($0.0) \($0.1)", trend: $0.2) }
        return KPICard(
            key: key.rawValue, name: cardName(key, span: figure.span, kind: kind, words: text.words, mrr: mrr),
            value: figure.value.map { text.value($0, key.unit) } ?? "",
            note: figure.missing.map { text.words.missingFigure($0, kind) } ?? "",
            changeFromPrevious: previous, previousTrend: previousTrend, changeFromYearEarlier: yearEarlier, yearEarlierTrend: yearEarlierTrend,
            changes: changes, hasValue: figure.value != nil, status: status.rawValue, statusSymbol: status.symbol,
            statusText: target.map { text.statusText(status, target: text.value($0, key.unit)) } ?? "")
    }

    private static func customerBridge(_ analysis: CohortAnalysis, headline: PeriodKPIs?, labels: ReportLabels,
                                       text: ReportText, chart: ChartReference?) -> BridgeSection {
        let rows = analysis.kpis.suffix(bridgePeriods).map { kpi in
            let c = kpi.customers
            return TableRow(cells: [text.periodLabel(kpi), text.count(c.start), text.signed(c.new), text.signed(c.reactivated),
                                    text.signed(-c.churned), text.count(c.end), text.percent(kpi.churnRate.value),
                                    text.percent(kpi.customerRetentionRate.value)], partial: kpi.partial)
        }
        return BridgeSection(title: labels.customerBridge, sentence: headline.map { text.customerSentence($0, period: analysis.periods[$0.period]) } ?? "", note: "", chart: chart,
                             columns: [labels.period, labels.start, labels.new, labels.reactivated, labels.churned, labels.end,
                                       labels.churnRate, labels.retentionRate],
                             rows: rows)
    }

    private static func revenueBridge(_ analysis: CohortAnalysis, headline: PeriodKPIs?, labels: ReportLabels,
                                      text: ReportText, chart: ChartReference?) -> BridgeSection {
        let rows = analysis.kpis.suffix(bridgePeriods).map { kpi in
            let r = kpi.revenueBridge
            return TableRow(cells: [text.periodLabel(kpi), text.money(r.start), text.money(r.new), text.money(r.expansion),
                                    text.money(r.reactivation), text.money(r.contraction), text.money(r.churned), text.money(r.end),
                                    text.percent(kpi.netRevenueRetentionMonthly.value), text.percent(kpi.grossRevenueRetentionMonthly.value)],
                            partial: kpi.partial)
        }
        return BridgeSection(title: labels.revenueBridge, sentence: headline.map { text.revenueSentence($0, period: analysis.periods[$0.period]) } ?? "", note: labels.revenueBridgeNote,
                             chart: chart,
                             columns: [labels.period, labels.start, labels.new, labels.expansion, labels.reactivation,
                                       labels.contraction, labels.churned, labels.end, labels.nrr, labels.grr],
                             rows: rows)
    }

    private static func matrix(_ metric: MatrixMetric, id: String, analysis: CohortAnalysis, text: ReportText,
                               labels: ReportLabels, chart: ChartReference?) -> MatrixSection {
        let colors = HeatMapColors(analysis: analysis, metric: metric)
        let ages = analysis.periods.count
        func cell(_ value: Double?, age: Int, partial: Bool, faded: Bool = false) -> MatrixCell {
            MatrixCell(text: value.map { text.wholePercent($0) } ?? "–", background: colors.background(for: value, neutral: age == 0, faded: faded),
                       color: colors.text(for: value, neutral: age == 0, faded: faded), partial: partial, exists: true)
        }
        let missing = MatrixCell(text: "", background: "", color: "", partial: false, exists: false)
        let rows = analysis.cohorts.map { row in
            MatrixRow(label: row.label, size: text.count(row.size),
                      cells: row.cells.map { cell($0[keyPath: metric.cellValue].value, age: $0.age, partial: $0.partial,
                                                  faded: row.size < analysis.options.minimumCohortSize) }
                          + Array(repeating: missing, count: ages - row.cells.count))
        }
        let average = MatrixRow(label: labels.average, size: text.count(analysis.cohorts.reduce(0) { $0 + $1.size }),
                                cells: analysis.averages.map { $0.cohorts == 0 ? missing : cell($0[keyPath: metric.averageValue].value, age: $0.age, partial: false) })
        let letter = text.ageLetter
        return MatrixSection(id: id, title: text.matrixTitle(metric), chart: chart, ages: (0 ..< ages).map { "\(letter)\($0)" },
                             rows: rows, average: average)
    }
}
