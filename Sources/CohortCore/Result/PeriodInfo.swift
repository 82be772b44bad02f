/// One reporting period of the analysis: its label, first and last day, and whether it is partial.
public struct PeriodInfo: Sendable, Codable, Equatable {
    /// Position in `CohortAnalysis.periods` (0 = the first period with a cohort).
    public var index: Int
    /// `2026-03`, `2026-W09` or `2026-Q1`.
    public var label: String
    public var firstDay: CivilDate
    public var lastDay: CivilDate
    /// True for the period that contains the as-of date without ending on it.
    /// Partial periods are shown but left out of averages and trend KPIs.
    public var partial: Bool

    public init(index: Int, label: String, firstDay: CivilDate, lastDay: CivilDate, partial: Bool) {
        self.index = index
        self.label = label
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.partial = partial
    }
}
