import CohortCore
import CohortVocabulary
import Foundation

/// The written summary and the headline cards, for `cohort summary`: as text for the
/// terminal, or as one JSON object for scripts:
///
///     {"period": "2026-10", "churn_window": 3, "churn_window_reason": "…",
///      "cards": [{"key": "customers_kept", "label": "Customers kept", "value": 0.935, "previous": 0.94,
///                 "year_ago": null, "target": 0.95, "note": null}, …],
///      "sentences": ["A customer counts as lost after …", …]}
///
/// Ratios are fractions (0.853), money a number in the report's currency, a figure that cannot
/// be computed `null` with its `note` saying why.
public enum SummaryExport {
    public static func json(_ analysis: CohortAnalysis, settings: ReportSettings) throws -> Data {
        let words = settings.language.words
        let kind = analysis.options.period
        let cards = (analysis.headline?.figures ?? []).map { figure in
            Card(key: figure.key.rawValue, label: words.headlineLabel(figure.key, span: figure.span, kind), value: figure.value,
                 previous: figure.previous, year_ago: figure.yearAgo, target: settings.targets.values[figure.key],
                 note: figure.missing.map { words.missingFigure($0, kind) })
        }
        let period = analysis.headline.map { analysis.periods[$0.period].label } ?? analysis.periods.last?.label ?? ""
        return try AnalysisJSON.encode(Object(period: period, churn_window: analysis.churnWindow.periods,
                                              churn_window_reason: words.churnWindowReason(analysis.churnWindow, kind),
                                              cards: cards, sentences: sentences(analysis, settings: settings)))
    }

    /// The sentences, then the cards as a table.
    public static func text(_ analysis: CohortAnalysis, settings: ReportSettings) -> String {
        let model = ReportModel(analysis: analysis, settings: settings, charts: [:], format: .html)
        var table = TextTable(header: [model.labels.headline + ": " + model.periodName, "", model.labels.previousPeriod, model.labels.yearEarlier,
                                       model.labels.target],
                              rightAligned: [false, true, true, true, false])
        for card in model.cards {
            table.append([card.name, card.value.isEmpty ? card.note : card.value, card.changeFromPrevious, card.changeFromYearEarlier,
                          card.statusText.isEmpty ? "" : "\(card.statusSymbol) \(card.statusText)"])
        }
        return sentences(analysis, settings: settings).joined(separator: "\n") + "\n\n" + table.render()
    }

    static func sentences(_ analysis: CohortAnalysis, settings: ReportSettings) -> [String] {
        Summary(analysis: analysis, targets: settings.targets).facts.map {
            settings.language.words.sentence($0, analysis.options.period, currency: settings.currency)
        }
    }

    private struct Object: Encodable {
        var period: String
        var churn_window: Int
        var churn_window_reason: String
        var cards: [Card]
        var sentences: [String]
    }

    private struct Card: Encodable {
        var key: String
        var label: String
        var value: Double?
        var previous: Double?
        var year_ago: Double?
        var target: Double?
        var note: String?

        func encode(to encoder: Encoder) throws {
            // Every key present, null where there is nothing, so that scripts find each.
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(key, forKey: .key)
            try container.encode(label, forKey: .label)
            try container.encode(value, forKey: .value)
            try container.encode(previous, forKey: .previous)
            try container.encode(year_ago, forKey: .year_ago)
            try container.encode(target, forKey: .target)
            try container.encode(note, forKey: .note)
        }

        private enum CodingKeys: String, CodingKey { case key, label, value, previous, year_ago, target, note }
    }
}
