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
    /// Complexity: O(customers + entries).
    init(aggregates: inout CustomerAggregates, calendar: PeriodCalendar, asOfDay: Int, collectsPurchases: Bool = false) throws {
        precondition(aggregates.periodKind == calendar.kind, "aggregates summed by \(aggregates.periodKind), analysed by \(calendar.kind)")
        if let cut = aggregates.asOfDay {
            precondition(cut == asOfDay, "aggregates cut at day \(cut), analysed as of day \(asOfDay)")
        } else {
            precondition(asOfDay >= aggregates.latestDay ?? asOfDay, "aggregates not cut, analysed as of a day before the latest order")
        }
        var dataQuality = DataQuality()
        dataQuality.rowsAfterAsOf = aggregates.rowsAfterAsOf
        guard aggregates.entryCount > 0 else { throw AnalysisError.noRowsUpToAsOf(asOf: CivilDate(dayNumber: asOfDay)) }

        // The cohort of each customer (its first period with a positive order), and the earliest one.
        var cohortEntry = [Int](repeating: -1, count: aggregates.customerCount)
        var earliestCohort = Int32.max
        for customer in 0 ..< aggregates.customerCount {
            let entries = aggregates.entries(of: customer)
            guard !entries.isEmpty else { continue } // rows after the as-of date only, as a table's customer without rows up to it
            guard let first = entries.first(where: { aggregates.positiveOrders[$0] > 0 }) else {
                dataQuality.customersWithoutPositiveOrder += 1
                for entry in entries { dataQuality.rowsOfCustomersWithoutPositiveOrder += Int(aggregates.rows[entry]) }
                continue
            }
            cohortEntry[customer] = first
            earliestCohort = min(earliestCohort, aggregates.period[first])
            for entry in entries.lowerBound ..< first {
                dataQuality.rowsBeforeAcquisition += Int(aggregates.rows[entry])
                dataQuality.amountBeforeAcquisition.minorUnits += aggregates.netRevenue[entry]
            }
        }
        guard earliestCohort != Int32.max else { throw AnalysisError.noPositiveOrders }

        // The analysed customers' entries from their cohort on, periods counted from the earliest cohort:
        // moved down in the aggregates' own arrays (an entry only ever moves to a lower place), then taken.
        let analysedCount = cohortEntry.lazy.filter { $0 >= 0 }.count
        var customer: [Int32] = [], cohort: [Int32] = [], entryStart: [Int] = [0]
        customer.reserveCapacity(analysedCount)
        cohort.reserveCapacity(analysedCount)
        entryStart.reserveCapacity(analysedCount + 1)
        var period = aggregates.period, netRevenue = aggregates.netRevenue
        var positiveOrders = aggregates.positiveOrders, positiveOrderValue = aggregates.positiveOrderValue
        (aggregates.period, aggregates.netRevenue, aggregates.positiveOrders, aggregates.positiveOrderValue) = ([], [], [], [])
        var written = 0
        var purchases = collectsPurchases ? CustomerPurchases(capacity: analysedCount) : nil
        if collectsPurchases {
            precondition(aggregates.purchases != nil, "the purchase days were not summed")
            purchases?.gapCounts = aggregates.gapCounts
        }
        EntryColumns.with(&period, &netRevenue, &positiveOrders, &positiveOrderValue) { entryColumns in
            for index in 0 ..< aggregates.customerCount where cohortEntry[index] >= 0 {
                let entries = cohortEntry[index] ..< aggregates.entryStart[index + 1]
                customer.append(Int32(index))
                cohort.append(entryColumns.period[entries.lowerBound] - earliestCohort)
                for entry in entries {
                    dataQuality.rowsAnalyzed += Int(aggregates.rows[entry])
                    entryColumns.move(entry, to: written, periodsFrom: earliestCohort)
                    written += 1
                }
                entryStart.append(written)
                if collectsPurchases, let bought = aggregates.purchases?[index] {
                    purchases?.firstDay.append(bought.firstDay)
                    purchases?.lastDay.append(bought.lastDay)
                    purchases?.purchaseDays.append(bought.days)
                    purchases?.repeatValue.append(bought.repeatValue)
                    purchases?.medianGap.append(bought.medianGap)
                }
            }
        }
        // What the history now holds in its own form goes: the rows counted, the purchases copied.
        aggregates.rows = []
        if collectsPurchases { aggregates.purchases = [] }
        period.removeSubrange(written...)
        netRevenue.removeSubrange(written...)
        positiveOrders.removeSubrange(written...)
        positiveOrderValue.removeSubrange(written...)
        dataQuality.customersAnalyzed = customer.count
        let firstPeriod = Int(earliestCohort)
        self.init(periodCount: calendar.period(containingDay: asOfDay) - firstPeriod + 1, firstPeriod: firstPeriod, customer: customer,
                  cohort: cohort, entryStart: entryStart, period: period, netRevenue: netRevenue, positiveOrders: positiveOrders,
                  positiveOrderValue: positiveOrderValue, dataQuality: dataQuality, purchases: purchases,
                  firstPositiveKey: customer) // where SegmentBuilder reads a customer's value (`segmentTable`)
    }
}

/// The entry columns of `CustomerHistory.init(aggregates:...)` as buffers, for moving entries
/// down in place: an array checks on every change that its storage is not shared, which took a
/// third of the move.
private struct EntryColumns {
    let period: UnsafeMutableBufferPointer<Int32>
    let netRevenue: UnsafeMutableBufferPointer<Int64>
    let positiveOrders: UnsafeMutableBufferPointer<Int32>
    let positiveOrderValue: UnsafeMutableBufferPointer<Int64>

    /// Calls `body` with the four arrays as buffers.
    static func with(_ period: inout [Int32], _ netRevenue: inout [Int64], _ positiveOrders: inout [Int32],
                     _ positiveOrderValue: inout [Int64], _ body: (EntryColumns) throws -> Void) rethrows {
        try period.withUnsafeMutableBufferPointer { period in
            try netRevenue.withUnsafeMutableBufferPointer { netRevenue in
                try positiveOrders.withUnsafeMutableBufferPointer { positiveOrders in
                    try positiveOrderValue.withUnsafeMutableBufferPointer { positiveOrderValue in
                        try body(EntryColumns(period: period, netRevenue: netRevenue, positiveOrders: positiveOrders,
                                              positiveOrderValue: positiveOrderValue))
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
}
