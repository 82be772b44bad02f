extension CustomerHistory {
    /// Builds the history from sums a database made per customer and period (`CustomerAggregates`):
    /// the same history, the same data-quality counts and the same purchase days as
    /// `init(table:...)` gives for the order rows behind them.
    ///
    /// A customer's cohort is its first period with a positive order; entries before it count as
    /// rows before acquisition, a customer without one counts as left out (METRICS.md), exactly as
    /// `HistoryPart` decides for an order table.
    ///
    /// The entries are moved into the history, not copied: `aggregates` keeps its customers and
    /// segments, and its entry columns (and, when collected, its purchases) are empty afterwards.
    ///
    /// `parts` splits the customers into that many ranges worked on concurrently (default: one per
    /// core for many entries; on one core this took 40 ms of a 10M-row sample file's tail); the
    /// result does not depend on it. Each part moves its entries down within its own range, then
    /// the parts' blocks are moved down one after the other, in order.
    ///
    /// Complexity: O(customers + entries).
    init(aggregates: inout CustomerAggregates, calendar: PeriodCalendar, asOfDay: Int, collectsPurchases: Bool = false,
         parts requestedParts: Int? = nil) throws {
        precondition(aggregates.periodKind == calendar.kind, "aggregates summed by \(aggregates.periodKind), analysed by \(calendar.kind)")
        if let cut = aggregates.asOfDay {
            precondition(cut == asOfDay, "aggregates cut at day \(cut), analysed as of day \(asOfDay)")
        } else {
            precondition(asOfDay >= aggregates.latestDay ?? asOfDay, "aggregates not cut, analysed as of a day before the latest order")
        }
        precondition(!collectsPurchases || aggregates.purchases != nil, "the purchase days were not summed")
        var dataQuality = DataQuality()
        dataQuality.rowsAfterAsOf = aggregates.rowsAfterAsOf
        guard aggregates.entryCount > 0 else { throw AnalysisError.noRowsUpToAsOf(asOf: CivilDate(dayNumber: asOfDay)) }

        // The entry columns, taken out of the aggregates: moved down in place, then kept (an entry
        // only ever moves to a lower place).
        let entryStart = aggregates.entryStart, rows = aggregates.rows
        var period = aggregates.period, netRevenue = aggregates.netRevenue
        var positiveOrders = aggregates.positiveOrders, positiveOrderValue = aggregates.positiveOrderValue
        (aggregates.period, aggregates.netRevenue, aggregates.positiveOrders, aggregates.positiveOrderValue, aggregates.rows) = ([], [], [], [], [])
        let customerCount = entryStart.count - 1
        let parts = ParallelWork.ranges(customerCount, parts: requestedParts ?? ParallelWork.parts(for: period.count))
        // Per customer, its cohort entry (its first with a positive order), -1 for a customer left out.
        var cohortEntry = [Int](repeating: -1, count: customerCount)

        var customer: [Int32] = [], cohort: [Int32] = [], starts: [Int] = []
        let (kept, earliestCohort) = try EntryColumns.with(entryStart, rows, &period, &netRevenue, &positiveOrders, &positiveOrderValue) { columns in
            try cohortEntry.withUnsafeMutableBufferPointer { cohortEntry in
                // 1. Each part's customers: their cohort entries, and what is left out.
                let scans = ParallelWork.map(parts) { customers in PartScan(customers, columns, cohortEntry: cohortEntry) }
                let earliestCohort = scans.lazy.map(\.earliestCohort).min() ?? Int32.max
                guard earliestCohort != Int32.max else { throw AnalysisError.noPositiveOrders }
                for scan in scans { dataQuality.add(scan.dataQuality) }

                // 2. Each part moves its analysed customers' entries from their cohort on down in its own
                // range, periods counted from the earliest cohort, and writes its customers' columns.
                let customerOffsets = scans.reduce(into: [0]) { $0.append($0.last! + $1.analysed) }
                let entryOffsets = scans.reduce(into: [0]) { $0.append($0.last! + $1.kept) }
                let analysed = customerOffsets.last!
                customer = [Int32](repeating: 0, count: analysed)
                cohort = [Int32](repeating: 0, count: analysed)
                starts = [Int](repeating: 0, count: analysed + 1)
                let rowsAnalyzed = CustomerColumns.with(&customer, &cohort, &starts) { customers in
                    ParallelWork.map(Array(parts.indices)) { part in
                        customers.write(parts[part], columns, cohortEntry: UnsafeBufferPointer(cohortEntry), periodsFrom: earliestCohort,
                                        at: customerOffsets[part], entriesAt: entryOffsets[part])
                    }
                }
                dataQuality.rowsAnalyzed = rowsAnalyzed.reduce(0, +)

                // 3. The parts' blocks, moved down after one another (a block may land where the one
                // before it was read from, so not at once).
                for part in parts.indices {
                    columns.moveBlock(from: columns.entryStart[parts[part].lowerBound], to: entryOffsets[part], count: scans[part].kept)
                }
                return (entryOffsets.last!, earliestCohort)
            }
        }
        period.removeSubrange(kept...)
        netRevenue.removeSubrange(kept...)
        positiveOrders.removeSubrange(kept...)
        positiveOrderValue.removeSubrange(kept...)

        var purchases: CustomerPurchases?
        if collectsPurchases, let bought = aggregates.purchases {
            purchases = CustomerPurchases(capacity: customer.count)
            purchases?.gapCounts = aggregates.gapCounts
            for index in customer.indices {
                let purchase = bought[Int(customer[index])]
                purchases?.firstDay.append(purchase.firstDay)
                purchases?.lastDay.append(purchase.lastDay)
                purchases?.purchaseDays.append(purchase.days)
                purchases?.repeatValue.append(purchase.repeatValue)
                purchases?.medianGap.append(purchase.medianGap)
            }
            aggregates.purchases = [] // what the history now holds in its own form goes
        }
        dataQuality.customersAnalyzed = customer.count
        let firstPeriod = Int(earliestCohort)
        self.init(periodCount: calendar.period(containingDay: asOfDay) - firstPeriod + 1, firstPeriod: firstPeriod, customer: customer,
                  cohort: cohort, entryStart: starts, period: period, netRevenue: netRevenue, positiveOrders: positiveOrders,
                  positiveOrderValue: positiveOrderValue, dataQuality: dataQuality, purchases: purchases,
                  firstPositiveKey: customer) // where SegmentBuilder reads a customer's value (`segmentTable`)
    }
}

/// What the first pass over one part of the customers found: who is left out and why, the
/// earliest cohort period, and how many customers and entries are analysed.
private struct PartScan {
    var dataQuality = DataQuality()
    var earliestCohort = Int32.max
    /// Customers with a positive order, and their entries from their cohort on.
    var analysed = 0
    var kept = 0

    /// Scans `customers`, writing each one's cohort entry (its first with a positive order) to
    /// `cohortEntry` (left at -1 for a customer left out).
    init(_ customers: Range<Int>, _ columns: EntryColumns, cohortEntry: UnsafeMutableBufferPointer<Int>) {
        for customer in customers {
            let entries = columns.entryStart[customer] ..< columns.entryStart[customer + 1]
            guard !entries.isEmpty else { continue } // rows after the as-of date only, as a table's customer without rows up to it
            guard let first = entries.first(where: { columns.positiveOrders[$0] > 0 }) else {
                dataQuality.customersWithoutPositiveOrder += 1
                for entry in entries { dataQuality.rowsOfCustomersWithoutPositiveOrder += Int(columns.rows[entry]) }
                continue
            }
            cohortEntry[customer] = first
            earliestCohort = min(earliestCohort, columns.period[first])
            for entry in entries.lowerBound ..< first {
                dataQuality.rowsBeforeAcquisition += Int(columns.rows[entry])
                dataQuality.amountBeforeAcquisition.minorUnits += columns.netRevenue[entry]
            }
            analysed += 1
            kept += entries.upperBound - first
        }
    }
}

/// The analysed customers' columns of `CustomerHistory.init(aggregates:...)` as buffers, written by
/// parts of the customers at once, each at its own offsets.
private struct CustomerColumns: @unchecked Sendable {
    let customer: UnsafeMutableBufferPointer<Int32>
    let cohort: UnsafeMutableBufferPointer<Int32>
    /// Where each analysed customer's entries start, one more than customers: `starts[0]` is 0.
    let starts: UnsafeMutableBufferPointer<Int>

    /// Calls `body` with the three arrays as buffers.
    static func with<Result>(_ customer: inout [Int32], _ cohort: inout [Int32], _ starts: inout [Int],
                             _ body: (CustomerColumns) -> Result) -> Result {
        customer.withUnsafeMutableBufferPointer { customer in
            cohort.withUnsafeMutableBufferPointer { cohort in
                starts.withUnsafeMutableBufferPointer { starts in body(CustomerColumns(customer: customer, cohort: cohort, starts: starts)) }
            }
        }
    }

    /// Writes the analysed customers among `customers` from place `place` on, and moves their
    /// entries from their cohort entry on down within the part's own range (they start at
    /// `entryOffset` once the parts' blocks are moved together); returns the rows of those entries.
    func write(_ customers: Range<Int>, _ columns: EntryColumns, cohortEntry: UnsafeBufferPointer<Int>, periodsFrom earliestCohort: Int32,
               at place: Int, entriesAt entryOffset: Int) -> Int {
        var rowsAnalyzed = 0, place = place
        let source = columns.entryStart[customers.lowerBound]
        var written = source
        for index in customers where cohortEntry[index] >= 0 {
            let entries = cohortEntry[index] ..< columns.entryStart[index + 1]
            customer[place] = Int32(index)
            cohort[place] = columns.period[entries.lowerBound] - earliestCohort
            for entry in entries {
                rowsAnalyzed += Int(columns.rows[entry])
                columns.move(entry, to: written, periodsFrom: earliestCohort)
                written += 1
            }
            place += 1
            starts[place] = entryOffset + written - source
        }
        return rowsAnalyzed
    }
}

/// The columns of `CustomerHistory.init(aggregates:...)` as buffers, the entry columns for moving
/// entries down in place: an array checks on every change that its storage is not shared, which
/// took a third of the move. Parts of the customers move their entries at once, each within its
/// own range (`ParallelWork`), so the buffers are handed to other threads.
private struct EntryColumns: @unchecked Sendable {
    let entryStart: UnsafeBufferPointer<Int>
    let rows: UnsafeBufferPointer<Int32>
    let period: UnsafeMutableBufferPointer<Int32>
    let netRevenue: UnsafeMutableBufferPointer<Int64>
    let positiveOrders: UnsafeMutableBufferPointer<Int32>
    let positiveOrderValue: UnsafeMutableBufferPointer<Int64>

    /// Calls `body` with the columns as buffers.
    static func with<Result>(_ entryStart: [Int], _ rows: [Int32], _ period: inout [Int32], _ netRevenue: inout [Int64],
                             _ positiveOrders: inout [Int32], _ positiveOrderValue: inout [Int64],
                             _ body: (EntryColumns) throws -> Result) rethrows -> Result {
        try entryStart.withUnsafeBufferPointer { entryStart in
            try rows.withUnsafeBufferPointer { rows in
                try period.withUnsafeMutableBufferPointer { period in
                    try netRevenue.withUnsafeMutableBufferPointer { netRevenue in
                        try positiveOrders.withUnsafeMutableBufferPointer { positiveOrders in
                            try positiveOrderValue.withUnsafeMutableBufferPointer { positiveOrderValue in
                                try body(EntryColumns(entryStart: entryStart, rows: rows, period: period, netRevenue: netRevenue,
                                                      positiveOrders: positiveOrders, positiveOrderValue: positiveOrderValue))
                            }
                        }
                    }
                }
            }
        }
    }

    /// Moves entry `entry` to `place` (at most `entry`), its period counted from `firstPeriod`.
    /// Until an entry before it is left out, an entry stays where it is, and only its period is
    /// written (in a `cohort sample` file every entry: 3 of the 4 columns are not rewritten).
    @inline(__always)
    func move(_ entry: Int, to place: Int, periodsFrom firstPeriod: Int32) {
        period[place] = period[entry] - firstPeriod
        guard place != entry else { return }
        netRevenue[place] = netRevenue[entry]
        positiveOrders[place] = positiveOrders[entry]
        positiveOrderValue[place] = positiveOrderValue[entry]
    }

    /// Moves `count` entries from `start` down to `place` (at most `start`; the two may overlap).
    func moveBlock(from start: Int, to place: Int, count: Int) {
        guard place != start && count > 0 else { return }
        precondition(place < start && start + count <= period.count, "entries only move down")
        func move<Element>(_ column: UnsafeMutableBufferPointer<Element>) {
            (column.baseAddress! + place).update(from: column.baseAddress! + start, count: count) // overlapping: copied front to back
        }
        move(period)
        move(netRevenue)
        move(positiveOrders)
        move(positiveOrderValue)
    }
}
