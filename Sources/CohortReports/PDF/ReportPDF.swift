import CohortCharts
import CohortCore
import CohortVocabulary
import Foundation

/// report.pdf, the management report for the board: a cover with the headline cards, then
/// one A4 landscape page per chart with its summary and (the last rows of) its table.
///
/// What goes on which page is decided here, from the report's model (its words and
/// numbers); the charts module lays the pages out and draws them (`PageRenderer`).
///
///     let pdf = try ReportPDF(model: model, analysis: analysis, style: style, logoPNG: nil, createdAt: now).render()
struct ReportPDF {
    let model: ReportModel
    let analysis: CohortAnalysis
    let style: ChartStyle
    /// Cairo draws PNG logos only.
    let logoPNG: [UInt8]?
    /// Stored in the PDF's metadata.
    let createdAt: Date?

    /// The whole PDF; throws when Cairo fails or the logo is not a readable PNG.
    func render() throws(ChartError) -> Data {
        try PageRenderer(document: document, analysis: analysis, style: style).render()
    }

    /// The pages' content.
    var document: PageDocument {
        let labels = model.labels
        let cards = model.cards.map { card in
            var page = PageDocument.Card(
                name: card.name, value: card.value, changes: card.changes.map(\.text),
                improvements: card.changes.map { $0.trend == "better" ? true : $0.trend == "worse" ? false : nil },
                status: PageDocument.Card.Status(rawValue: card.status) ?? .none,
                statusText: card.statusText.isEmpty ? "" : "\(card.statusSymbol) \(card.statusText)")
            page.note = card.note
            return page
        }
        func table(_ section: BridgeSection) -> [[String]] {
            [section.columns] + section.rows.suffix(6).map(\.cells)
        }
        func matrixTable(_ matrix: MatrixSection) -> [[String]] {
            // The weighted average at the ages a manager asks about.
            let ages = [1, 2, 3, 6, 12, 24].filter { $0 < matrix.ages.count && matrix.average.cells[$0].exists }
            guard !ages.isEmpty else { return [] }
            return [[labels.average] + ages.map { matrix.ages[$0] }, ["n = " + matrix.average.size]
                + ages.map { matrix.average.cells[$0].text }]
        }
        var sections: [PageDocument.Section] = []
        if let trends = model.trendsChart {
            sections.append(.init(heading: trends.title, chart: .trends, summary: [trends.description], table: []))
        }
        if let act = model.toActOn {
            // The most revenue at stake first; the page holds a short table, the CSVs everyone.
            let table = act.atRisk.hasRows ? [act.atRisk.columns] + act.atRisk.rows.prefix(8) : []
            sections.append(.init(heading: act.title, chart: .atRisk, summary: [act.summary, act.prediction, act.listsNote], table: table))
        }
        sections.append(.init(heading: model.customerBridge.title, chart: .customerBridge,
                              summary: [model.customerBridge.sentence] + (model.customerBridge.chart.map { [$0.description] } ?? []),
                              table: table(model.customerBridge)))
        sections.append(.init(heading: model.revenueBridge.title, chart: .revenueBridge,
                              summary: [model.revenueBridge.sentence, model.revenueBridge.note], table: table(model.revenueBridge)))
        sections += subscriptionSections
        let matrixKinds: [ChartKind] = [.retention, .revenueRetention, .grr]
        for (matrix, kind) in zip(model.matrices, matrixKinds) {
            sections.append(.init(heading: matrix.title, chart: kind,
                                  summary: (matrix.chart.map { [$0.description] } ?? []) + [labels.matrixNote], table: matrixTable(matrix)))
        }
        for (chart, kind) in [(model.curvesChart, ChartKind.curves), (model.survivalChart, .survival), (model.lifetimeValueChart, .ltv)] {
            guard let chart else { continue }
            sections.append(.init(heading: chart.title, chart: kind, summary: [chart.description], table: []))
        }
        // Per segment attribute: the curves with the comparison (without the money columns, which do not fit), then the small multiples.
        for (index, attribute) in (model.segments?.attributes ?? []).enumerated() {
            let table = ([attribute.columns] + attribute.rows).map { Array($0.prefix(7)) }
            sections.append(.init(heading: "\(model.segments?.title ?? ""): \(attribute.heading)", chart: .segmentCurves,
                                  summary: [attribute.sentence] + (attribute.note.map { [$0] } ?? []), table: Array(table.prefix(9)),
                                  segmentAttribute: index))
            if let heatMaps = attribute.heatMaps {
                sections.append(.init(heading: heatMaps.title, chart: .segmentHeatMaps, summary: [], table: [], segmentAttribute: index))
            }
        }
        var document = PageDocument(
            title: model.title, company: model.company, logoPNG: logoPNG,
            subtitleLines: ["\(labels.source): \(model.sources) · \(labels.asOf) \(model.asOf) · \(model.periodSettings)",
                            "\(model.rowsRead) \(labels.rowsRead), \(model.rowsRejected) \(labels.rowsRejected) · \(model.customers) \(labels.customersInCohorts) · \(labels.generated) \(model.generatedAt)"],
            note: model.mrrNote.map { [model.partialNote, $0].compactMap { $0 }.joined(separator: " ") } ?? model.partialNote, cardsHeading: "\(labels.headline): \(model.periodName)", cards: cards, sections: sections,
            footer: [model.title, model.company, "\(labels.generatedBy) \(model.version)"].compactMap { $0 }.joined(separator: " · "),
            pageWord: labels.page)
        document.createdAt = createdAt
        document.summary = model.summary
        return document
    }
}
