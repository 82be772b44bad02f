/// Survey answers in columns (METRICS.md, "Satisfaction"): who answered, on which day, with
/// which score from 0 to 10.
///
///     var answers = AnswerTable()
///     answers.append(customer: answers.internCustomer("C001"), day: CivilDate(year: 2026, month: 3, day: 2)!.dayNumber, score: 9)
public struct AnswerTable: Sendable {
    /// Row → customer index into `customerIDs`.
    public var customer: [Int32] = []
    /// Row → the day of the answer, days since 1970-01-01.
    public var day: [Int32] = []
    /// Row → the score, 0 … 10.
    public var score: [UInt8] = []
    /// Customer index → the customer id as it appeared in the input (trimmed).
    public var customerIDs: [String] = []

    private var customerIndex: [String: Int32] = [:]

    public init() {}

    public var rowCount: Int { day.count }

    /// The index of a customer id, adding it when new.
    public mutating func internCustomer(_ id: String) -> Int32 {
        if let index = customerIndex[id] { return index }
        let index = Int32(customerIDs.count)
        customerIDs.append(id)
        customerIndex[id] = index
        return index
    }

    /// Appends one answer; `score` must be 0 … 10 (the reader rejects anything else).
    public mutating func append(customer: Int32, day: Int, score: Int) {
        precondition((0 ... 10).contains(score), "a score is a whole number from 0 to 10")
        self.customer.append(customer)
        self.day.append(Int32(day))
        self.score.append(UInt8(score))
    }
}
