import CohortCore
import Testing

/// Rows sharing an order id are one order (METRICS.md, "Input model" and "orders").
@Suite struct OrderGroupingTests {
    /// - H: order o1 with lines +100 and −30 → one positive order of 70.
    /// - I: order o2 with lines +10 and −30 → −20, not positive; I's only order.
    /// - J: order "o1" too (another customer, so another order) +50 in Jan;
    ///   order o3 with lines +20 on 02-03 and +30 on 02-04 → one order of 50 in Feb.
    static let invoices = orderLines(
        ("H", "2026-01-10", "100.00", "o1"), ("H", "2026-01-10", "-30.00", "o1"),
        ("I", "2026-01-12", "10.00", "o2"), ("I", "2026-01-12", "-30.00", "o2"),
        ("J", "2026-01-15", "50.00", "o1"),
        ("J", "2026-02-03", "20.00", "o3"), ("J", "2026-02-04", "30.00", "o3")
    )

    @Test func orderLinesSharingAnOrderIDAreOneOrder() throws {
        let kpis = try analyse(Self.invoices, asOf: "2026-02-28").kpis
        // Jan: H's o1 (100 − 30 = 70) and J's o1 (50) → 2 orders, AOV (70 + 50)/2 = 60
        #expect(kpis[0].orders == 2)
        #expect(close(kpis[0].averageOrderValue, 60.0))
        // Feb: J's o3 = 20 + 30 → 1 order of 50
        #expect(kpis[1].orders == 1)
        #expect(close(kpis[1].averageOrderValue, 50.0))
        // trailing window at Feb (n = 2): H 1 order, J 2 → repeat 1/2; 3 / 2 / 2 = 0.75
        #expect(close(kpis[1].repeatPurchaseRate12, 1.0 / 2))
        #expect(close(kpis[1].purchaseFrequency12, 0.75))
    }

    @Test func orderWithANegativeTotalGivesNoCohort() throws {
        let analysis = try analyse(Self.invoices, asOf: "2026-02-28")
        // I's only order totals 10 − 30 = −20: no positive order, so no cohort
        #expect(analysis.dataQuality.customersWithoutPositiveOrder == 1)
        #expect(analysis.dataQuality.rowsOfCustomersWithoutPositiveOrder == 2)
        let january = try #require(analysis.cohortRow(labelled: "2026-01"))
        #expect(january.size == 2)                                  // H, J
        // revenue: Jan H 70 + J 50 = 120 (I left out); Feb J 50
        #expect(january.cells.map(\.revenue) == [money("120.00"), money("50.00")])
        #expect(january.cells.map(\.activeCustomers) == [2, 1])    // Jan {H, J}, Feb {J}
    }

    @Test func withoutAnOrderColumnEveryRowIsAnOrder() throws {
        // the same rows with no order ids
        let table = orders(
            ("H", "2026-01-10", "100.00"), ("H", "2026-01-10", "-30.00"),
            ("I", "2026-01-12", "10.00"), ("I", "2026-01-12", "-30.00"),
            ("J", "2026-01-15", "50.00"),
            ("J", "2026-02-03", "20.00"), ("J", "2026-02-04", "30.00"))
        let analysis = try analyse(table, asOf: "2026-02-28")
        // I's +10 row is now a positive order: cohort Jan {H, I, J}
        #expect(analysis.dataQuality.customersWithoutPositiveOrder == 0)
        #expect(analysis.cohorts.map(\.size) == [3])
        // Jan positive orders H 100, I 10, J 50 → 3, AOV 160/3; Feb J 20, J 30 → 2, AOV 25
        #expect(analysis.kpis.map(\.orders) == [3, 2])
        #expect(close(analysis.kpis[0].averageOrderValue, 160.0 / 3))
        #expect(close(analysis.kpis[1].averageOrderValue, 25.0))
        // revenue Jan: 70 + (10 − 30) + 50 = 100
        #expect(analysis.kpis[0].revenue == money("100.00"))
    }

    @Test func anOrderIsDatedByItsEarliestLine() throws {
        // K's order o9 has a line on 01-31 (+100) and one on 02-01 (+20); L buys in Feb
        let table = orderLines(("K", "2026-01-31", "100.00", "o9"), ("K", "2026-02-01", "20.00", "o9"),
                               ("L", "2026-02-10", "40.00", "o10"))
        let analysis = try analyse(table, asOf: "2026-02-28")
        // the order (total 120) is dated 01-31 → K's cohort is Jan; Jan: 1 order, AOV 120
        #expect(analysis.cohorts.map(\.label) == ["2026-01", "2026-02"])
        #expect(analysis.kpis.map(\.orders) == [1, 1])                 // Feb: L's only
        #expect(close(analysis.kpis[0].averageOrderValue, 120.0))
        #expect(close(analysis.kpis[1].averageOrderValue, 40.0))
        // revenue follows the row dates: Jan 100, Feb 20 + 40 = 60
        #expect(analysis.kpis.map(\.revenue) == [money("100.00"), money("60.00")])
        // K has no order dated in Feb, so is not active there (W = 1: churned in Feb)
        let january = try #require(analysis.cohortRow(labelled: "2026-01"))
        #expect(january.cells[1].activeCustomers == 0)
        #expect(january.cells[1].revenue == money("20.00"))
        #expect(analysis.kpis[1].customers == CustomerBridge(start: 1, new: 1, reactivated: 0, churned: 1, end: 1))
    }
}
