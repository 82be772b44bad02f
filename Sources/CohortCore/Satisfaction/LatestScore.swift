/// A customer's latest answer up to the as-of date, for the customer lists of a report.
public struct LatestScore: Sendable, Codable, Equatable {
    /// The customer id as in the input.
    public var customer: String
    public var date: CivilDate
    public var score: Int

    public init(customer: String, date: CivilDate, score: Int) {
        self.customer = customer
        self.date = date
        self.score = score
    }
}
