/// What an analysis starts from: order rows (`OrderTable`), or sums a database made of them per
/// customer and period (`CustomerAggregates`). Everything after `CustomerHistory` is the same for both.
protocol HistorySource {
    /// The latest order day in the input: the default as-of date; nil without rows.
    var latestOrderDay: Int? { get }
    /// Whether the magnitudes of all amounts add up to at most `Int64.max` minor units (else the analysis is refused).
    var amountTotalFits: Bool { get }
    /// Customer index → the customer id, for the customer lists.
    var customerIDs: [String] { get }
    /// The history of every customer with a positive order up to `asOfDay`. Aggregates give their
    /// entries to it (they are empty afterwards), so that the two are not in memory at once.
    mutating func takeHistory(calendar: PeriodCalendar, asOfDay: Int, collectsPurchases: Bool) throws -> CustomerHistory
    /// What `SegmentBuilder` reads the segment columns from: the table itself, or for aggregates a
    /// table without rows whose segment columns hold one value per customer.
    var segmentTable: OrderTable { get }
}

extension OrderTable: HistorySource {
    var latestOrderDay: Int? { day.max().map(Int.init) }
    var segmentTable: OrderTable { self }

    func takeHistory(calendar: PeriodCalendar, asOfDay: Int, collectsPurchases: Bool) throws -> CustomerHistory {
        try CustomerHistory(table: self, calendar: calendar, asOfDay: asOfDay, collectsPurchases: collectsPurchases)
    }
}

extension CustomerAggregates: HistorySource {
    var latestOrderDay: Int? { latestDay }

    /// No rows and no order column: `SegmentBuilder` then reads a customer's value at its
    /// `firstPositiveKey`, which a history from aggregates sets to the customer's index.
    var segmentTable: OrderTable {
        OrderTable(customerIDs: customerIDs, segments: segments)
    }

    mutating func takeHistory(calendar: PeriodCalendar, asOfDay: Int, collectsPurchases: Bool) throws -> CustomerHistory {
        try CustomerHistory(aggregates: &self, calendar: calendar, asOfDay: asOfDay, collectsPurchases: collectsPurchases)
    }
}
