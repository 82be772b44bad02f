/// A contract that comes due in the days after the as-of date, for the account managers' list.
public struct UpcomingRenewal: Sendable, Codable, Equatable {
    /// The customer id as in the contracts file.
    public var customer: String
    /// The contract id, when the file has a contract column.
    public var contract: String?
    public var start: CivilDate
    public var end: CivilDate
    /// Days from the as-of date to the end.
    public var daysLeft: Int
    public var mrr: Money
    /// True when the file already holds the contract that renews it (an agreed renewal that starts later).
    public var renewalAgreed: Bool

    public init(customer: String, contract: String?, start: CivilDate, end: CivilDate, daysLeft: Int, mrr: Money, renewalAgreed: Bool) {
        self.customer = customer
        self.contract = contract
        self.start = start
        self.end = end
        self.daysLeft = daysLeft
        self.mrr = mrr
        self.renewalAgreed = renewalAgreed
    }
}
