/// All generated customers and their orders and credit notes, in generation order.
struct EventLog {
    /// Orders and credit notes. In generation order each customer's events are contiguous, the
    /// first one being the customer's first order, and a credit note always follows the order it
    /// refunds; after ``sortChronologically(dayCount:seed:)`` they are in output order.
    private(set) var events: [OrderEvent] = []

    /// Amounts in cents of every row, in event order (credit notes are negative).
    private(set) var amounts: [Int64] = []

    /// Attribute combination (country × industry × size) of every customer, by customer index.
    private(set) var customerAttributes: [UInt8] = []

    /// Number of CSV data rows the log produces.
    var rowCount: Int { amounts.count }

    /// Number of customers in the log.
    var customerCount: Int { customerAttributes.count }

    /// Reserves storage for about `rows` rows to avoid repeated reallocation of large arrays.
    mutating func reserveCapacity(rows: Int) {
        amounts.reserveCapacity(rows)
        events.reserveCapacity(rows - rows / 4)
        customerAttributes.reserveCapacity(rows / 4)
    }

    /// Registers a new customer and returns its index.
    mutating func addCustomer(attributes: Int) -> UInt32 {
        customerAttributes.append(UInt8(truncatingIfNeeded: attributes))
        return UInt32(truncatingIfNeeded: customerAttributes.count - 1)
    }

    /// Returns the attribute combination of the customer with index `customer`.
    private func attributes(of customer: UInt32) -> UInt8 {
        customerAttributes[Int(customer)]
    }

    /// Appends a sales order with the given line amounts (1 to 255 positive amounts in cents).
    mutating func addOrder(customer: UInt32, day: Int, lineAmounts: some Collection<Int64>) {
        events.append(OrderEvent(
            amountStart: amounts.count,
            customer: customer,
            day: UInt16(truncatingIfNeeded: day),
            lineCount: UInt8(truncatingIfNeeded: lineAmounts.count),
            attributes: attributes(of: customer)
        ))
        amounts.append(contentsOf: lineAmounts)
    }

    /// Appends a credit note of `cents` (a positive number; it is stored negated).
    mutating func addRefund(customer: UInt32, day: Int, cents: Int64) {
        events.append(OrderEvent(
            amountStart: amounts.count,
            customer: customer,
            day: UInt16(truncatingIfNeeded: day),
            lineCount: 0,
            attributes: attributes(of: customer)
        ))
        amounts.append(-cents)
    }

    /// Removes rows from the end until exactly `rows` rows remain.
    ///
    /// Whole trailing events are dropped and, if needed, the last remaining order loses some of its
    /// lines. Because a credit note always follows its order, a refund never outlives its order.
    mutating func truncate(toRows rows: Int) {
        var excess = rowCount - max(rows, 0)
        while excess > 0, let last = events.last {
            if last.rowCount <= excess {
                events.removeLast()
                amounts.removeLast(last.rowCount)
                excess -= last.rowCount
            } else {
                events[events.count - 1].lineCount -= UInt8(truncatingIfNeeded: excess)
                amounts.removeLast(excess)
                excess = 0
            }
        }
        // Drop customers left without any row (only possible when cutting to zero rows).
        let lastCustomer = events.last.map { Int($0.customer) } ?? -1
        if customerAttributes.count > lastCustomer + 1 {
            customerAttributes.removeLast(customerAttributes.count - lastCustomer - 1)
        }
    }

    /// Replaces each event's customer index with the customer's 0-based rank by first order day
    /// (ties keep generation order, which is random with respect to the date), so printed customer
    /// numbers grow over time the way a real customer master's do.
    ///
    /// Must run before ``sortChronologically(dayCount:seed:)``: it relies on each customer's events
    /// being contiguous and starting with the first order, which makes every pass sequential.
    mutating func renumberCustomersByFirstOrder(dayCount: Int) {
        var firstDays = [Int32](repeating: -1, count: customerCount)
        for event in events where firstDays[Int(event.customer)] < 0 {
            firstDays[Int(event.customer)] = Int32(event.day)
        }
        var nextRankOnDay = [Int](repeating: 0, count: dayCount + 1)
        for day in firstDays where day >= 0 {
            nextRankOnDay[Int(day) + 1] += 1
        }
        for day in 0..<dayCount {
            nextRankOnDay[day + 1] += nextRankOnDay[day]
        }
        var ranks = [UInt32](repeating: 0, count: customerCount)
        for (customer, day) in firstDays.enumerated() where day >= 0 {
            ranks[customer] = UInt32(truncatingIfNeeded: nextRankOnDay[Int(day)])
            nextRankOnDay[Int(day)] += 1
        }
        for index in events.indices {
            events[index].customer = ranks[Int(events[index].customer)]
        }
    }

    /// Reorders events and amounts into output order: by day, credit notes before orders within a
    /// day (their ids sort `CR-` before `SO-`), each group shuffled so customers interleave naturally.
    ///
    /// Uses a counting sort that moves the records themselves bucket by bucket, so memory is
    /// written sequentially per bucket and the shuffles work on small, cache-resident ranges;
    /// the cost is linear in the number of rows.
    mutating func sortChronologically(dayCount: Int, seed: UInt64) {
        let bucketCount = dayCount * 2
        var eventStarts = [Int](repeating: 0, count: bucketCount + 1)
        var rowStarts = [Int](repeating: 0, count: bucketCount + 1)
        for event in events {
            let bucket = EventLog.bucket(of: event)
            eventStarts[bucket + 1] += 1
            rowStarts[bucket + 1] += event.rowCount
        }
        for bucket in 0..<bucketCount {
            eventStarts[bucket + 1] += eventStarts[bucket]
            rowStarts[bucket + 1] += rowStarts[bucket]
        }

        var sortedEvents = [OrderEvent](
            repeating: OrderEvent(amountStart: 0, customer: 0, day: 0, lineCount: 0, attributes: 0),
            count: events.count
        )
        var sortedAmounts = [Int64](repeating: 0, count: amounts.count)
        var nextEvent = eventStarts
        var nextRow = rowStarts
        for var event in events {
            let bucket = EventLog.bucket(of: event)
            let row = nextRow[bucket]
            for line in 0..<event.rowCount {
                sortedAmounts[row + line] = amounts[event.amountStart + line]
            }
            event.amountStart = row
            sortedEvents[nextEvent[bucket]] = event
            nextEvent[bucket] += 1
            nextRow[bucket] += event.rowCount
        }
        // Release the generation-order arrays before shuffling.
        events = []
        amounts = []

        var rng = SplitMix64(seed: seed, stream: EventLog.shuffleStream)
        for bucket in 0..<bucketCount {
            let start = eventStarts[bucket]
            var remaining = eventStarts[bucket + 1] - start
            // Fisher–Yates with the project's own generator (stable across Swift versions).
            while remaining > 1 {
                let pick = rng.nextInt(below: remaining)
                sortedEvents.swapAt(start + remaining - 1, start + pick)
                remaining -= 1
            }
        }
        events = sortedEvents
        amounts = sortedAmounts
    }

    /// The random stream reserved for shuffling within a day.
    private static let shuffleStream: UInt64 = .max - 1

    /// Returns the sort bucket of an event: two per day, credit notes first.
    private static func bucket(of event: OrderEvent) -> Int {
        Int(event.day) * 2 + (event.isRefund ? 0 : 1)
    }
}
