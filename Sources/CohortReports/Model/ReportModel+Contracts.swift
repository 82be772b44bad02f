import CohortCharts
import CohortCore
import CohortVocabulary

/// "Contracts and MRR" as a report shows it: where MRR stands and how it moved, the renewals, and
/// the contracts coming up for renewal (METRICS.md, "Subscriptions and contracts").
public struct ContractSection: Sendable {
    public let title: String
    /// MRR and ARR at the end of the headline month, its movements, its renewals, the upcoming renewals.
    public let sentences: [String]
    /// The MRR movements chart (nil when the revenue bridge already is it: a report from contracts alone).
    public let chart: ChartReference?
    public let movements: ReportTable
    public let renewals: ReportTable
    public let upcoming: ReportTable
}

/// "Satisfaction (NPS)": the NPS over all answers and in the latest period, whether detractors churn
/// more than promoters (only as far as the intervals allow), and the tables behind it.
public struct SatisfactionSection: Sendable {
    public let title: String
    public let sentences: [String]
    /// The finding: detractors against promoters.
    public let finding: String
    public let chart: ChartReference?
    public let groups: ReportTable
    public let periods: ReportTable
}

/// A table of a report section: heading, columns, rows (partial periods marked), or the sentence
/// saying there is none; `rule` is its Markdown delimiter row (first column left, the others right).
public struct ReportTable: Sendable {
    public let heading: String
    public let columns: [String]
    public let rows: [TableRow]
    public let hasRows: Bool
    public let empty: String
    public let rule: String

    init(heading: String, columns: [String], rows: [TableRow], empty: String = "") {
        self.heading = heading
        self.columns = columns
        self.rows = rows
        hasRows = !rows.isEmpty
        self.empty = empty
        rule = ReportTable.rule(columns: columns.count)
    }

    /// `|---|---:|---:|`: the first column left-aligned, the others right-aligned.
    static func rule(columns: Int, leftColumns: Int = 1) -> String {
        "|" + (0 ..< columns).map { $0 < leftColumns ? "---|" : "---:|" }.joined()
    }
}

extension ReportModel {
    /// Rows of the upcoming renewals table in the report (renewals.csv holds them all).
    static let renewalRows = 20

    static func contractSection(_ analysis: CohortAnalysis, text: ReportText, chart: ChartReference?, format: Format) -> ContractSection? {
        guard let contracts = analysis.contracts else { return nil }
        let words = text.words, labels = words.contractWords()
        var sentences: [String] = []
        if let month = contracts.headlineMonth {
            let name = words.periodName(monthInfo(month), .month)
            let m = month.mrr
            sentences.append(words.mrrSentence(period: name, customers: month.customers.end, mrr: text.money(m.end), arr: text.money(month.arr)))
            sentences.append(words.mrrMovementSentence(period: name, new: text.signedMoney(m.new), expansion: text.signedMoney(m.expansion),
                                                       reactivation: text.signedMoney(m.reactivation), contraction: text.signedMoney(m.contraction),
                                                       churned: text.signedMoney(m.churned)))
            let r = month.renewals
            sentences.append(words.renewalSentence(period: name, renewed: r.renewed, due: r.due, rate: text.percent(r.rate.value),
                                                   mrrRate: text.percent(r.mrrRate.value), graceDays: contracts.graceDays, open: r.open))
        }
        sentences.append(words.upcomingSentence(count: contracts.upcoming.count, mrr: text.money(contracts.upcomingMRR),
                                                days: contracts.upcomingDays, agreed: contracts.upcoming.filter(\.renewalAgreed).count))
        let recent = contracts.months.suffix(bridgePeriods)
        let movements = ReportTable(
            heading: labels.mrrHeading,
            columns: [labels.month, labels.customers, labels.mrrStart, labels.new, labels.expansion, labels.reactivation, labels.contraction,
                      labels.churned, labels.mrrEnd, labels.arr],
            rows: recent.map { month in
                let m = month.mrr
                return TableRow(cells: [month.label + (month.partial ? "*" : ""), text.count(month.customers.end), text.money(m.start),
                                        text.money(m.new), text.money(m.expansion), text.money(m.reactivation), text.money(m.contraction),
                                        text.money(m.churned), text.money(m.end), text.money(month.arr)], partial: month.partial)
            })
        let renewals = ReportTable(
            heading: labels.renewalsHeading,
            columns: [labels.month, labels.due, labels.renewed, labels.open, labels.renewalRate, labels.mrrDue, labels.mrrRenewed, labels.mrrRenewalRate],
            rows: recent.map { month in
                let r = month.renewals
                return TableRow(cells: [month.label + (month.partial ? "*" : ""), text.count(r.due), text.count(r.renewed), text.count(r.open),
                                        text.percent(r.rate.value), text.money(r.mrrDue), text.money(r.mrrRenewed), text.percent(r.mrrRate.value)],
                                partial: month.partial)
            })
        // No ids with --no-customer-lists: the sentence above still counts the upcoming renewals.
        let listed = analysis.options.customerLists == .none ? [] : Array(contracts.upcoming.prefix(renewalRows))
        let scores = analysis.satisfaction
        var columns = [labels.customer, labels.contract, labels.end, labels.daysLeft, labels.mrr, labels.renewalAgreed]
        if scores != nil { columns.append(labels.latestScore) }
        let upcoming = ReportTable(
            heading: labels.upcomingHeading, columns: columns,
            rows: listed.map { renewal in
                var cells = [format.escape(renewal.customer), format.escape(renewal.contract ?? "–"), words.longDate(renewal.end),
                             text.count(renewal.daysLeft), text.money(renewal.mrr), renewal.renewalAgreed ? labels.yes : labels.no]
                if let scores { cells.append(scores.latestScore(of: renewal.customer).map { String($0.score) } ?? "–") }
                return TableRow(cells: cells, partial: false)
            },
            empty: analysis.options.customerLists == .none ? "" : labels.noUpcoming)
        return ContractSection(title: labels.contractsTitle, sentences: sentences.map(format.escape), chart: chart, movements: movements,
                               renewals: renewals, upcoming: upcoming)
    }

    static func satisfactionSection(_ analysis: CohortAnalysis, text: ReportText, chart: ChartReference?, format: Format) -> SatisfactionSection? {
        guard let satisfaction = analysis.satisfaction else { return nil }
        let words = text.words, labels = words.contractWords()
        let overall = satisfaction.overall
        func share(_ count: Int) -> String { text.percent(Ratio(count, over: overall.answers).value) }
        var sentences = [words.npsSentence(answers: overall.answers, asOf: words.longDate(analysis.asOf), nps: words.nps(overall),
                                           promoters: share(overall.promoters), passives: share(overall.passives),
                                           detractors: share(overall.detractors))]
        if let latest = satisfaction.byPeriod.last(where: { !$0.partial && $0.nps.answers > 0 }),
           let period = analysis.periods.first(where: { $0.label == latest.label }) {
            sentences.append(words.npsPeriodSentence(period: text.periodName(period), nps: words.nps(latest.nps), answers: latest.nps.answers))
        }
        let finding = satisfaction.findingSentence(analysis.options.period, words: words)
        let groups = ReportTable(
            heading: labels.churnAfterAnswerHeading, columns: [labels.group, labels.followed, labels.churned, labels.churnRate, labels.interval],
            rows: satisfaction.churnAfterAnswer.map { churn in
                let share = churn.churned
                let interval = share.interval.map { "\(text.percent($0.low))–\(text.percent($0.high))" } ?? "–"
                return TableRow(cells: [words.npsGroupName(churn.group), text.count(share.total), text.count(share.count),
                                        text.percent(share.value), interval], partial: false)
            })
        let periods = ReportTable(
            heading: labels.npsByPeriodHeading,
            columns: [labels.period, labels.answers, labels.promoters, labels.passives, labels.detractors, labels.nps],
            rows: satisfaction.byPeriod.suffix(bridgePeriods).map { row in
                TableRow(cells: [row.label + (row.partial ? "*" : ""), text.count(row.nps.answers), text.count(row.nps.promoters),
                                 text.count(row.nps.passives), text.count(row.nps.detractors), words.nps(row.nps)], partial: row.partial)
            })
        return SatisfactionSection(title: labels.satisfactionTitle, sentences: sentences.map(format.escape), finding: format.escape(finding),
                                   chart: chart, groups: groups, periods: periods)
    }

    /// The note over a report made from contracts alone; nil otherwise.
    static func mrrNote(_ analysis: CohortAnalysis, words: any Vocabulary) -> String? {
        analysis.contracts?.isRevenueSource == true ? words.contractWords().revenueIsMRR : nil
    }

    /// The revenue bridge of a report made from contracts alone is titled as the MRR movements it is.
    static func labelledAsMRR(_ section: BridgeSection, _ analysis: CohortAnalysis, words: any Vocabulary) -> BridgeSection {
        guard analysis.contracts?.isRevenueSource == true else { return section }
        return BridgeSection(title: words.mrrChartTitle, sentence: section.sentence, note: section.note, chart: section.chart,
                             columns: section.columns, rows: section.rows)
    }

    /// A headline card's name: "MRR" for revenue in a report made from contracts alone.
    static func cardName(_ key: HeadlineKey, span: Int?, kind: PeriodKind, words: any Vocabulary, mrr: Bool) -> String {
        (mrr ? words.mrrHeadlineLabel(key) : nil) ?? words.headlineLabel(key, span: span, kind)
    }

    /// The data-quality lines of the contracts and the answers.
    static func subscriptionQuality(_ analysis: CohortAnalysis, words: any Vocabulary) -> [String] {
        var lines: [String] = []
        if let contracts = analysis.contracts {
            lines.append(words.contractsLine(contracts: contracts.contractCount, customers: contracts.customerCount, graceDays: contracts.graceDays))
        }
        if let satisfaction = analysis.satisfaction {
            lines.append(words.answersLine(answers: satisfaction.answers, outside: satisfaction.answersOutside,
                                           unknownCustomers: satisfaction.answersOfUnknownCustomers))
        }
        return lines
    }

    /// The glossary entries of the contracts and satisfaction views present in the analysis.
    static func subscriptionGlossary(_ analysis: CohortAnalysis, words: any Vocabulary, partner: any Vocabulary) -> [GlossaryEntry] {
        let terms = (analysis.contracts == nil ? [] : ContractTerm.contracts) + (analysis.satisfaction == nil ? [] : ContractTerm.satisfaction)
        return terms.map { term in
            let entry = words.glossary(term)
            return GlossaryEntry(term: entry.name, otherLanguage: partner.glossary(term).name, definition: entry.definition)
        }
    }

    /// A month of the contracts view as a period, for its name.
    private static func monthInfo(_ month: MRRMonth) -> PeriodInfo {
        let calendar = PeriodCalendar(.month)
        let period = calendar.period(containingDay: month.evaluatedOn.dayNumber)
        return PeriodInfo(index: 0, label: month.label, firstDay: CivilDate(dayNumber: calendar.firstDay(of: period)),
                          lastDay: CivilDate(dayNumber: calendar.lastDay(of: period)), partial: month.partial)
    }
}
