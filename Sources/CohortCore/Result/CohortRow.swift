/// One acquisition cohort: the customers whose first active period is `period`.
public struct CohortRow: Sendable, Codable, Equatable {
    /// Index into `CohortAnalysis.periods` of the acquisition period.
    public var period: Int
    /// `2026-03`, `2026-W09` or `2026-Q1`.
    public var label: String
    /// n_c: customers in the cohort.
    public var size: Int
    /// Ages 0 ... (as-of period - cohort period), one cell each, including cells with no activity.
    public var cells: [CohortCell]

    public init(period: Int, label: String, size: Int, cells: [CohortCell]) {
        self.period = period
        self.label = label
        self.size = size
        self.cells = cells
    }
}
