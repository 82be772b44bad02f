import CohortCore

/// Gathers the order lines of `--no-pushdown` (`RowStatement`) into an `OrderTable`, which the
/// engine then groups and sums as it does a file's rows.
///
/// Ids are trimmed of blanks as files trim them; rows without a customer id, date or amount are
/// counted as incomplete and left out. Customers are numbered as `AggregateCollector` numbers
/// them (first day, then id), so both ways give the same customer lists; with segment columns,
/// order ids are numbered in byte order, so that of two positive orders on a customer's first day
/// the one with the smaller id gives its segment, as pushed down (there the smallest value of its
/// lines; here its first line's value as the rows came).
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
    /// Per segment column: per row its value id, and the values.
    private var segmentIDs: [[Int32]]
    private var segmentIndex: [[String: Int32]]
    private var segmentValues: [[String]]
    private let segmentNames: [String]

    /// `segmentNames`: the attributes of `--segment-by` each row carries (`add(...segments:)`), in order.
    public init(hasOrderColumn: Bool, segmentNames: [String] = [], expectedRows: Int = 0) {
        order = hasOrderColumn ? [] : nil
        self.segmentNames = segmentNames
        segmentIDs = segmentNames.map { _ in [] }
        segmentIndex = segmentNames.map { _ in [:] }
        segmentValues = segmentNames.map { _ in [] }
        customer.reserveCapacity(expectedRows)
        day.reserveCapacity(expectedRows)
        amount.reserveCapacity(expectedRows)
        order?.reserveCapacity(expectedRows)
    }

    /// Adds one line; `order` is nil for a NULL order id (all of a customer's lines without one are one order, as an empty field in a file).
    public mutating func add(customer id: String?, order orderID: String?, day lineDay: Int32?, cents: Int64?, inexact: Bool?,
                             segments: [String?] = []) {
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
        for column in segmentIDs.indices {
            let value = (column < segments.count ? segments[column] : nil)?.trimmingFieldBlanks ?? ""
            if let known = segmentIndex[column][value] {
                segmentIDs[column].append(known)
            } else {
                let new = Int32(segmentValues[column].count)
                segmentIndex[column][value] = new
                segmentValues[column].append(value)
                segmentIDs[column].append(new)
            }
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
        var orders = order
        if !segmentNames.isEmpty, let order {
            // Order ids in byte order (NULL first), so that the first order of a day is the smallest id.
            var ids = orderIndex.map { (text: $0.key, id: $0.value) }
            ids.sort { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
            var number = [Int32](repeating: 0, count: Int(orderCount))
            var next: Int32 = 0
            if let nullOrder {
                number[Int(nullOrder)] = 0
                next = 1
            }
            for entry in ids {
                number[Int(entry.id)] = next
                next += 1
            }
            orders = order.map { number[Int($0)] }
        }
        let segments = segmentNames.indices.map { SegmentColumn(name: segmentNames[$0], values: segmentValues[$0], source: .rows(segmentIDs[$0])) }
        return OrderTable(customer: customers, day: day, amount: amount, order: orders, customerIDs: sorted.map { customerIDs[$0] },
                          orderCount: Int(orderCount), segments: segments)
    }
}
