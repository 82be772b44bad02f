/// The order rows up to the as-of date, each copied next to its customer's other rows by a
/// counting sort, as (order, day, amount): what `HistoryPart` sums customer by customer.
///
/// The one owner of that buffer (a class, freed in `deinit`): the history drops it before
/// joining its parts, as the two are the largest arrays of the analysis. Each part of the rows
/// counts and places its own rows, part 0's rows of a customer first, so the order within a
/// customer is the table's.
///
/// Complexity: O(rows + parts × customers), the counting and placing on every core.
final class CustomerRows {
    /// Customer c's rows are `rows(of: c)`, at `start[c] ..< start[c + 1]`.
    let start: [Int]
    private let buffer: UnsafeMutableBufferPointer<CustomerRow>

    /// Rows placed (those up to the as-of date).
    var count: Int { start[start.count - 1] }

    init(_ columns: OrderColumns, customerCount: Int, rowRanges: [Range<Int>], asOf: Int32) {
        let parts = rowRanges.count
        // Per part and customer: the part's rows of the customer, then where the next of them goes.
        var cursors = [Int32](repeating: 0, count: parts * customerCount)
        var start = [Int](repeating: 0, count: customerCount + 1)
        var buffer = UnsafeMutableBufferPointer<CustomerRow>(start: nil, count: 0)
        cursors.withUnsafeMutableBufferPointer { cursors in
            let base = cursors.baseAddress!
            ParallelWork.forEach(parts) { part in
                let count = base + part * customerCount
                for row in rowRanges[part] where columns.day[row] <= asOf { count[Int(columns.customer[row])] += 1 }
            }
            let placed = Self.cumulate(cursors, into: &start, parts: parts, customerCount: customerCount)
            buffer = .allocate(capacity: max(placed, 1))
            HugePages.advise(UnsafeMutableRawBufferPointer(buffer)) // written at random below
            ParallelWork.forEach(parts) { [buffer] part in
                let cursor = base + part * customerCount
                for row in rowRanges[part] {
                    let day = columns.day[row]
                    guard day <= asOf else { continue }
                    let customer = Int(columns.customer[row])
                    let slot = Int(cursor[customer])
                    cursor[customer] += 1
                    (buffer.baseAddress! + slot).initialize(to: CustomerRow(order: columns.order?[row] ?? Int32(truncatingIfNeeded: row), day: day,
                                                                              amount: columns.amount[row]))
                }
            }
        }
        self.start = start
        self.buffer = buffer
    }

    deinit { buffer.deallocate() }

    /// Turns each part's count of a customer's rows into where the part's first row of it goes;
    /// fills `start` and returns the rows in all.
    private static func cumulate(_ cursors: UnsafeMutableBufferPointer<Int32>, into start: inout [Int], parts: Int, customerCount: Int) -> Int {
        var placed = 0
        for customer in 0 ..< customerCount {
            start[customer] = placed
            for part in 0 ..< parts {
                let count = Int(cursors[part * customerCount + customer])
                cursors[part * customerCount + customer] = Int32(placed)
                placed += count
            }
        }
        start[customerCount] = placed
        return placed
    }

    /// The rows of a customer, in the order the table has them.
    @inline(__always)
    func rows(of customer: Int) -> UnsafeMutableBufferPointer<CustomerRow> {
        UnsafeMutableBufferPointer(rebasing: buffer[start[customer] ..< start[customer + 1]])
    }

    /// `0 ..< customers` cut into `parts` ranges of about equal rows.
    func balancedRanges(parts: Int) -> [Range<Int>] {
        let customerCount = start.count - 1
        var bounds = [0]
        for part in 1 ..< max(parts, 1) {
            let target = count * part / parts
            var low = bounds[part - 1], high = customerCount
            while low < high {
                let middle = (low + high) / 2
                if start[middle] < target { low = middle + 1 } else { high = middle }
            }
            bounds.append(low)
        }
        bounds.append(customerCount)
        return (0 ..< bounds.count - 1).map { bounds[$0] ..< bounds[$0 + 1] }
    }
}

/// One order row, placed among its customer's rows by the counting sort.
struct CustomerRow {
    /// Interned order id; without an order column, the row's index in the table (each row is its own order).
    var order: Int32
    /// Days since 1970-01-01.
    var day: Int32
    var amount: Int64
}
