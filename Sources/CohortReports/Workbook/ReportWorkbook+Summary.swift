import CohortCore
import CohortExcel
import Foundation

/// The summary sheet: what the report covers, then the headline figures.
extension ReportWorkbook {
    /// What the report covers (as-of date, reported period, periods, churn window, source, rows,
    /// customers), then one row per headline figure with its value, the value a period and a year
    /// earlier, its target and traffic light, or why it is missing; notes below (why the churn
    /// window, the partial period).
    public func summarySheet() -> ExcelSheet {
        let words = self.words, labels = vocabulary.reportLabels(kind), vocabulary = self.vocabulary, formats = self.formats
        let headlinePeriod = analysis.headline.map { analysis.periods[$0.period] } ?? analysis.headlineKPIs.map { analysis.periods[$0.period] }
            ?? analysis.periods.last
        let periodName = headlinePeriod.map { vocabulary.periodName($0, kind) } ?? ""
        let window = analysis.churnWindow.periods
        let sources = analysis.input.sources.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")

        var rows: [[ExcelCell]] = [[.header(labels.reportTitle), .header(settings.company ?? "")]]
        func fact(_ label: String, _ value: WorkbookValue) { rows.append([.text(label), formats.cell(value)]) }
        fact(words.asOf, .date(analysis.asOf))
        fact(words.reportedPeriod, .text(periodName))
        fact(words.periods, .text(vocabulary.periodAdjective(kind)))
        fact(words.churnWindow, .text("\(vocabulary.count(window)) \(vocabulary.periodNoun(kind, plural: window != 1))"))
        if !sources.isEmpty { fact(words.source, .text(sources)) }
        fact(words.rowsRead, .count(analysis.input.rowsRead))
        fact(words.rowsRejected, .count(analysis.input.rowsRejected))
        fact(words.customersInCohorts, .count(analysis.dataQuality.customersAnalyzed))
        fact(words.generated, .text(vocabulary.timestamp(settings.generatedAt)))

        if let headline = analysis.headline {
            rows.append([])
            rows.append([words.figure, periodName, words.previousPeriod, words.yearEarlier, words.target, words.status, words.note]
                .map(ExcelCell.header))
            for figure in headline.figures {
                let key = figure.key, target = settings.targets.values[key]
                let status = settings.targets.status(of: key, figure.value)
                rows.append([
                    .text(vocabulary.headlineLabel(key, span: figure.span, kind)),
                    formats.cell(Self.figureValue(figure.value, key)), formats.cell(Self.figureValue(figure.previous, key)),
                    formats.cell(Self.figureValue(figure.yearAgo, key)), formats.cell(Self.figureValue(target, key)),
                    target == nil || status == .none ? .empty : .text(vocabulary.trafficLight(status)),
                    figure.missing.map { .text(vocabulary.missingFigure($0, kind)) } ?? .empty,
                ])
            }
        }

        var notes = [vocabulary.churnWindowReason(analysis.churnWindow, kind)]
        if analysis.endsWithPartialPeriod, let running = analysis.periods.last {
            notes.append(vocabulary.partialNote(running: vocabulary.periodName(running, kind), asOf: vocabulary.longDate(analysis.asOf),
                                                headline: periodName))
        }
        let widths = ExcelSheet(name: words.summarySheet, rows: rows).fittedColumnWidths()
        return ExcelSheet(name: words.summarySheet, rows: rows + [[]] + notes.map { [ExcelCell.text($0)] }, columnWidths: widths.map { $0 })
    }

    /// A headline figure in its unit: a share, a count, or an amount (revenue in whole units, per-customer amounts to the cent).
    static func figureValue(_ value: Double?, _ key: HeadlineKey) -> WorkbookValue {
        guard let value else { return .empty }
        switch key.unit {
        case .percent: return .percent(value)
        case .count: return .count(Int(value.rounded()))
        case .money: return .amount(value, places: key == .revenue ? 0 : 2)
        }
    }
}
