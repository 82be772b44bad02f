/// The length of a reporting period: calendar month (default), ISO week or calendar quarter.
public enum PeriodKind: String, Sendable, Codable, CaseIterable {
    case month
    case week
    case quarter

    /// Periods in a year: the length of the "trailing 12 months" windows of
    /// NRR, GRR and CRR over 12 periods (12 months, 52 weeks, 4 quarters).
    public var periodsPerYear: Int {
        switch self {
        case .month: return 12
        case .week: return 52
        case .quarter: return 4
        }
    }
}
