import CohortCharts
import CohortCore
import CohortVocabulary
import Foundation

/// The report's numbers and sentences in its language: formats values from the analysis
/// and hands them to the vocabulary's sentences.
struct ReportText {
    let words: any Vocabulary
    let currency: String
    let kind: PeriodKind

    init(language: Language, currency: String, kind: PeriodKind) {
        words = language.words
        self.currency = currency
        self.kind = kind
    }

    // MARK: Numbers

    func count(_ value: Int) -> String { words.count(value) }

    /// "+41", "−37", "0".
    func signed(_ value: Int) -> String { words.signedCount(value) }

    func percent(_ value: Double?) -> String { value.map { words.percent($0) } ?? "–" }
    func wholePercent(_ value: Double) -> String { words.wholePercent(value) }
    func money(_ money: Money) -> String { words.money(money.units, currency: currency) }

    /// "+€1,234", "−€567", "€0".
    func signedMoney(_ money: Money) -> String {
        money.minorUnits == 0 ? self.money(money) : (money.minorUnits > 0 ? "+" : "−") + self.money(Money(minorUnits: abs(money.minorUnits)))
    }

    func value(_ value: Double?, _ unit: HeadlineKey.Unit) -> String {
        guard let value else { return "–" }
        switch unit {
        case .percent: return words.percent(value)
        case .count: return words.count(Int(value.rounded()))
        case .money: return words.money(value, currency: currency)
        }
    }

    /// Percentage points for rates ("+1.2 pp"), relative change otherwise ("+5.3%"); empty without a base.
    func change(from old: Double?, to new: Double?, _ unit: HeadlineKey.Unit) -> String {
        guard let old, let new else { return "" }
        if unit == .percent {
            let points = (new - old) * 100
            return sign(points) + words.decimal(abs(points), places: 1) + words.pointsSuffix
        }
        guard old != 0 else { return "" }
        let relative = (new - old) / abs(old)
        return sign(relative * 100) + words.percent(abs(relative))
    }

    private func sign(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded > 0 ? "+" : rounded < 0 ? "−" : "±"
    }

    /// "better", "worse" or "same".
    func trend(from old: Double?, to new: Double?, higherIsBetter: Bool) -> String {
        guard let old, let new, abs(new - old) > 1e-9 else { return "same" }
        return (new > old) == higherIsBetter ? "better" : "worse"
    }

    /// "on target (target 85.0%)".
    func statusText(_ status: TrafficLight, target: String) -> String {
        words.status(words.trafficLight(status), target: target)
    }

    // MARK: Periods

    /// "October 2026", "week 9, 2026" / "KW 9/2026", "Q3 2026" / "3. Quartal 2026".
    func periodName(_ period: PeriodInfo) -> String { words.periodName(period, kind) }

    /// The period's label in tables, marked when partial: "2026-10*".
    func periodLabel(_ kpi: PeriodKPIs) -> String { kpi.label + (kpi.partial ? "*" : "") }

    var periodAdjective: String { words.periodAdjective(kind) }
    var ageLetter: String { words.ageLetter(kind) }

    func matrixTitle(_ metric: MatrixMetric) -> String { words.matrixTitle(metric) }

    func partialNote(running period: PeriodInfo, asOf: CivilDate, headline: String) -> String {
        words.partialNote(running: periodName(period), asOf: words.longDate(asOf), headline: headline)
    }

    // MARK: Charts

    func chartTitle(_ kind: ChartKind) -> String {
        switch kind {
        case .retention: return matrixTitle(.retention)
        case .revenueRetention: return matrixTitle(.revenueRetention)
        case .grr: return matrixTitle(.grossRevenueRetention)
        case .curves: return words.retentionCurvesTitle
        case .customerBridge: return words.customerBridgeTitle
        case .revenueBridge: return words.revenueBridgeTitle
        case .trends: return words.trendsTitle
        case .ltv: return words.ltvTitle
        case .survival: return words.survivalTitle
        case .atRisk: return words.stakeTitle
        case .segmentCurves: return words.segmentCurvesTitle(attribute: "…")
        case .segmentHeatMaps: return words.segmentHeatMapsTitle(attribute: "…")
        case .mrr: return words.mrrChartTitle
        case .npsChurn: return words.npsChurnTitle
        }
    }

    /// A segment chart's title for one attribute.
    func segmentChartTitle(_ kind: ChartKind, attribute: SegmentAttribute) -> String {
        let name = TextSafety.cut(attribute.name, 40)
        return kind == .segmentHeatMaps ? words.segmentHeatMapsTitle(attribute: name) : words.segmentCurvesTitle(attribute: name)
    }

    /// The segment's name in sentences and tables (its value cut to a readable length; "Other (n values)"; "(unknown)").
    func segmentLabel(_ segment: Segment) -> String {
        switch segment.kind {
        case .value: return TextSafety.cut(segment.value, 40)
        case .other: return words.otherSegment(values: segment.values)
        case .unknown: return words.unknownSegment
        }
    }

    /// The sentence on one attribute: its best and worst segment by churn, named only when their 95 % intervals do not overlap.
    func segmentSentence(_ attribute: SegmentAttribute) -> String {
        let compared = attribute.segments.filter { ($0.comparison?.churn.total ?? 0) > 0 }
        let best = compared.min { $0.comparison!.churn.value! < $1.comparison!.churn.value! }
        let worst = compared.max { $0.comparison!.churn.value! < $1.comparison!.churn.value! }
        func mention(_ segment: Segment) -> SegmentMention {
            let churn = segment.comparison!.churn
            return SegmentMention(label: segmentLabel(segment), churn: percent(churn.value), low: percent(churn.low), high: percent(churn.high))
        }
        let periods = compared.first?.comparison?.churnPeriods ?? 0
        let name = TextSafety.cut(attribute.name, 40)
        guard let best, let worst, best.comparison!.churn.differs(from: worst.comparison!.churn) else {
            return words.segmentSentence(attribute: name, best: nil, worst: nil, segments: attribute.segments.count, periods: periods)
        }
        return words.segmentSentence(attribute: name, best: mention(best), worst: mention(worst), segments: attribute.segments.count, periods: periods)
    }

    /// What the chart shows, in a sentence with its key numbers (the alternative text).
    func chartDescription(_ chart: ChartKind, _ analysis: CohortAnalysis) -> String {
        let cohorts = count(analysis.cohorts.count)
        func average(_ age: Int, _ value: KeyPath<AgeAverage, Ratio>) -> String {
            age < analysis.averages.count ? percent(analysis.averages[age][keyPath: value].value) : "–"
        }
        let year = analysis.options.period.periodsPerYear
        switch chart {
        case .retention, .curves:
            return words.retentionDescription(cohorts: cohorts, firstPeriod: average(1, \.retention), afterYear: average(year, \.retention), kind)
        case .revenueRetention:
            return words.revenueRetentionDescription(cohorts: cohorts, afterYear: average(year, \.revenueRetention), kind)
        case .grr:
            return words.grossRetentionDescription(cohorts: cohorts, afterYear: average(year, \.grossRevenueRetention), kind)
        case .customerBridge:
            return words.customerBridgeDescription(kind)
        case .revenueBridge:
            return words.revenueBridgeDescription(kind)
        case .trends:
            return words.trendsDescription
        case .ltv:
            return words.ltvDescription(perCustomerAfterYear: money12(analysis))
        case .atRisk:
            guard let customers = analysis.customers, let largest = customers.stakeByOverdue.max(by: {
                $0.revenueAtStake.minorUnits < $1.revenueAtStake.minorUnits
            }), largest.customers > 0 else { return words.nobodyAtRisk }
            let bound = { (value: Double) in words.decimal(value, places: value == value.rounded() ? 0 : 1) }
            return words.stakeDescription(largest: words.overdueBucket(from: bound(largest.from), to: largest.to.map(bound)),
                                          amount: money(largest.revenueAtStake), total: money(customers.revenueAtStake),
                                          customers: largest.customers)
        case .segmentCurves, .segmentHeatMaps:
            return analysis.segments?.first.map(segmentSentence) ?? words.segmentsTitle
        case .mrr, .npsChurn:
            return subscriptionChartDescription(chart, analysis)
        case .survival:
            let points = analysis.survival ?? []
            let afterYear = points.first { $0.age == year }.map { percent($0.survival) } ?? "–"
            return words.survivalDescription(window: analysis.churnWindow.periods, afterYear: afterYear,
                                             medianAge: points.first(where: { $0.survival < 0.5 })?.age, kind)
        }
    }

    /// "312 customers are at risk …": nil when the customers were not analysed.
    func customerSummary(_ analysis: CohortAnalysis) -> String? {
        guard let customers = analysis.customers, let headline = analysis.headline else { return nil }
        return words.customerSummary(atRisk: customers.count(.atRisk), stake: money(customers.revenueAtStake), lost: customers.count(.lost), lostWithinYear: customers.lostWithinYear,
                                     wonBack: customers.count(.wonBack), period: periodName(analysis.periods[headline.period]))
    }

    /// The headline's revenue per customer in the first year (the LTV curve at its 12th month), the same as its card.
    private func money12(_ analysis: CohortAnalysis) -> String {
        guard let value = analysis.headline?[.clv12m]?.value else { return "–" }
        return words.money(value, currency: currency)
    }

    // MARK: Sentences

    /// "312 customers at the start, +41 new, +9 won back, −37 churned → 325 at the end."
    func customerSentence(_ kpi: PeriodKPIs, period info: PeriodInfo) -> String {
        let c = kpi.customers
        return words.customerSentence(period: periodName(info), start: count(c.start), new: signed(c.new), wonBack: signed(c.reactivated),
                                      churned: signed(-c.churned), end: count(c.end))
    }

    /// "Recurring revenue €1,214,362 at the start, +€136,416 new, ... → €1,283,793 at the end."
    func revenueSentence(_ kpi: PeriodKPIs, period info: PeriodInfo) -> String {
        let r = kpi.revenueBridge
        return words.revenueSentence(period: periodName(info), start: money(r.start), new: signedMoney(r.new), expansion: signedMoney(r.expansion),
                                     reactivation: signedMoney(r.reactivation), contraction: signedMoney(r.contraction),
                                     churned: signedMoney(r.churned), end: money(r.end))
    }

    // MARK: Data quality

    /// One line per thing worth knowing about the input.
    func dataQuality(_ analysis: CohortAnalysis) -> [String] {
        let quality = analysis.dataQuality
        let input = analysis.input
        let rejected = input.rejected
        var lines = [words.rowsReadLine(read: count(input.rowsRead), rejected: count(input.rowsRejected),
                                        repeats: input.rowsDuplicated > 0 ? count(input.rowsDuplicated) : nil, listed: !rejected.isEmpty)]
        // Files by name, as in the header: a report must not show the folders of the machine that made it.
        func shortened(_ line: String) -> String {
            input.sources.reduce(line) { text, source in
                text.replacingOccurrences(of: source + ":", with: URL(fileURLWithPath: source).lastPathComponent + ":")
            }
        }
        for row in rejected.prefix(5) { lines.append("– " + shortened(words.describe(row))) }
        for format in input.formats { lines.append(words.formatLine(shortened(words.describe(format)))) }
        for warning in input.warnings { lines.append(words.warningLine(shortened(words.describe(warning)))) }
        if quality.rowsAfterAsOf > 0 { lines.append(words.rowsAfterAsOf(count(quality.rowsAfterAsOf))) }
        if quality.rowsBeforeAcquisition > 0 {
            lines.append(words.rowsBeforeAcquisition(count(quality.rowsBeforeAcquisition), amount: money(quality.amountBeforeAcquisition)))
        }
        if quality.customersWithoutPositiveOrder > 0 {
            lines.append(words.customersWithoutPositiveOrder(count(quality.customersWithoutPositiveOrder),
                                                             rows: count(quality.rowsOfCustomersWithoutPositiveOrder)))
        }
        for attribute in analysis.segments ?? [] {
            if let note = words.unknownSegmentNote(attribute: TextSafety.cut(attribute.name, 40), unknown: attribute.unknownCustomers,
                                                   missingFromFile: attribute.missingFromCustomerFile) { lines.append(note) }
        }
        if quality.isClean && rejected.isEmpty && input.rowsDuplicated == 0 { lines.append(words.everyRowUsed) }
        return lines
    }
}

/// Backslash escapes for Markdown text that comes from the data.
enum MarkdownText {
    static func escape(_ value: String) -> String {
        var result = ""
        for character in value {
            if "\\`*_{}[]<>()#+!|~".contains(character) { result.append("\\") }
            result.append(character == "\n" || character == "\r" ? " " : character)
        }
        return result
    }
}
