import CohortCore
import Testing

/// Rows and customers the analysis leaves out, and how it counts them
/// (METRICS.md, "Periods, activity, cohorts").
@Suite struct DataQualityTests {
    /// - A: a normal customer, Jan 100 and Feb 50.
    /// - F: only a zero order and a refund — no positive order.
    /// - G: refunded 25 in Jan before the first purchase of 100 in Feb.
    /// - Z: a single refund in Dec 2025, earlier than every cohort.
    static let messy = orders(
        ("A", "2026-01-10", "100.00"), ("A", "2026-02-10", "50.00"),
        ("F", "2026-01-05", "0.00"), ("F", "2026-02-05", "-15.00"),
        ("G", "2026-01-20", "-25.00"), ("G", "2026-02-05", "100.00"),
        ("Z", "2025-12-15", "-40.00")
    )

    @Test func customerWithOnlyZeroOrNegativeOrdersIsExcludedAndCounted() throws {
        let analysis = try analyse(Self.messy, asOf: "2026-02-28")
        // F and Z have no positive order: 2 customers, F 2 rows + Z 1 row = 3 rows
        #expect(analysis.dataQuality.customersWithoutPositiveOrder == 2)
        #expect(analysis.dataQuality.rowsOfCustomersWithoutPositiveOrder == 3)
        #expect(analysis.dataQuality.customersAnalyzed == 2)   // A, G
        // nothing of F reaches the KPIs: Jan revenue A 100 only, Feb A 50 + G 100 = 150
        #expect(analysis.kpis.map(\.revenue) == [money("100.00"), money("150.00")])
        #expect(analysis.kpis.map(\.customers.new) == [1, 1])  // Jan {A}, Feb {G}
    }

    @Test func refundBeforeTheFirstPurchaseIsExcludedAndCounted() throws {
        let analysis = try analyse(Self.messy, asOf: "2026-02-28")
        // G's cohort is Feb; its Jan refund is dated before the acquisition period
        #expect(analysis.dataQuality.rowsBeforeAcquisition == 1)
        #expect(analysis.dataQuality.amountBeforeAcquisition == money("-25.00"))
        #expect(analysis.cohorts.map(\.label) == ["2026-01", "2026-02"])
        let february = try #require(analysis.cohortRow(labelled: "2026-02"))
        #expect(february.cells[0].revenue == money("100.00"))   // G's refund not in it
        // rows analysed: A 2 + G 1 = 3 of 7 (2 + 1 + 3 rows of F and Z left out)
        #expect(analysis.dataQuality.rowsAnalyzed == 3)
        #expect(analysis.dataQuality.rowsAfterAsOf == 0)
        #expect(!analysis.dataQuality.isClean)
    }

    @Test func periodsStartAtTheEarliestCohortNotTheEarliestRow() throws {
        // Z's row is in 2025-12, but the first cohort is 2026-01
        let analysis = try analyse(Self.messy, asOf: "2026-02-28")
        #expect(analysis.periods.map(\.label) == ["2026-01", "2026-02"])
        #expect(analysis.periods[0].firstDay == CivilDate(iso: "2026-01-01"))
    }

    @Test func refundEarlierInTheAcquisitionPeriodStillCounts() throws {
        // H is refunded 10 on 03-02 and buys 100 on 03-20: same period as the first purchase
        let analysis = try analyse(orders(("H", "2026-03-02", "-10.00"), ("H", "2026-03-20", "100.00")), asOf: "2026-03-31")
        #expect(analysis.dataQuality.rowsBeforeAcquisition == 0)
        #expect(analysis.cohorts[0].cells[0].revenue == money("90.00"))   // 100 − 10
        #expect(analysis.kpis[0].revenueBridge.new == money("90.00"))     // x = max(0, 90)
    }

    @Test func rowsAfterTheAsOfDateAreExcludedAndCounted() throws {
        let analysis = try analyse(shop, asOf: "2026-04-15")
        // D's 2026-04-30 row is the only one after 04-15
        #expect(analysis.dataQuality.rowsAfterAsOf == 1)
        #expect(analysis.dataQuality.rowsAnalyzed == 12)                  // 13 − 1
        #expect(analysis.kpis[3].revenue == money("150.00"))              // Apr: A 80 + E 70
        #expect(analysis.kpis[3].orders == 2)
        #expect(analysis.asOf == CivilDate(iso: "2026-04-15"))
    }

    @Test func cleanDataReportsNothingLeftOut() throws {
        let quality = try analyse(shop).dataQuality
        #expect(quality.rowsAnalyzed == 13)
        #expect(quality.customersAnalyzed == 5)
        #expect(quality.rowsAfterAsOf == 0 && quality.rowsBeforeAcquisition == 0 && quality.customersWithoutPositiveOrder == 0)
        #expect(quality.isClean)
    }

    @Test func analysisRefusesInputWithNothingToReport() throws {
        #expect(throws: AnalysisError.noRows) { try analyse(OrderTable()) }
        #expect(throws: AnalysisError.noPositiveOrders) { try analyse(orders(("F", "2026-01-05", "-5.00"))) }
        #expect(throws: AnalysisError.noRowsUpToAsOf(asOf: CivilDate(iso: "2025-12-31")!)) {
            try analyse(shop, asOf: "2025-12-31")
        }
        #expect(throws: AnalysisError.invalidChurnWindow(0)) { try analyse(shop, churnWindow: 0) }
        #expect(throws: AnalysisError.invalidGrossMargin(1.5)) { try analyse(shop, grossMargin: 1.5) }
    }
}
