import CohortCore

/// Gathers the order lines of `--no-pushdown` (`RowStatement`) into an `OrderTable`, which the
/// engine then groups and sums as it does a file's rows.
///
/// Ids are trimmed of blanks as files trim them; rows without a customer id, date or amount are
/// counted as incomplete and left out. Customers are numbered as `AggregateCollector` numbers
/// them (first day, then id), so both ways give the same customer lists.
///
///     var collector = RowCollector(hasOrderColumn: true)
///     collector.add(customer: "C001", order: "SO-1", day: 20_454, cents: 12_50, inexact: false)
///     let table = collector.table()
///
/// Complexity: O(rows) with a hash lookup per id, then O(rows + customers log customers).
public struct RowCollector: Sendable {
    public private(set) var counts = LineCounts()
    private var customerIndex: [String: Int32] = [:]
    private var customerIDs: [String] = []
    private var firstDay: [Int32] = []
    private var orderIndex: [String: Int32] = [:]
    private var nullOrder: Int32?
    private var customer: [Int32] = []
    private var day: [Int32] = []
    private var amount: [Int64] = []
    private var order: [Int32]?
    private var orderCount: Int32 = 0

    public init(hasOrderColumn: Bool, expectedRows: Int = 0) {
        order = hasOrderColumn ? [] : nil
        customer.reserveCapacity(expectedRows)
        day.reserveCapacity(expectedRows)
        amount.reserveCapacity(expectedRows)
        order?.reserveCapacity(expectedRows)
    }

    /// Adds one line; `order` is nil for a NULL order id (all of a customer's lines without one are one order, as an empty field in a file).
    public mutating func add(customer id: String?, order orderID: String?, day lineDay: Int32?, cents: Int64?, inexact: Bool?) {
        counts.read += 1
        if inexact == true { counts.inexact += 1 }
        guard let lineDay, let cents, let id = id?.trimmingFieldBlanks, !id.isEmpty else {
            counts.incomplete += 1
            return
        }
        let index: Int32
        if let known = customerIndex[id] {
            index = known
            if lineDay < firstDay[Int(known)] { firstDay[Int(known)] = lineDay }
        } else {
            index = Int32(customerIDs.count)
            customerIndex[id] = index
            customerIDs.append(id)
            firstDay.append(lineDay)
        }
        customer.append(index)
        day.append(lineDay)
        amount.append(cents)
        if order != nil {
            let interned = internOrder(orderID)
            order?.append(interned)
        }
    }

    private mutating func internOrder(_ id: String?) -> Int32 {
        guard let id else {
            if let nullOrder { return nullOrder }
            nullOrder = orderCount
            orderCount += 1
            return orderCount - 1
        }
        if let known = orderIndex[id] { return known }
        orderIndex[id] = orderCount
        orderCount += 1
        return orderCount - 1
    }

    /// The table, customers renumbered by first day and id.
    public func table() -> OrderTable {
        let sorted = customerIDs.indices.sorted { a, b in
            firstDay[a] != firstDay[b] ? firstDay[a] < firstDay[b] : customerIDs[a].utf8.lexicographicallyPrecedes(customerIDs[b].utf8)
        }
        var renumbered = [Int32](repeating: 0, count: customerIDs.count)
        for (new, old) in sorted.enumerated() { renumbered[old] = Int32(new) }
        let customers = customer.map { renumbered[Int($0)] }
        return OrderTable(customer: customers, day: day, amount: amount, order: order, customerIDs: sorted.map { customerIDs[$0] },
                          orderCount: Int(orderCount))
    }
}
