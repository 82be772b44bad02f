/// Contracts in columns, as read from a billing or CRM export (METRICS.md, "Subscriptions and
/// contracts"): who, from which day, to which day (or running), at what monthly recurring revenue.
///
///     var contracts = ContractTable()
///     let alice = contracts.internCustomer("C001")
///     contracts.append(customer: alice, start: CivilDate(year: 2026, month: 1, day: 1)!.dayNumber,
///                      end: CivilDate(year: 2026, month: 12, day: 31)!.dayNumber, mrr: 99_00)
///
/// Overlapping contracts of one customer are fine: their MRR adds up. Customer ids are the
/// contracts' own; they are matched to order and answer files by their text.
public struct ContractTable: Sendable {
    /// The end of a contract that runs on (no end date).
    public static let running = Int32.max

    /// Row → customer index into `customerIDs`.
    public var customer: [Int32] = []
    /// Row → first day covered, days since 1970-01-01.
    public var start: [Int32] = []
    /// Row → last day covered, or `running`.
    public var end: [Int32] = []
    /// Row → monthly recurring revenue in minor units (never negative when read from a file).
    public var mrr: [Int64] = []
    /// Row → the contract id as in the input ("" when the row has none); nil without a contract column.
    public var contractIDs: [String]?
    /// Customer index → the customer id as it appeared in the input (trimmed).
    public var customerIDs: [String] = []
    /// `--segment-by` columns of the contract files, a value per contract row (`.rows`); a customer's
    /// segment is the value on its earliest contract.
    public var segments: [SegmentColumn] = []

    private var customerIndex: [String: Int32] = [:]

    public init(hasContractColumn: Bool = false) {
        contractIDs = hasContractColumn ? [] : nil
    }

    public var rowCount: Int { start.count }
    public var customerCount: Int { customerIDs.count }

    /// The index of a customer id, adding it when new.
    public mutating func internCustomer(_ id: String) -> Int32 {
        if let index = customerIndex[id] { return index }
        let index = Int32(customerIDs.count)
        customerIDs.append(id)
        customerIndex[id] = index
        return index
    }

    /// Appends one contract; `end` nil for one that runs on, `contract` its id when the table has a contract column.
    public mutating func append(customer: Int32, start: Int, end: Int?, mrr: Int64, contract: String? = nil) {
        self.customer.append(customer)
        self.start.append(Int32(start))
        self.end.append(end.map { Int32($0) } ?? Self.running)
        self.mrr.append(mrr)
        if contractIDs != nil { contractIDs?.append(contract ?? "") }
    }

    /// The end day of a row, nil when it runs on.
    public func endDay(ofRow row: Int) -> Int? { end[row] == Self.running ? nil : Int(end[row]) }

    /// The latest start day, the default as-of date of a report made from contracts alone; nil without rows.
    public var latestStart: Int? { start.max().map(Int.init) }
}
