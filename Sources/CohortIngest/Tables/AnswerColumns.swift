/// Which columns of a survey file hold the customer, the date and the score; nil means "detect it"
/// (`customer_id`, `Kundennummer`, `date`, `Datum`, `score`, `Bewertung`, ...).
public struct AnswerColumns: Sendable, Equatable {
    public var customer: String?
    public var date: String?
    public var score: String?

    public init(customer: String? = nil, date: String? = nil, score: String? = nil) {
        self.customer = customer
        self.date = date
        self.score = score
    }
}
