@testable import CohortCore
import CohortSample
import Testing

/// The history built from aggregates in parts of customers (moved down within each part, then
/// part by part) is the history a plain loop over the customers gives, for any number of parts.
@Suite struct HistoryFromAggregatesTests {
    /// Random aggregates of 500 customers: some without any positive entry (left out), some whose
    /// first entries are not positive (rows before acquisition), some without entries, so that
    /// entries move down across the parts' bounds.
    static func randomAggregates(seed: UInt64) -> (CustomerAggregates, asOfDay: Int) {
        var random = SplitMix64(seed: seed)
        let calendar = PeriodCalendar(.month)
        let asOfDay = CivilDate.dayNumber(year: 2026, month: 6, day: 30)
        let lastPeriod = Int32(calendar.period(containingDay: asOfDay))
        var aggregates = CustomerAggregates(periodKind: .month, asOfDay: nil)
        aggregates.latestDay = asOfDay
        aggregates.purchases = []
        aggregates.gapCounts = [3, 1, 4]
        for _ in 0 ..< 500 {
            let entries = Int.random(in: 0 ... 8, using: &random)
            var period = lastPeriod - Int32.random(in: 0 ... 40, using: &random)
            var periods: [Int32] = []
            for _ in 0 ..< entries where period <= lastPeriod {
                periods.append(period)
                period += Int32.random(in: 1 ... 4, using: &random)
            }
            let kind = Int.random(in: 0 ..< 4, using: &random) // 0: never positive, 1: positive from the second entry, else from the first
            for (index, period) in periods.enumerated() {
                let positive = kind != 0 && (kind != 1 || index > 0) && Bool.random(using: &random) || (kind >= 2 && index == 0)
                let orders = positive ? Int32.random(in: 1 ... 3, using: &random) : 0
                aggregates.period.append(period)
                aggregates.rows.append(Int32.random(in: 1 ... 5, using: &random))
                aggregates.netRevenue.append(Int64.random(in: -5_000 ... 20_000, using: &random))
                aggregates.positiveOrders.append(orders)
                aggregates.positiveOrderValue.append(orders == 0 ? 0 : Int64.random(in: 1 ... 30_000, using: &random))
            }
            aggregates.entryStart.append(aggregates.period.count)
            let day = Int32(asOfDay - Int.random(in: 0 ... 900, using: &random))
            aggregates.purchases?.append(CustomerAggregates.Purchases(firstDay: day, lastDay: day + 10, days: 2, repeatValue: Int64(day), medianGap: nil))
        }
        return (aggregates, asOfDay)
    }

    @Test(arguments: [1, 2, 3, 7, 64])
    func partsGiveThePlainLoopsHistory(parts: Int) throws {
        for seed in 0 ..< 5 as Range<UInt64> {
            var (aggregates, asOfDay) = Self.randomAggregates(seed: seed)
            let source = aggregates
            let history = try CustomerHistory(aggregates: &aggregates, calendar: PeriodCalendar(.month), asOfDay: asOfDay,
                                              collectsPurchases: true, parts: parts)

            // The plain loop: each customer's first positive entry is its cohort; what comes before is
            // counted as rows before acquisition; a customer without one is left out.
            var firsts: [(customer: Int, first: Int)] = []
            var beforeRows = 0, beforeAmount: Int64 = 0, withoutPositive = 0, withoutPositiveRows = 0
            for customer in 0 ..< source.customerCount {
                let entries = source.entries(of: customer)
                if entries.isEmpty { continue }
                guard let first = entries.first(where: { source.positiveOrders[$0] > 0 }) else {
                    withoutPositive += 1
                    withoutPositiveRows += entries.reduce(0) { $0 + Int(source.rows[$1]) }
                    continue
                }
                firsts.append((customer, first))
                for entry in entries.lowerBound ..< first {
                    beforeRows += Int(source.rows[entry])
                    beforeAmount += source.netRevenue[entry]
                }
            }
            let earliest = firsts.map { source.period[$0.first] }.min()!
            var period: [Int32] = [], revenue: [Int64] = [], orders: [Int32] = [], value: [Int64] = [], starts = [0], analysedRows = 0
            for (customer, first) in firsts {
                for entry in first ..< source.entryStart[customer + 1] {
                    period.append(source.period[entry] - earliest)
                    revenue.append(source.netRevenue[entry])
                    orders.append(source.positiveOrders[entry])
                    value.append(source.positiveOrderValue[entry])
                    analysedRows += Int(source.rows[entry])
                }
                starts.append(period.count)
            }

            let context = "seed \(seed), \(parts) parts"
            #expect(history.firstPeriod == Int(earliest), "\(context)")
            #expect(history.customer == firsts.map { Int32($0.customer) }, "\(context)")
            #expect(history.cohort == firsts.map { source.period[$0.first] - earliest }, "\(context)")
            #expect(history.entryStart == starts, "\(context)")
            #expect(history.period == period && history.netRevenue == revenue, "\(context)")
            #expect(history.positiveOrders == orders && history.positiveOrderValue == value, "\(context)")
            #expect(history.dataQuality.rowsAnalyzed == analysedRows && history.dataQuality.customersAnalyzed == firsts.count, "\(context)")
            #expect(history.dataQuality.rowsBeforeAcquisition == beforeRows, "\(context)")
            #expect(history.dataQuality.amountBeforeAcquisition.minorUnits == beforeAmount, "\(context)")
            #expect(history.dataQuality.customersWithoutPositiveOrder == withoutPositive, "\(context)")
            #expect(history.dataQuality.rowsOfCustomersWithoutPositiveOrder == withoutPositiveRows, "\(context)")
            #expect(history.purchases?.firstDay == firsts.map { source.purchases![$0.customer].firstDay }, "\(context)")
            #expect(history.purchases?.gapCounts == [3, 1, 4], "\(context)")
            // Moved, not copied: the aggregates' entry columns are empty.
            #expect(aggregates.period.isEmpty && aggregates.rows.isEmpty && aggregates.purchases?.isEmpty == true, "\(context)")
            // Entries really moved across the parts' bounds: something was left out.
            #expect(beforeRows > 0 && withoutPositive > 0, "\(context)")
        }
    }
}
