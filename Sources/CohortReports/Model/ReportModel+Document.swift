import CohortCharts

extension ReportModel {
    /// The model's content laid out for the A4 PDF report: the cover with the cards, then one
    /// page per chart with its summary and (the last rows of) its table.
    func document(logoPNG: [UInt8]?) -> ReportDocument {
        let german = lang == "de"
        let cards = self.cards.map { card in
            ReportDocument.Card(
                name: card.name, value: card.value,
                changes: ["\(card.changeFromPrevious) \(labels.previousPeriod)", "\(card.changeFromYearEarlier) \(labels.yearEarlier)"],
                improvements: [card.previousTrend, card.yearEarlierTrend].map { $0 == "better" ? true : $0 == "worse" ? false : nil },
                status: ReportDocument.Card.Status(rawValue: card.status) ?? .none,
                statusText: card.statusText.isEmpty ? "" : "\(card.statusSymbol) \(card.statusText)")
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
        var sections: [ReportDocument.Section] = []
        if let trends = trendsChart {
            sections.append(.init(heading: trends.title, chart: .trends, summary: [trends.description], table: []))
        }
        sections.append(.init(heading: customerBridge.title, chart: .customerBridge,
                              summary: [customerBridge.sentence] + (customerBridge.chart.map { [$0.description] } ?? []),
                              table: table(customerBridge)))
        sections.append(.init(heading: revenueBridge.title, chart: .revenueBridge,
                              summary: [revenueBridge.sentence, revenueBridge.note], table: table(revenueBridge)))
        let matrixKinds: [ChartKind] = [.retention, .revenueRetention, .grr]
        for (matrix, kind) in zip(matrices, matrixKinds) {
            sections.append(.init(heading: matrix.title, chart: kind,
                                  summary: (matrix.chart.map { [$0.description] } ?? []) + [labels.matrixNote], table: matrixTable(matrix)))
        }
        for (chart, kind) in [(curvesChart, ChartKind.curves), (survivalChart, .survival), (lifetimeValueChart, .ltv)] {
            guard let chart else { continue }
            sections.append(.init(heading: chart.title, chart: kind, summary: [chart.description], table: []))
        }
        return ReportDocument(
            title: title, company: company, logoPNG: logoPNG,
            subtitleLines: ["\(labels.source): \(sources) · \(labels.asOf) \(asOf) · \(periodSettings)",
                            "\(rowsRead) \(labels.rowsRead), \(rowsRejected) \(labels.rowsRejected) · \(customers) \(labels.customersInCohorts) · \(labels.generated) \(generatedAt)"],
            note: partialNote, cardsHeading: "\(labels.headline): \(periodName)", cards: cards, sections: sections,
            footer: [title, company].compactMap { $0 }.joined(separator: " · "), pageWord: german ? "Seite" : "Page")
    }
}
