import CohortCharts
import CohortCore
import CohortIngest
@testable import CohortReports
import CohortVocabulary
import Foundation
import Testing

/// The report model on Tests/Fixtures/small-orders.csv, worked by hand (see CohortCLITests/MatrixCommandTests):
/// A buys Jan 5 (100), Feb 1 (30), Mar 20 (40); B Jan 31 (50) and a refund Mar 10 (−20); C Feb 15 (80), Mar 31 (80).
/// March is complete (as-of Mar 31), so the headline period is March 2026.
struct ReportModelTests {
    static let analysis: CohortAnalysis = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/small-orders.csv").path
        let read = try! OrderReader().read(sources: [file])
        return try! CohortAnalysis(table: read.table, input: read.inputSummary)
    }()

    private func model(_ language: Language = .english, company: String? = nil, format: ReportModel.Format = .html) -> ReportModel {
        ReportModel(analysis: Self.analysis, settings: ReportSettings(language: language, company: company,
                    generatedAt: Date(timeIntervalSince1970: 1_767_225_600)), charts: [:], format: format)
    }

    private func card(_ model: ReportModel, _ key: HeadlineKey) -> KPICard? {
        model.cards.first { $0.key == key.rawValue }
    }

    @Test func cardsShowValueAndChangesInPercentagePoints() throws {
        let english = model()
        // Churn window from the data: A is active Jan, Feb, Mar (gaps 1, 1), C Feb, Mar (gap 1) → W = 1.
        #expect(english.churnWindowReason.hasPrefix("A customer counts as lost after 1 month without an order: 100% of the 3 repeat orders"))
        // Live at the end of Feb (active in Feb): A, C → S_Mar = 2; at the end of March A, C again → E = 2, nobody churned.
        // Customers kept March (2 − 0) / 2 = 100.0 %; February: S = 2 (A, B), B churned → (2 − 1) / 2 = 50 % → +50.0 pp.
        let kept = try #require(card(english, .customersKept))
        #expect(kept.value == "100.0%")
        #expect(kept.changeFromPrevious == "+50.0 pp")
        #expect(kept.previousTrend == "better")
        #expect(kept.changeFromYearEarlier == "") // no year earlier, and no dash either
        #expect(kept.changes.map(\.text) == ["+50.0 pp vs. previous month"])
        // Churn March 0 / 2 = 0.0 %, February 1 / 2 = 50 % → −50.0 pp, which is better for churn.
        let churn = try #require(card(english, .churnRate))
        #expect(churn.value == "0.0%" && churn.changeFromPrevious == "−50.0 pp" && churn.previousTrend == "better")
        // Active customers: E_Mar = 2, E_Feb = 2 → +0.0 %.
        #expect(card(english, .activeCustomers)?.value == "2")
        // Revenue March −20 + 40 + 80 = 100, February 30 + 80 = 110 → 100 / 110 − 1 = −9.1 %.
        #expect(card(english, .revenue)?.value == "€100" && card(english, .revenue)?.changeFromPrevious == "−9.1%")
        // AOV March (40 + 80) / 2 = 60, February (30 + 80) / 2 = 55 → 60 / 55 − 1 = +9.1 %.
        let aov = try #require(card(english, .averageOrderValue))
        #expect(aov.value == "€60" && aov.changeFromPrevious == "+9.1%")
        // NRR and GRR need a window of 3 months, 6 months of orders; 3 are present. Words, not a dash.
        let nrr = try #require(card(english, .nrr))
        #expect(nrr.value == "" && nrr.note == "needs 6 months of orders, 3 present" && nrr.status == "none")
        // The first year's revenue per customer needs 3 cohorts; there are 2 (January, February).
        #expect(card(english, .clv12m)?.note == "needs 3 cohorts with a complete month after acquisition, 2 present")
        #expect(english.cards.map(\.key) == HeadlineKey.allCases.map(\.rawValue))
    }

    @Test func germanCardsAndSentences() throws {
        let german = model(.german)
        #expect(card(german, .customersKept)?.value == "100,0 %")
        #expect(card(german, .customersKept)?.changeFromPrevious == "+50,0 Pp.")
        #expect(card(german, .averageOrderValue)?.value == "60 €")
        #expect(card(german, .nrr)?.note == "braucht 6 Monate Bestellungen, 3 vorhanden")
        #expect(german.title == "Kohortenbericht März 2026")
        #expect(german.customerBridge.sentence == "März 2026: 2 Kunden zu Beginn, 0 neu, 0 zurückgewonnen, 0 abgewandert → 2 am Ende.")
        #expect(german.glossary.first?.term == "Aktiver Kunde")
    }

    @Test func readerLinesInTheReportsLanguage() {
        // The reader gives facts; the report words them in its language.
        var analysis = Self.analysis
        var format = SourceFormat(source: "orders.csv", encoding: "UTF-8", delimiter: UInt8(ascii: ","))
        format.rows = 3
        analysis.input.formats = [format]
        analysis.input.warnings = [.mixedCurrencies(source: "orders.csv", marks: [CurrencyCount(mark: "€", count: 2), CurrencyCount(mark: "$", count: 1)])]
        func quality(_ analysis: CohortAnalysis, _ language: Language) -> [String] {
            ReportModel(analysis: analysis, settings: ReportSettings(language: language, generatedAt: Date(timeIntervalSince1970: 0)),
                        charts: [:], format: .html).dataQuality
        }
        let german = quality(analysis, .german)
        #expect(german.contains("Gelesen: orders.csv: CSV, UTF-8, getrennt durch ',', 3 Zeilen."))
        #expect(german.contains("Warnung: orders.csv: Beträge sind mit verschiedenen Währungen ausgezeichnet ('€' 2×, '$' 1×); sie werden addiert, wie sie sind."))
        #expect(quality(analysis, .english).contains(
            "Warning: orders.csv: amounts are marked with different currencies ('€' 2×, '$' 1×); they are added up as they are."))
    }

    @Test func bridgeSentencesAndTables() {
        let english = model()
        #expect(english.customerBridge.sentence == "March 2026: 2 customers at the start, 0 new, 0 won back, 0 churned → 2 at the end.")
        // March revenue bridge: start Σx(Feb) = 30 + 80 = 110; A 30 → 40 expansion +10; end 120.
        #expect(english.revenueBridge.sentence
            == "March 2026: revenue €110 at the start, €0 new, +€10 expansion, €0 reactivation, €0 contraction, €0 churned → €120 at the end.")
        // February row: S 2, +1 new, 0 won back, −1 churned, E 2, churn 50.0 %, CRR 50.0 %.
        #expect(english.customerBridge.rows[1].cells == ["2026-02", "2", "+1", "0", "−1", "2", "50.0%", "50.0%"])
    }

    @Test func matrixCellsCarryTheHeatMapColors() {
        let retention = model().matrices[0]
        let colors = HeatMapColors(analysis: Self.analysis, metric: .retention)
        // Jan cohort: 2 of 2, then A only → 50 %, 50 %; Feb cohort: C → 100 %, 100 %, and no third age.
        #expect(retention.rows[0].cells.map(\.text) == ["100%", "50%", "50%"])
        #expect(retention.rows[1].cells.map(\.text) == ["100%", "100%", ""])
        #expect(retention.rows[1].cells[2].exists == false)
        // Both cohorts have fewer than 30 customers: their cells are faded.
        #expect(retention.rows[0].cells[1].background == colors.background(for: 0.5, faded: true))
        #expect(retention.rows[0].cells[0].background == "#E9ECEF") // age 0: neutral grey
        // Average at age 1: (1 + 1) / (2 + 1) = 67 %.
        #expect(retention.average.cells[1].text == "67%")
    }

    @Test func trafficLightsAgainstTargets() {
        let targets = KPITargets([.customersKept: 0.85, .churnRate: 0.05])
        #expect(targets.status(of: .customersKept, 0.86) == .good)
        #expect(targets.status(of: .customersKept, 0.82) == .warning) // 0.82 / 0.85 = 0.965, within 5 %
        #expect(targets.status(of: .customersKept, 0.80) == .bad)     // 0.941
        #expect(targets.status(of: .churnRate, 0.05) == .good)
        #expect(targets.status(of: .churnRate, 0.052) == .warning)             // 1.04 × target
        #expect(targets.status(of: .churnRate, 0.06) == .bad)
        #expect(targets.status(of: .revenue, 10) == .none)
    }

    @Test func textFromTheDataIsEscapedInEveryFormat() throws {
        let hostile = "<script>alert(1)</script> | *x* [a](javascript:1)"
        let templates = try ReportTemplates()
        let html = try templates.render(model(company: hostile), as: .html)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let markdown = try templates.render(model(company: hostile, format: .markdown), as: .markdown)
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("\\<script\\>alert\\(1\\)\\</script\\> \\| \\*x\\* \\[a\\]\\(javascript:1\\)"))
    }

    @Test func htmlReportRequestsNothingFromElsewhere() throws {
        let html = try ReportTemplates().render(model(), as: .html)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("url(http"))
    }

    @Test func sourceDateEpochSetsTheGeneratedTime() {
        // 1767225600 s = 20454 days = 2026-01-01 00:00 UTC.
        #expect(ReportSettings.generationTime(environment: ["SOURCE_DATE_EPOCH": "1767225600"]) == Date(timeIntervalSince1970: 1_767_225_600))
        #expect(model().generatedAt == "2026-01-01 00:00 UTC")
        #expect(model(.german).generatedAt == "01.01.2026, 00:00 UTC")
    }
}
