import CohortCore
import Testing

/// MRR at the end of a month: Σ mrr of the contracts in force on its last day (METRICS.md).
struct MRRMonthEndTests {
    /// | contract | start | end | MRR | in force on Jan 31 | Feb 28 | Mar 31 | Apr 30 |
    /// |---|---|---|---|---|---|---|---|
    /// | A | 2026-01-15 | 2026-03-31 (last day of March) | 100 | ✓ | ✓ | ✓ | – |
    /// | B | 2026-01-01 | 2026-03-30 (the 30th of a 31-day month) | 50 | ✓ | ✓ | – | – |
    /// | C | 2026-04-01 | 2026-04-30 (last day of a 30-day month) | 10 | – | – | – | ✓ |
    private let table = contracts(
        ("A", "2026-01-15", "2026-03-31", "100.00"),
        ("B", "2026-01-01", "2026-03-30", "50.00"),
        ("C", "2026-04-01", "2026-04-30", "10.00"))

    @Test func aContractEndingOnTheLastDayIsInForceThatMonthOneEndingTheDayBeforeIsNot() throws {
        let view = try contractView(table, asOf: "2026-04-30")
        #expect(view.months.map(\.label) == ["2026-01", "2026-02", "2026-03", "2026-04"])
        // Jan 100 + 50 = 150; Feb the same; Mar only A (B ended on the 30th) = 100; Apr only C = 10.
        #expect(view.months.map(\.mrr.end) == [money("150.00"), money("150.00"), money("100.00"), money("10.00")])
        // ARR = 12 × MRR: 12 × 150 = 1,800.
        #expect(view.month("2026-01")?.arr == money("1800.00"))
    }

    @Test func movementsAndCustomersFollowTheMonthEnds() throws {
        let view = try contractView(table, asOf: "2026-04-30")
        let january = try #require(view.month("2026-01")), march = try #require(view.month("2026-03"))
        let april = try #require(view.month("2026-04"))
        // January: A and B new, 100 + 50 = 150 of new MRR.
        #expect(january.customers == CustomerBridge(start: 0, new: 2, reactivated: 0, churned: 0, end: 2))
        #expect(january.mrr.new == money("150.00"))
        // March: B gone (−50), A stays at 100: 150 − 50 = 100.
        #expect(march.customers == CustomerBridge(start: 2, new: 0, reactivated: 0, churned: 1, end: 1))
        #expect(march.mrr.churned == money("-50.00") && march.mrr.end == money("100.00"))
        // April: A gone (−100), C new (+10): 100 − 100 + 10 = 10.
        #expect(april.customers == CustomerBridge(start: 1, new: 1, reactivated: 0, churned: 1, end: 1))
        #expect(april.mrr.churned == money("-100.00") && april.mrr.new == money("10.00"))
        #expect(view.months.allSatisfy { $0.mrr.balances && $0.customers.balances })
    }

    @Test func thePartialAsOfMonthIsReadOnTheAsOfDate() throws {
        // As of 2026-03-20: March is partial and read on the 20th, when A and B are both in force (150);
        // C, starting after the as-of date, is in force in no month.
        let view = try contractView(table, asOf: "2026-03-20")
        let march = try #require(view.months.last)
        #expect(march.label == "2026-03" && march.partial && march.evaluatedOn == CivilDate(iso: "2026-03-20"))
        #expect(march.mrr.end == money("150.00"))
        #expect(view.contractCount == 2 && view.customerCount == 2)
    }

    @Test func overlappingContractsAddUp() throws {
        // Two contracts of one customer in force on Jan 31: 30 + 20 = 50, one customer.
        let view = try contractView(contracts(("A", "2026-01-01", nil, "30.00"), ("A", "2026-01-10", "2026-02-15", "20.00")),
                                    asOf: "2026-02-28")
        #expect(view.month("2026-01")?.mrr.end == money("50.00"))
        #expect(view.month("2026-01")?.customers.end == 1)
        // February: the second one ended on the 15th: contraction of 20.
        #expect(view.month("2026-02")?.mrr.contraction == money("-20.00"))
    }

    @Test func noContractBeforeTheAsOfDateIsAnError() {
        #expect(throws: ContractError.noContractsUpToAsOf(asOf: CivilDate(iso: "2025-12-31")!)) {
            try contractView(table, asOf: "2025-12-31")
        }
        #expect(throws: ContractError.invalidGraceDays(-1)) { try contractView(table, asOf: "2026-04-30", graceDays: -1) }
    }
}
