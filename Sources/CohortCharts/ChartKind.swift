import CohortCore

/// The charts `cohort` draws, by their command-line names.
public enum ChartKind: String, Sendable, CaseIterable {
    case retention
    case revenueRetention = "revenue-retention"
    case grr
    case curves
    case customerBridge = "customer-bridge"
    case revenueBridge = "revenue-bridge"
    case trends
    case ltv
    case survival
    case atRisk = "at-risk"
    /// Retention curves of the segments of one attribute (`ChartStyle.segmentAttribute`).
    case segmentCurves = "segment-curves"
    /// Small multiples of the retention heat map, one per segment of one attribute.
    case segmentHeatMaps = "segment-heatmaps"

    /// The charts every report draws; the segment charts come once per attribute, when there are segments.
    public static let report: [ChartKind] = allCases.filter { !$0.isSegmentChart }

    /// True for the charts of one segment attribute.
    public var isSegmentChart: Bool { self == .segmentCurves || self == .segmentHeatMaps }
    /// MRR movements from contracts (`--contracts`), and churn after the NPS answer by group (`--nps`).
    case mrr
    case npsChurn = "nps-churn"

    /// The file name of this chart in a report's `charts/` folder, without extension.
    public var fileName: String { rawValue }

    func chart(for analysis: CohortAnalysis, style: ChartStyle) -> any Chart {
        switch self {
        case .retention: return CohortHeatMap(analysis: analysis, style: style, metric: .retention)
        case .revenueRetention: return CohortHeatMap(analysis: analysis, style: style, metric: .revenueRetention)
        case .grr: return CohortHeatMap(analysis: analysis, style: style, metric: .grossRevenueRetention)
        case .curves: return CohortCurves(analysis: analysis, style: style, metric: .retention)
        case .ltv: return CohortCurves(analysis: analysis, style: style, metric: .cumulativeRevenue)
        case .customerBridge: return BridgeChart(analysis: analysis, style: style, kind: .customers)
        case .revenueBridge: return BridgeChart(analysis: analysis, style: style, kind: .revenue).labelledAsMRR(analysis.contracts?.isRevenueSource == true)
        case .trends: return TrendChart(analysis: analysis, style: style)
        case .survival: return SurvivalChart(analysis: analysis, style: style)
        case .atRisk: return StakeChart(analysis: analysis, style: style)
        case .mrr: return BridgeChart.mrr(analysis: analysis, style: style)
        case .npsChurn: return NPSChurnChart(analysis: analysis, style: style)
        case .segmentCurves: return SegmentCurves(analysis: analysis, style: style)
        case .segmentHeatMaps: return SegmentHeatMaps(analysis: analysis, style: style)
        }
    }
}
