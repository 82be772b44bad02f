import CohortCore

/// Accumulates the columns of one `OrderTable` across several input files.
struct TableBuilder {
    var customers = ByteInterner(capacity: 1 << 14)
    var orders = ByteInterner(capacity: 1 << 14)
    var rejected: [RejectedRow] = []
    var rowsRead = 0
    private var customer: [Int32] = []
    private var day: [Int32] = []
    private var amount: [Int64] = []
    private var order: [Int32]?
    private var fileHasOrderColumn = false

    /// Starts a file. Once any file has an order column, rows without one get unique order ids.
    mutating func beginFile(hasOrderColumn: Bool) {
        fileHasOrderColumn = hasOrderColumn
        if hasOrderColumn && order == nil {
            order = (0 ..< day.count).map { _ in orders.uniqueID() }
        }
    }

    mutating func append(customer: Int32, day: Int, amount: Int64, order: Int32?) {
        self.customer.append(customer)
        self.day.append(Int32(day))
        self.amount.append(amount)
        if self.order != nil { self.order?.append(order ?? orders.uniqueID()) }
    }

    func result(sources: [String]) -> OrderReadResult {
        let table = OrderTable(customer: customer, day: day, amount: amount, order: order,
                               customerIDs: customers.allStrings(), orderCount: orders.count)
        return OrderReadResult(table: table, rejected: rejected, rowsRead: rowsRead, sources: sources)
    }
}
