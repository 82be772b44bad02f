import CohortCore
import CohortDatabase
import Testing

@Suite struct CollectorTests {
    static func row(_ id: String?, first: Int32, periods: [Int32] = [24_290], rows: [Int32] = [1], incomplete: Int64 = 0) -> CustomerRow {
        var row = CustomerRow(customer: id)
        row.firstSeen = first
        row.latestDay = first
        row.periods = periods
        row.periodRows = rows
        row.periodNet = periods.map { _ in 10_00 }
        row.periodOrders = periods.map { _ in 1 }
        row.periodOrderValue = periods.map { _ in 10_00 }
        row.rowsIncomplete = incomplete
        return row
    }

    @Test func numbersCustomersByFirstDayThenIdWhateverOrderTheyCome() throws {
        var collector = AggregateCollector(periodKind: .month, asOfDay: nil, collectsPurchases: false)
        for row in [Self.row("C3", first: 20_000), Self.row("b", first: 19_000), Self.row("C10", first: 19_000), Self.row("C2", first: 19_000)] {
            collector.add(row)
        }
        let aggregates = try collector.aggregates(source: "db")
        #expect(aggregates.customerIDs == ["C10", "C2", "b", "C3"]) // byte order: digits before upper before lower case
        #expect(aggregates.latestDay == 20_000)
    }

    @Test func trimsIdsAndSetsRowsWithoutOneAside() throws {
        var collector = AggregateCollector(periodKind: .month, asOfDay: nil, collectsPurchases: false)
        collector.add(Self.row(" C1\u{A0}", first: 19_000, incomplete: 2))
        collector.add(Self.row(nil, first: 19_000, rows: [3]))
        collector.add(Self.row("  ", first: 19_000, rows: [4]))
        let aggregates = try collector.aggregates(source: "db")
        #expect(aggregates.customerIDs == ["C1"])
        #expect(collector.counts == LineCounts(read: 1 + 2 + 3 + 4, incomplete: 2 + 3 + 4))
    }

    @Test func refusesIdsThatDifferOnlyInBlanks() {
        var collector = AggregateCollector(periodKind: .month, asOfDay: nil, collectsPurchases: false)
        collector.add(Self.row("C1 ", first: 19_000))
        collector.add(Self.row("C1", first: 19_001))
        #expect(throws: DatabaseError.customerIDsDifferInBlanks(source: "db", id: "C1")) { try collector.aggregates(source: "db") }
    }

    @Test func keepsEachCustomersSegmentValuesAsOneRowPerCustomer() throws {
        var collector = AggregateCollector(periodKind: .month, asOfDay: nil, collectsPurchases: false, segmentNames: ["industry", "plan"])
        for (id, first, values) in [("A", 19_002, ["Retail ", "Pro"]), ("B", 19_001, [nil, "Pro"]), ("C", 19_003, ["Wholesale", nil]),
                                    ("D", 19_000, ["Retail", "Basic"])] as [(String, Int32, [String?])] {
            var row = Self.row(id, first: first)
            row.segments = values
            collector.add(row)
        }
        let aggregates = try collector.aggregates(source: "db")
        #expect(aggregates.customerIDs == ["D", "B", "A", "C"])
        #expect(aggregates.segments == [SegmentColumn(name: "industry", values: ["Retail", "", "Wholesale"], source: .rows([0, 1, 0, 2])),
                                        SegmentColumn(name: "plan", values: ["Basic", "Pro", ""], source: .rows([0, 1, 1, 2]))])
    }

    @Test func buildsATableFromLinesNumberedAsAggregates() {
        var collector = RowCollector(hasOrderColumn: true)
        collector.add(customer: "C2", order: "O1", day: 19_005, cents: 10_00, inexact: false)
        collector.add(customer: " C1", order: "O1", day: 19_001, cents: 5_00, inexact: false)
        collector.add(customer: "C2", order: nil, day: 19_000, cents: -1_00, inexact: false)
        collector.add(customer: "C2", order: nil, day: 19_002, cents: 2_00, inexact: false)
        collector.add(customer: "", order: "O2", day: 19_000, cents: 1_00, inexact: false)
        collector.add(customer: "C3", order: "O3", day: nil, cents: 1_00, inexact: nil)
        collector.add(customer: "C3", order: "O3", day: 19_009, cents: 1_23, inexact: true)
        let table = collector.table()
        #expect(table.customerIDs == ["C2", "C1", "C3"]) // C2's first day is 19000
        #expect(table.customer == [0, 1, 0, 0, 2])
        #expect(table.order == [0, 0, 1, 1, 2]) // the NULL order ids are one order, apart from the others
        #expect(collector.counts == LineCounts(read: 7, incomplete: 2, inexact: 1))
    }

    @Test func refusesIncompleteRowsAsFilesRefuseRejectedOnes() {
        let counts = LineCounts(read: 1_000, incomplete: 5)
        #expect(throws: Never.self) { try counts.check(source: "db", amountColumn: "amount", strict: false, maxIncompletePercent: 1) { nil } }
        #expect(throws: DatabaseError.tooManyIncompleteRows(source: "db", count: 5, read: 1_000, limitPercent: 0.4, strict: false)) {
            try counts.check(source: "db", amountColumn: "amount", strict: false, maxIncompletePercent: 0.4) { nil }
        }
        #expect(throws: DatabaseError.tooManyIncompleteRows(source: "db", count: 5, read: 1_000, limitPercent: 1, strict: true)) {
            try counts.check(source: "db", amountColumn: "amount", strict: true, maxIncompletePercent: 1) { nil }
        }
        #expect(throws: DatabaseError.amountNotInCents(source: "db", column: "amount", count: 2, example: "1.005")) {
            try LineCounts(read: 10, inexact: 2).check(source: "db", amountColumn: "amount", strict: false, maxIncompletePercent: 1) { "1.005" }
        }
    }
}
