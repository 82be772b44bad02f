/// Which input columns hold the customer, date, amount and (optionally) order id.
///
/// A nil name means "detect it from the header" (see `ColumnDetector`).
public struct ColumnMapping: Sendable, Equatable {
    public var customer: String?
    public var date: String?
    public var amount: String?
    public var order: String?

    public init(customer: String? = nil, date: String? = nil, amount: String? = nil, order: String? = nil) {
        self.customer = customer
        self.date = date
        self.amount = amount
        self.order = order
    }
}
