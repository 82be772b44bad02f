/// Counts the repeat purchases of every customer by their gap in periods, for the churn
/// window from the data (METRICS.md): each pair of consecutive active periods p < q of one
/// customer, with q up to the last complete period, is one repeat purchase of gap q − p.
///
/// Complexity: O(history entries), the customers split over the cores.
struct ChurnWindowBuilder {
    let history: CustomerHistory
    /// Index of the last complete period (repeat purchases after it are not counted).
    let lastComplete: Int

    /// `gaps[g]`: repeat purchases with a gap of g periods.
    func gaps() -> [Int] {
        let parts = ParallelWork.parts(for: history.period.count)
        let counted = history.withColumns { columns in
            history.entryStart.withUnsafeBufferPointer { entryStart in
                ParallelWork.map(ParallelWork.ranges(history.customerCount, parts: parts)) { customers in
                    var gaps = [Int](repeating: 0, count: history.periodCount + 1)
                    // Through buffers: an array checks on every change that its storage is not shared.
                    gaps.withUnsafeMutableBufferPointer { gaps in
                        for customer in customers {
                            var previous = -1
                            for entry in entryStart[customer] ..< entryStart[customer + 1] where columns.positiveOrders[entry] > 0 {
                                let p = Int(columns.period[entry])
                                guard p <= lastComplete else { break }
                                if previous >= 0 { gaps[p - previous] += 1 }
                                previous = p
                            }
                        }
                    }
                    return gaps
                }
            }
        }
        var total = [Int](repeating: 0, count: history.periodCount + 1)
        for part in counted { for gap in part.indices { total[gap] += part[gap] } }
        return total
    }
}
