/// The contracts view of a report (METRICS.md, "Subscriptions and contracts"): MRR movements and
/// ARR month by month, renewal rates, and the contracts coming up for renewal.
///
///     let contracts = try ContractAnalysisBuilder(contracts: table, asOf: asOf, graceDays: 30).build()
///     contracts.months.last?.mrr.end          // MRR at the as-of date
///     contracts.months.last?.renewals.rate     // renewal rate of the as-of month
///
/// Stored in `CohortAnalysis.contracts`; renderers format it and never recompute it.
public struct ContractAnalysis: Sendable, Codable, Equatable {
    /// How many days after its end a renewal may start and still count (`--grace-days`).
    public var graceDays: Int
    /// Days after the as-of date whose due contracts `upcoming` lists.
    public var upcomingDays: Int
    /// True when the report's matrices, KPIs and lists were made from these contracts (no orders were
    /// given): their revenue is MRR at month end, and an "order" is a month with MRR.
    public var isRevenueSource: Bool
    /// Contracts started up to the as-of date, and the customers they belong to.
    public var contractCount: Int
    public var customerCount: Int
    /// Every month from the first contract's to the as-of month.
    public var months: [MRRMonth]
    /// Contracts ending in the `upcomingDays` after the as-of date, by MRR, highest first.
    public var upcoming: [UpcomingRenewal]

    public init(graceDays: Int, upcomingDays: Int, isRevenueSource: Bool, contractCount: Int, customerCount: Int,
                months: [MRRMonth], upcoming: [UpcomingRenewal]) {
        self.graceDays = graceDays
        self.upcomingDays = upcomingDays
        self.isRevenueSource = isRevenueSource
        self.contractCount = contractCount
        self.customerCount = customerCount
        self.months = months
        self.upcoming = upcoming
    }

    /// The default grace period, in days.
    public static let defaultGraceDays = 30
    /// The default horizon of the upcoming renewals, in days.
    public static let defaultUpcomingDays = 90

    /// The last complete month, or the partial one when none is complete.
    public var headlineMonth: MRRMonth? { months.last(where: { !$0.partial }) ?? months.last }

    /// MRR at the as-of date.
    public var currentMRR: Money { months.last?.mrr.end ?? .zero }

    /// Σ MRR of the upcoming renewals.
    public var upcomingMRR: Money { upcoming.reduce(.zero) { $0 + $1.mrr } }

    /// The same view without a customer or contract id (`--no-customer-lists`): the upcoming renewals keep
    /// their dates and MRR, so that their count and sum stay.
    public func withoutIDs() -> ContractAnalysis {
        var copy = self
        copy.upcoming = upcoming.map { renewal in
            var renewal = renewal
            renewal.customer = ""
            renewal.contract = nil
            return renewal
        }
        return copy
    }

    /// Renewals over the last `count` complete months, summed.
    public func renewals(overLast count: Int) -> RenewalCount {
        months.filter { !$0.partial }.suffix(count).reduce(RenewalCount()) { sum, month in
            RenewalCount(due: sum.due + month.renewals.due, renewed: sum.renewed + month.renewals.renewed,
                         open: sum.open + month.renewals.open, mrrDue: sum.mrrDue + month.renewals.mrrDue,
                         mrrRenewed: sum.mrrRenewed + month.renewals.mrrRenewed)
        }
    }
}
