/// What an analysis starts from: order rows (`OrderTable`), or sums a database made of them per
/// customer and period (`CustomerAggregates`). Everything after `CustomerHistory` is the same for both.
protocol HistorySource {
    /// The latest order day in the input: the default as-of date; nil without rows.
    var latestOrderDay: Int? { get }
    /// Customer index → the customer id, for the customer lists.
    var customerIDs: [String] { get }
    /// The history of every customer with a positive order up to `asOfDay`.
    func history(calendar: PeriodCalendar, asOfDay: Int, collectsPurchases: Bool) throws -> CustomerHistory
}

extension OrderTable: HistorySource {
    var latestOrderDay: Int? { day.max().map(Int.init) }

    func history(calendar: PeriodCalendar, asOfDay: Int, collectsPurchases: Bool) throws -> CustomerHistory {
        try CustomerHistory(table: self, calendar: calendar, asOfDay: asOfDay, collectsPurchases: collectsPurchases)
    }
}

extension CustomerAggregates: HistorySource {
    var latestOrderDay: Int? { latestDay }

    func history(calendar: PeriodCalendar, asOfDay: Int, collectsPurchases: Bool) throws -> CustomerHistory {
        try CustomerHistory(aggregates: self, calendar: calendar, asOfDay: asOfDay, collectsPurchases: collectsPurchases)
    }
}
