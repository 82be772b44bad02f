/// Churn after the answer for one NPS group: of the customers whose latest answer (old enough to
/// be followed for a year) put them in the group, how many churned within the year after it, with
/// the 95 % Wilson interval of the share.
public struct GroupChurn: Sendable, Codable, Equatable {
    public var group: NPSGroup
    /// churned of customers.
    public var churned: Proportion

    public init(group: NPSGroup, churned: Proportion) {
        self.group = group
        self.churned = churned
    }

    public var customers: Int { churned.total }
}
