/// The three cohort matrices a report draws as heat maps and tables (METRICS.md, "Cohort matrices").
public enum MatrixMetric: String, Sendable, CaseIterable {
    case retention
    case revenueRetention
    case grossRevenueRetention

    /// The metric in one cell.
    public var cellValue: KeyPath<CohortCell, Ratio> {
        switch self {
        case .retention: return \.retention
        case .revenueRetention: return \.revenueRetention
        case .grossRevenueRetention: return \.grossRevenueRetention
        }
    }

    /// The metric's weighted average across cohorts at one age.
    public var averageValue: KeyPath<AgeAverage, Ratio> {
        switch self {
        case .retention: return \.retention
        case .revenueRetention: return \.revenueRetention
        case .grossRevenueRetention: return \.grossRevenueRetention
        }
    }
}
