/// One month of the contracts view: customers and MRR at its start and end, how they moved,
/// ARR, and the renewals that came due in it.
public struct MRRMonth: Sendable, Codable, Equatable {
    /// "2026-03".
    public var label: String
    /// True for the as-of month when the as-of date is not its last day: its MRR is read on the as-of date.
    public var partial: Bool
    /// The day the month's MRR is read on: its last day, or the as-of date.
    public var evaluatedOn: CivilDate
    /// Customers with MRR > 0: S (end of the month before), new, reactivated, churned, E.
    public var customers: CustomerBridge
    /// MRR movements: start, new, expansion, contraction, churned, reactivation, end.
    public var mrr: RevenueBridge
    public var renewals: RenewalCount

    public init(label: String, partial: Bool, evaluatedOn: CivilDate, customers: CustomerBridge, mrr: RevenueBridge, renewals: RenewalCount) {
        self.label = label
        self.partial = partial
        self.evaluatedOn = evaluatedOn
        self.customers = customers
        self.mrr = mrr
        self.renewals = renewals
    }

    /// ARR = 12 × MRR at the end of the month.
    public var arr: Money { Money(minorUnits: mrr.end.minorUnits * 12) }
}
