import ArgumentParser
import CohortCharts

extension ChartKind {
    /// What each chart shows, listed under `--chart` in the help (one line each, instead of the
    /// parser's "(values: …)" that is too long for a line).
    public static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, summary(of: $0)) })
    }

    private static func summary(of chart: ChartKind) -> String {
        switch chart {
        case .retention: return "customers kept, by cohort and age (heat map)"
        case .revenueRetention: return "revenue kept, by cohort and age (heat map)"
        case .grr: return "gross revenue retention by cohort and age"
        case .curves: return "retention curves of the recent cohorts"
        case .customerBridge: return "customers: start, new, won back, churned, end"
        case .revenueBridge: return "revenue: new, expansion, contraction, churn"
        case .trends: return "churn, CRR, NRR, GRR and AOV over time"
        case .ltv: return "revenue per customer by age (LTV curves)"
        case .survival: return "the Kaplan–Meier retention curve"
        case .atRisk: return "revenue at stake of customers at risk"
        case .segmentCurves: return "retention curves of the segments (--segment-by)"
        case .segmentHeatMaps: return "a retention heat map per segment (--segment-by)"
        case .mrr: return "MRR movements by month (--contracts)"
        case .npsChurn: return "churn after the answer by NPS group (--nps)"
        }
    }
}
