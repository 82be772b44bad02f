/// One thing the written summary of a report says, with its numbers; the vocabulary words it
/// (one sentence each). Built from an analysis and the report's targets by `Summary`.
public enum SummaryFact: Sendable, Equatable {
    /// The churn window and why.
    case churnWindow(ChurnWindow)
    /// Customers live at the end of the headline period, against one period and one year earlier.
    case activeCustomers(period: PeriodInfo, count: Int, previous: Int?, yearAgo: Int?)
    /// Churn of the period (and one period earlier), the share kept, and where that stands against its target.
    case churn(period: PeriodInfo, rate: Double, previous: Double?, kept: Double, target: Double?, status: TrafficLight)
    /// Revenue of the period against one period and one year earlier, and what customers who left took with them.
    case revenue(period: PeriodInfo, revenue: Money, previous: Money?, yearAgo: Money?, churned: Money)
    /// The largest revenue movement of the period, and the earlier cohort whose revenue changed most.
    case drivers(movement: RevenueMovement, amount: Money, cohort: String?, cohortChange: Money?)
    /// NRR and GRR over the window, and where NRR stands against its target.
    case revenueRetention(nrr: Double, grr: Double, window: Int, target: Double?, status: TrafficLight)
    /// No period is complete yet and the history is too short to say more.
    case tooShort(periods: Int)
    /// Among the segments of an attribute, the lowest and the highest churn, whose 95 % intervals do not overlap.
    case segmentDifference(attribute: String, best: Segment, worst: Segment)
}

/// A movement of the revenue bridge (METRICS.md, "Revenue bridge").
public enum RevenueMovement: String, Sendable, Codable, CaseIterable {
    case new, expansion, contraction, churned, reactivation
}
