import CohortCore

extension ChartKind {
    /// Whether a report of `analysis` draws this chart: the MRR chart needs contracts beside orders (with
    /// contracts alone the revenue bridge is it), the churn-after-answer chart needs survey answers.
    public func isDrawn(for analysis: CohortAnalysis) -> Bool {
        switch self {
        case .mrr: return analysis.contracts.map { !$0.isRevenueSource } ?? false
        case .npsChurn: return analysis.satisfaction != nil
        default: return true
        }
    }
}
