/// What an analysis starts from: order rows (`OrderTable`), or sums a database made of them per
/// customer and period (`CustomerAggregates`). Everything after `CustomerHistory` is the same for both.
protocol HistorySource {
    /// The latest order day in the input: the default as-of date; nil without rows.
    var latestOrderDay: Int? { get }
    /// Customer index → the customer id, for the customer lists.
    var customerIDs: [String] { get }
    /// The history of every customer with a positive order up to `asOfDay`.
    func history(calendar: PeriodCalendar, asOfDay: Int, collectsPurchases: Bool) throws -> CustomerHistory
    /// What `SegmentBuilder` reads the segment columns from: the table itself, or for aggregates a
    /// table without rows whose segment columns hold one value per customer.
    var segmentTable: OrderTable { get }
}

extension OrderTable: HistorySource {
    var latestOrderDay: Int? { day.max().map(Int.init) }
    var segmentTable: OrderTable { self }

    func history(calendar: PeriodCalendar, asOfDay: Int, collectsPurchases: Bool) throws -> CustomerHistory {
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

    func history(calendar: PeriodCalendar, asOfDay: Int, collectsPurchases: Bool) throws -> CustomerHistory {
        try CustomerHistory(aggregates: self, calendar: calendar, asOfDay: asOfDay, collectsPurchases: collectsPurchases)
    }
}
