import CohortCore

/// Gathers the rows of the pushed-down statement (`CustomerRow`, one per customer, in any order)
/// into `CustomerAggregates`.
///
/// Customers are numbered by their first day, then by id (byte order): a database has no reading
/// order, and a file sorted by date meets the same order, which ranked lists use for ties. Ids
/// are trimmed of blanks as files trim them; rows without an id are counted as incomplete.
///
///     var collector = AggregateCollector(periodKind: .month, asOfDay: nil, collectsPurchases: false)
///     collector.add(row)                  // for every row of the statement
///     let aggregates = try collector.aggregates(source: "postgresql://...")
///
/// Complexity: O(entries + customers log customers).
public struct AggregateCollector: Sendable {
    private var aggregates: CustomerAggregates
    public private(set) var counts = LineCounts()
    // Staged customers, in the order they came.
    private var ids: [String] = []
    private var firstSeen: [Int32] = []
    private var trimmed = false
    private var staged = CustomerAggregates(periodKind: .month, asOfDay: nil)
    private var purchases: [CustomerAggregates.Purchases] = []
    /// Per segment column, per staged customer, its value.
    private var segmentValues: [[String?]]
    private let segmentNames: [String]

    /// `segmentNames`: the attributes of `--segment-by` the rows carry (`CustomerRow.segments`), in order.
    public init(periodKind: PeriodKind, asOfDay: Int?, collectsPurchases: Bool, segmentNames: [String] = []) {
        aggregates = CustomerAggregates(periodKind: periodKind, asOfDay: asOfDay, collectsPurchases: collectsPurchases)
        self.segmentNames = segmentNames
        segmentValues = segmentNames.map { _ in [] }
    }

    /// Adds one customer's row.
    public mutating func add(_ row: CustomerRow) {
        let rowsInPeriods = row.periodRows.reduce(0) { $0 + Int($1) }
        counts.read += rowsInPeriods + Int(row.rowsAfter) + Int(row.rowsIncomplete)
        counts.incomplete += Int(row.rowsIncomplete)
        counts.inexact += Int(row.inexact)
        let id = row.customer?.trimmingFieldBlanks ?? ""
        guard !id.isEmpty, let first = row.firstSeen else {
            // No customer id: none of its rows can be used.
            counts.incomplete += rowsInPeriods + Int(row.rowsAfter)
            return
        }
        if id.utf8.count != row.customer?.utf8.count { trimmed = true }
        aggregates.rowsAfterAsOf += Int(row.rowsAfter)
        if let latest = row.latestDay { aggregates.latestDay = max(aggregates.latestDay ?? Int(latest), Int(latest)) }
        ids.append(id)
        firstSeen.append(first)
        staged.period += row.periods
        staged.rows += row.periodRows
        staged.netRevenue += row.periodNet
        staged.positiveOrders += row.periodOrders
        staged.positiveOrderValue += row.periodOrderValue
        staged.entryStart.append(staged.period.count)
        if aggregates.purchases != nil {
            purchases.append(row.purchaseDays > 0
                ? .init(firstDay: row.firstPurchase ?? 0, lastDay: row.lastPurchase ?? 0, days: row.purchaseDays, repeatValue: row.repeatValue,
                        medianGap: row.medianGap)
                : .none)
            for gap in row.gaps { aggregates.addGap(Int(gap)) }
        }
        for column in segmentValues.indices { segmentValues[column].append(column < row.segments.count ? row.segments[column] : nil) }
    }

    /// The aggregates, customers numbered by first day and id. Throws when two ids differ only in
    /// blanks around them (files would count them as one customer; the database grouped them apart).
    public func aggregates(source: String) throws(DatabaseError) -> CustomerAggregates {
        let order = ids.indices.sorted { a, b in
            firstSeen[a] != firstSeen[b] ? firstSeen[a] < firstSeen[b] : ids[a].utf8.lexicographicallyPrecedes(ids[b].utf8)
        }
        if trimmed {
            var seen = Set<String>()
            for id in ids where !seen.insert(id).inserted { throw .customerIDsDifferInBlanks(source: source, id: id) }
        }
        var result = aggregates
        result.customerIDs.reserveCapacity(ids.count)
        result.entryStart.reserveCapacity(ids.count + 1)
        for array in [\CustomerAggregates.period, \.positiveOrders, \.rows] as [WritableKeyPath<CustomerAggregates, [Int32]>] {
            result[keyPath: array].reserveCapacity(staged.entryCount)
        }
        result.netRevenue.reserveCapacity(staged.entryCount)
        result.positiveOrderValue.reserveCapacity(staged.entryCount)
        for index in order {
            let entries = staged.entries(of: index)
            result.customerIDs.append(ids[index])
            result.period += staged.period[entries]
            result.rows += staged.rows[entries]
            result.netRevenue += staged.netRevenue[entries]
            result.positiveOrders += staged.positiveOrders[entries]
            result.positiveOrderValue += staged.positiveOrderValue[entries]
            result.entryStart.append(result.period.count)
            if result.purchases != nil { result.purchases?.append(purchases[index]) }
        }
        result.segments = segmentNames.indices.map { column in
            // Values as files read them: trimmed, "" for none (SegmentBuilder's "(unknown)"); one "row" per customer.
            var values: [String] = [], idOfValue: [String: Int32] = [:]
            let ids = order.map { index -> Int32 in
                let value = segmentValues[column][index]?.trimmingFieldBlanks ?? ""
                if let known = idOfValue[value] { return known }
                idOfValue[value] = Int32(values.count)
                values.append(value)
                return Int32(values.count - 1)
            }
            return SegmentColumn(name: segmentNames[column], values: values, source: .rows(ids))
        }
        return result
    }
}
