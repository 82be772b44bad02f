/// Order rows in columns: one array per field, strings interned to integer ids.
///
/// This is what ingestion produces and what the analysis reads. Hot loops touch
/// only the integer columns; the original customer ids are kept once, in
/// `customerIDs`, for labels at the edges.
///
///     var table = OrderTable()
///     let alice = table.internCustomer("C001")
///     table.append(customer: alice, day: CivilDate(year: 2026, month: 1, day: 5)!.dayNumber,
///                  amount: 12_50, order: nil)
///
/// A table either has an order column for every row or for none: without one,
/// each row is its own order (METRICS.md, "Input model").
public struct OrderTable: Sendable {
    /// Row → customer index into `customerIDs`.
    public var customer: [Int32] = []
    /// Row → order date as days since 1970-01-01 (a time of day is dropped on reading).
    public var day: [Int32] = []
    /// Row → amount in minor units (negative = refund or credit note).
    public var amount: [Int64] = []
    /// Row → interned order id (`0..<orderCount`), or nil when every row is its own order.
    public var order: [Int32]?
    /// Customer index → the customer id as it appeared in the input (trimmed).
    public var customerIDs: [String] = []
    /// Number of distinct order ids (when `order` is set).
    public var orderCount: Int = 0
    /// The attributes to split customers by (`--segment-by`), in the order asked for.
    public var segments: [SegmentColumn] = []

    private var customerIndex: [String: Int32] = [:]

    public init(hasOrderColumn: Bool = false) {
        order = hasOrderColumn ? [] : nil
    }

    /// Builds a table from ready columns; `customerIDs[i]` names customer index `i`.
    public init(customer: [Int32], day: [Int32], amount: [Int64], order: [Int32]?, customerIDs: [String], orderCount: Int,
                segments: [SegmentColumn] = []) {
        precondition(customer.count == day.count && day.count == amount.count && (order?.count ?? day.count) == day.count,
                     "OrderTable columns must have the same length")
        self.customer = customer
        self.day = day
        self.amount = amount
        self.order = order
        self.customerIDs = customerIDs
        self.orderCount = orderCount
        self.segments = segments
    }

    /// A table of customers without rows: what a customer file's attributes are joined on, and
    /// what segments are read from when the orders were summed per customer (`CustomerAggregates`).
    public init(customerIDs: [String], segments: [SegmentColumn] = []) {
        self.init(customer: [], day: [], amount: [], order: nil, customerIDs: customerIDs, orderCount: 0, segments: segments)
    }

    public var rowCount: Int { day.count }
    public var customerCount: Int { customerIDs.count }

    /// The index of a customer id, adding it when new. For small tables and tests;
    /// ingestion of large files interns bytes directly.
    public mutating func internCustomer(_ id: String) -> Int32 {
        if let index = customerIndex[id] { return index }
        let index = Int32(customerIDs.count)
        customerIDs.append(id)
        customerIndex[id] = index
        return index
    }

    /// Appends one row. `order` must be given exactly when the table has an order column,
    /// as a dense id (0, 1, 2, ...: the analysis sizes an array by the largest one).
    public mutating func append(customer: Int32, day: Int, amount: Int64, order: Int32?) {
        precondition(order.map { $0 >= 0 } ?? true, "order ids are dense non-negative integers")
        self.customer.append(customer)
        self.day.append(Int32(day))
        self.amount.append(amount)
        if let order {
            self.order?.append(order)
            orderCount = max(orderCount, Int(order) + 1)
        }
    }
}
