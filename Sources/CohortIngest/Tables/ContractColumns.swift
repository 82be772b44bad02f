/// Which columns of a contracts file hold the customer, start, end, MRR and contract id; nil
/// means "detect it" (`Kundennummer`, `Vertragsbeginn`, `Vertragsende`, `MRR`, `monatlicher Betrag`, ...).
public struct ContractColumns: Sendable, Equatable {
    public var customer: String?
    public var start: String?
    public var end: String?
    public var mrr: String?
    public var contract: String?

    public init(customer: String? = nil, start: String? = nil, end: String? = nil, mrr: String? = nil, contract: String? = nil) {
        self.customer = customer
        self.start = start
        self.end = end
        self.mrr = mrr
        self.contract = contract
    }
}
