import CohortCharts
import CohortCore
import Foundation
import Testing

/// The contract and NPS views in charts: approved images, and what they must show.
struct SubscriptionChartTests {
    @Test func retentionHeatMapWithNPSMatchesItsApprovedImage() throws {
        // The NPS column beside the retention heat map (only when there are answers).
        let rendered = try ChartRenderer(analysis: ChartFixture.subscriptions, style: ChartFixture.style).render(.retention, as: .png)
        let reference = ChartSnapshotTests.folder.appendingPathComponent("retention-nps.png")
        if ProcessInfo.processInfo.environment["COHORT_RECORD_SNAPSHOTS"] == "1" {
            try rendered.write(to: reference)
            return
        }
        let approved = try #require(FileManager.default.contents(atPath: reference.path), "no approved image: record it with COHORT_RECORD_SNAPSHOTS=1")
        #expect(rendered == approved, "retention-nps.png differs from its approved image")
    }

    @Test func theNPSColumnWidensOnlyTheRetentionHeatMap() throws {
        var withoutAnswers = ChartFixture.subscriptions
        withoutAnswers.satisfaction = nil
        let style = ChartFixture.style
        func svgWidth(_ analysis: CohortAnalysis, _ kind: ChartKind) throws -> Substring {
            let svg = String(decoding: try ChartRenderer(analysis: analysis, style: style).render(kind, as: .svg), as: UTF8.self)
            return try #require(svg.split(separator: "width=\"").dropFirst().first?.split(separator: "\"").first)
        }
        #expect(try svgWidth(ChartFixture.subscriptions, .retention) != svgWidth(withoutAnswers, .retention))
        #expect(try svgWidth(ChartFixture.subscriptions, .grr) == svgWidth(withoutAnswers, .grr))
    }

    @Test func chartsAreDrawnOnlyWithTheirData() {
        var analysis = ChartFixture.subscriptions
        #expect(ChartKind.mrr.isDrawn(for: analysis) && ChartKind.npsChurn.isDrawn(for: analysis))
        analysis.contracts?.isRevenueSource = true
        #expect(!ChartKind.mrr.isDrawn(for: analysis)) // the revenue bridge is the MRR chart then
        analysis.contracts = nil
        analysis.satisfaction = nil
        #expect(!ChartKind.mrr.isDrawn(for: analysis) && !ChartKind.npsChurn.isDrawn(for: analysis))
        #expect(ChartKind.allCases.filter { $0.isDrawn(for: ChartFixture.analysis) }.count == ChartKind.allCases.count - 2)
    }
}
