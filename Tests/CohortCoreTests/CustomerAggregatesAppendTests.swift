@testable import CohortCore
import CohortSample
import Testing

/// Customers appended to `CustomerAggregates` one at a time (`appendCustomer(entries:purchases:)`)
/// or many at once (`appendCustomers`, a column at a time) give the columns written directly.
@Suite struct CustomerAggregatesAppendTests {
    /// The aggregates' customers as entries and purchases, one customer after the other.
    static func customers(of aggregates: CustomerAggregates) -> [(entries: [CustomerAggregates.Entry], purchases: CustomerAggregates.Purchases)] {
        (0 ..< aggregates.customerCount).map { customer in
            let entries = (aggregates.entryStart[customer] ..< aggregates.entryStart[customer + 1]).map { index in
                CustomerAggregates.Entry(period: aggregates.period[index], rows: aggregates.rows[index], netRevenue: aggregates.netRevenue[index],
                                         positiveOrders: aggregates.positiveOrders[index], positiveOrderValue: aggregates.positiveOrderValue[index])
            }
            return (entries, aggregates.purchases![customer])
        }
    }

    /// Empty aggregates with the settings of `aggregates`.
    static func empty(like aggregates: CustomerAggregates) -> CustomerAggregates {
        var empty = aggregates
        empty.removeAllCustomers()
        empty.gapCounts = aggregates.gapCounts
        return empty
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func appendedOneByOneOrManyAtOnceTheColumnsAreTheSame(seed: UInt64) {
        // 500 customers of 0 to 8 entries, written column by column (the reference).
        let (reference, _) = HistoryFromAggregatesTests.randomAggregates(seed: seed)
        let customers = Self.customers(of: reference)
        #expect(customers.contains { $0.entries.isEmpty } && customers.contains { $0.entries.count > 4 })

        var oneByOne = Self.empty(like: reference)
        for customer in customers {
            customer.entries.withUnsafeBufferPointer { oneByOne.appendCustomer(entries: $0, purchases: customer.purchases) }
        }
        Self.expectSame(oneByOne, reference)

        // Runs of 0 to 40 customers, a run of none included.
        var random = SplitMix64(seed: seed)
        var manyAtOnce = Self.empty(like: reference)
        var next = 0
        while next < customers.count {
            let run = customers[next ..< min(customers.count, next + Int(random.next() % 41))]
            let entries = run.flatMap(\.entries), counts = run.map(\.entries.count), purchases = run.map(\.purchases)
            entries.withUnsafeBufferPointer { entries in
                counts.withUnsafeBufferPointer { counts in
                    purchases.withUnsafeBufferPointer { manyAtOnce.appendCustomers(entries: entries, entryCounts: counts, purchases: $0) }
                }
            }
            next = run.endIndex
        }
        Self.expectSame(manyAtOnce, reference)
    }

    /// Records the first difference, else checks that the whole aggregates are equal.
    static func expectSame(_ got: CustomerAggregates, _ expected: CustomerAggregates, sourceLocation: SourceLocation = #_sourceLocation) {
        if let difference = firstDifference(got, expected) {
            Issue.record(Comment(rawValue: difference), sourceLocation: sourceLocation)
        } else {
            #expect(got == expected, sourceLocation: sourceLocation)
        }
    }

    /// The first column and place where `got` and `expected` differ (short, for a failure's message).
    static func firstDifference(_ got: CustomerAggregates, _ expected: CustomerAggregates) -> String? {
        func first<Value: Equatable>(_ name: String, _ got: [Value], _ expected: [Value]) -> String? {
            guard got != expected else { return nil }
            guard let index = zip(got, expected).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset else {
                return "\(name): \(got.count) values, not \(expected.count)"
            }
            return "\(name)[\(index)]: \(got[index]), not \(expected[index])"
        }
        return first("entryStart", got.entryStart, expected.entryStart) ?? first("period", got.period, expected.period)
            ?? first("rows", got.rows, expected.rows) ?? first("netRevenue", got.netRevenue, expected.netRevenue)
            ?? first("positiveOrders", got.positiveOrders, expected.positiveOrders)
            ?? first("positiveOrderValue", got.positiveOrderValue, expected.positiveOrderValue)
            ?? first("purchases", got.purchases ?? [], expected.purchases ?? [])
    }

    /// Without purchases collected, the purchases given are left out.
    @Test func purchasesAreKeptOnlyWhenCollected() {
        var aggregates = CustomerAggregates(periodKind: .month, asOfDay: nil)
        #expect(aggregates.purchases == nil)
        let entries = [CustomerAggregates.Entry(period: 600, rows: 2, netRevenue: 1_500, positiveOrders: 1, positiveOrderValue: 1_500),
                       CustomerAggregates.Entry(period: 602, rows: 1, netRevenue: -300, positiveOrders: 0, positiveOrderValue: 0)]
        let purchases = [CustomerAggregates.Purchases(firstDay: 18_300, lastDay: 18_300, days: 1, repeatValue: 0, medianGap: nil), .none]
        entries.withUnsafeBufferPointer { entries in
            [1, 1].withUnsafeBufferPointer { counts in
                purchases.withUnsafeBufferPointer { aggregates.appendCustomers(entries: entries, entryCounts: counts, purchases: $0) }
            }
        }
        #expect(aggregates.purchases == nil)
        #expect(aggregates.entryStart == [0, 1, 2] && aggregates.period == [600, 602] && aggregates.netRevenue == [1_500, -300])
    }
}
