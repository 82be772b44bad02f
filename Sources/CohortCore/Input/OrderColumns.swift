/// The columns of an `OrderTable` as buffers, for the loops of the analysis that run over
/// every row on several threads; valid only inside `OrderTable.withColumns`.
struct OrderColumns {
    let customer: UnsafeBufferPointer<Int32>
    let day: UnsafeBufferPointer<Int32>
    let amount: UnsafeBufferPointer<Int64>
    /// nil when every row is its own order.
    let order: UnsafeBufferPointer<Int32>?

    var rowCount: Int { day.count }
}

extension OrderTable {
    /// `body` with the table's columns as buffers (no copy, no per-access checks).
    func withColumns<Result>(_ body: (OrderColumns) throws -> Result) rethrows -> Result {
        try customer.withUnsafeBufferPointer { customer in
            try day.withUnsafeBufferPointer { day in
                try amount.withUnsafeBufferPointer { amount in
                    guard let order else { return try body(OrderColumns(customer: customer, day: day, amount: amount, order: nil)) }
                    return try order.withUnsafeBufferPointer { order in
                        try body(OrderColumns(customer: customer, day: day, amount: amount, order: order))
                    }
                }
            }
        }
    }
}
