import CohortCore
import Testing

/// The cohort × age matrices and their weighted averages (METRICS.md, "Cohort matrices").
/// Most tests read the `shop` fixture; its hand-worked table is in Fixtures.swift.
@Suite struct RetentionMatrixTests {
    @Test func cohortsAreTheFirstActivePeriodOfEachCustomer() throws {
        let analysis = try analyse(shop)
        // periods run from the earliest cohort (2026-01) to the as-of period (2026-04)
        #expect(analysis.periods.map(\.label) == ["2026-01", "2026-02", "2026-03", "2026-04"])
        #expect(analysis.cohorts.map(\.label) == ["2026-01", "2026-02"])
        #expect(analysis.cohorts.map(\.size) == [3, 2])    // Jan {A,B,C}, Feb {D,E}
        #expect(analysis.cohorts.map(\.period) == [0, 1])   // indices into periods
        #expect(analysis.cohorts.map { $0.cells.count } == [4, 3])   // ages 0...3 and 0...2
        #expect(analysis.cohorts.map { $0.cells.map(\.age) } == [[0, 1, 2, 3], [0, 1, 2]])
    }

    @Test func ordersOnTheFirstAndLastDayOfAMonthBelongToThatMonth() throws {
        let analysis = try analyse(shop)
        let january = try #require(analysis.cohortRow(labelled: "2026-01"))
        // A bought on 2026-01-01 and B on 2026-01-31: both are in cohort 2026-01 with C → n = 3
        #expect(january.size == 3)
        // A's 2026-02-28 order makes A active in Feb (age 1): active = {A} = 1
        #expect(january.cells[1].activeCustomers == 1)
        // D's 2026-04-30 order lands in April: Feb cohort active in Apr = {D, E} = 2
        let february = try #require(analysis.cohortRow(labelled: "2026-02"))
        #expect(february.cells[2].activeCustomers == 2)
    }

    @Test func activeCustomersAndRetention() throws {
        let analysis = try analyse(shop)
        let january = try #require(analysis.cohortRow(labelled: "2026-01"))
        // active Jan {A,B,C}, Feb {A}, Mar {B}, Apr {A}
        #expect(january.cells.map(\.activeCustomers) == [3, 1, 1, 1])
        #expect(close(january.cells[0].retention, 1.0))      // 3/3, age 0 is 100 %
        #expect(close(january.cells[1].retention, 1.0 / 3))  // {A} → 1/3
        #expect(close(january.cells[2].retention, 1.0 / 3))  // {B} → 1/3
        #expect(close(january.cells[3].retention, 1.0 / 3))  // {A} → 1/3

        let february = try #require(analysis.cohortRow(labelled: "2026-02"))
        // active Feb {D,E}, Mar {} (D's refund is not activity), Apr {D,E}
        #expect(february.cells.map(\.activeCustomers) == [2, 0, 2])
        #expect(close(february.cells[0].retention, 1.0))  // 2/2
        #expect(close(february.cells[1].retention, 0.0))  // 0/2
        #expect(close(february.cells[2].retention, 1.0))  // 2/2
    }

    @Test func refundOnlyMonthDoesNotCountAsActive() throws {
        let analysis = try analyse(shop)
        let january = try #require(analysis.cohortRow(labelled: "2026-01"))
        // B's February has only the −20 refund: B is not active in Feb, only A is → 1
        #expect(january.cells[1].activeCustomers == 1)
        // ...but the refund counts toward revenue: Feb = A 50 + B −20 = 30
        #expect(january.cells[1].revenue == money("30.00"))
        let february = try #require(analysis.cohortRow(labelled: "2026-02"))
        // D's March is refund-only: nobody in cohort Feb is active in Mar; revenue = −30
        #expect(february.cells[1].activeCustomers == 0)
        #expect(february.cells[1].revenue == money("-30.00"))
    }

    @Test func reactivationAfterAGapCountsAgainInTheMatrix() throws {
        let analysis = try analyse(shop)
        let january = try #require(analysis.cohortRow(labelled: "2026-01"))
        // A: Jan, Feb, (gap in Mar), Apr → A is active again at age 3; B: Jan, (gap Feb), Mar
        #expect(january.cells[2].activeCustomers == 1)   // Mar: B
        #expect(january.cells[3].activeCustomers == 1)   // Apr: A
    }

    @Test func unboundedRetentionCountsActivityInThatOrAnyLaterPeriod() throws {
        let analysis = try analyse(shop)
        let january = try #require(analysis.cohortRow(labelled: "2026-01"))
        // age 0: A,B,C = 3; age 1 (Feb or later): A (Feb), B (Mar) = 2, C never again;
        // age 2 (Mar or later): A (Apr), B (Mar) = 2; age 3 (Apr): A = 1
        #expect(january.cells.map(\.unboundedActiveCustomers) == [3, 2, 2, 1])
        #expect(close(january.cells[0].unboundedRetention, 1.0))      // 3/3
        #expect(close(january.cells[1].unboundedRetention, 2.0 / 3))  // 2/3
        #expect(close(january.cells[2].unboundedRetention, 2.0 / 3))  // 2/3
        #expect(close(january.cells[3].unboundedRetention, 1.0 / 3))  // 1/3

        let february = try #require(analysis.cohortRow(labelled: "2026-02"))
        // D and E are both active in Apr, so at every age both count: 2/2
        #expect(february.cells.map(\.unboundedActiveCustomers) == [2, 2, 2])
        #expect(close(february.cells[1].unboundedRetention, 1.0))  // 2/2 although nobody bought in Mar
    }

    @Test func revenueIncludesRefunds() throws {
        let analysis = try analyse(shop)
        let january = try #require(analysis.cohortRow(labelled: "2026-01"))
        // Jan: A 100 + B 200 + C (40 − 10) = 330; Feb: A 50 + B −20 = 30; Mar: B 60; Apr: A 80
        #expect(january.cells.map(\.revenue) == [money("330.00"), money("30.00"), money("60.00"), money("80.00")])
        let february = try #require(analysis.cohortRow(labelled: "2026-02"))
        // Feb: D 120 + E 70 = 190; Mar: D −30; Apr: D 90 + E 70 = 160
        #expect(february.cells.map(\.revenue) == [money("190.00"), money("-30.00"), money("160.00")])
    }

    @Test func revenueRetentionIsRevenueOverAcquisitionRevenue() throws {
        let analysis = try analyse(shop)
        let january = try #require(analysis.cohortRow(labelled: "2026-01"))
        #expect(close(january.cells[0].revenueRetention, 1.0))          // 330/330
        #expect(close(january.cells[1].revenueRetention, 30.0 / 330))   // 30/330
        #expect(close(january.cells[2].revenueRetention, 60.0 / 330))   // 60/330
        #expect(close(january.cells[3].revenueRetention, 80.0 / 330))   // 80/330
        let february = try #require(analysis.cohortRow(labelled: "2026-02"))
        #expect(close(february.cells[1].revenueRetention, -30.0 / 190)) // −30/190: a refund month is negative
        #expect(close(february.cells[2].revenueRetention, 160.0 / 190)) // 160/190
    }

    @Test func grossRevenueRetentionCapsEachCustomerAtItsAcquisitionRevenue() throws {
        let analysis = try analyse(shop)
        let january = try #require(analysis.cohortRow(labelled: "2026-01"))
        // x(c): A 100, B 200, C 30 → Σ = 330
        // age 1: min(A 50, 100) + min(B 0, 200) + min(C 0, 30) = 50
        // age 2: min(0, 100) + min(60, 200) + 0 = 60;  age 3: min(80, 100) + 0 + 0 = 80
        #expect(january.cells.map(\.grossRetainedRevenue) == [money("330.00"), money("50.00"), money("60.00"), money("80.00")])
        #expect(close(january.cells[0].grossRevenueRetention, 1.0))          // 330/330
        #expect(close(january.cells[1].grossRevenueRetention, 50.0 / 330))   // 50/330
        #expect(close(january.cells[2].grossRevenueRetention, 60.0 / 330))   // 60/330
        #expect(close(january.cells[3].grossRevenueRetention, 80.0 / 330))   // 80/330

        let february = try #require(analysis.cohortRow(labelled: "2026-02"))
        // x(c): D 120, E 70 → 190; age 1: D max(0, −30) = 0, E 0 → 0;
        // age 2: min(D 90, 120) + min(E 70, 70) = 160
        #expect(february.cells.map(\.grossRetainedRevenue) == [money("190.00"), money("0.00"), money("160.00")])
        #expect(close(february.cells[1].grossRevenueRetention, 0.0))           // 0/190
        #expect(close(february.cells[2].grossRevenueRetention, 160.0 / 190))   // 160/190
    }

    @Test func grossRevenueRetentionDoesNotCountExpansion() throws {
        // A: Jan 100, Feb 300 (expansion); B: Jan 100, Feb 20 (contraction)
        let table = orders(("A", "2026-01-10", "100.00"), ("A", "2026-02-10", "300.00"),
                           ("B", "2026-01-10", "100.00"), ("B", "2026-02-10", "20.00"))
        let row = try #require(try analyse(table).cohortRow(labelled: "2026-01"))
        // GRR age 1: (min(300, 100) + min(20, 100)) / (100 + 100) = 120/200
        #expect(close(row.cells[1].grossRevenueRetention, 120.0 / 200))
        // NRR age 1: (300 + 20) / 200 = 320/200
        #expect(close(row.cells[1].revenueRetention, 320.0 / 200))
    }

    @Test func cumulativeRevenuePerCustomerIsTheLTVCurve() throws {
        let analysis = try analyse(shop)
        let january = try #require(analysis.cohortRow(labelled: "2026-01"))
        // cumulative 330, 330+30 = 360, 360+60 = 420, 420+80 = 500; / n = 3
        #expect(january.cells.map(\.cumulativeRevenue) == [money("330.00"), money("360.00"), money("420.00"), money("500.00")])
        #expect(close(january.cells[0].cumulativeRevenuePerCustomer, 110.0))      // 330/3
        #expect(close(january.cells[1].cumulativeRevenuePerCustomer, 120.0))      // 360/3
        #expect(close(january.cells[2].cumulativeRevenuePerCustomer, 140.0))      // 420/3
        #expect(close(january.cells[3].cumulativeRevenuePerCustomer, 500.0 / 3))  // 500/3
        let february = try #require(analysis.cohortRow(labelled: "2026-02"))
        // 190, 190−30 = 160, 160+160 = 320; / n = 2
        #expect(close(february.cells[0].cumulativeRevenuePerCustomer, 95.0))   // 190/2
        #expect(close(february.cells[1].cumulativeRevenuePerCustomer, 80.0))   // 160/2
        #expect(close(february.cells[2].cumulativeRevenuePerCustomer, 160.0))  // 320/2
    }

    @Test func revenueRatiosAreEmptyWhenAcquisitionRevenueIsZero() throws {
        // X buys 50 and is refunded 50 in January (net 0), buys 30 in February
        let table = orders(("X", "2026-01-05", "50.00"), ("X", "2026-01-06", "-50.00"), ("X", "2026-02-05", "30.00"))
        let row = try #require(try analyse(table).cohortRow(labelled: "2026-01"))
        #expect(row.size == 1)                                // the +50 order makes X active in Jan
        #expect(close(row.cells[1].retention, 1.0))           // 1/1
        #expect(row.cells[0].revenue == money("0.00"))        // 50 − 50
        #expect(close(row.cells[1].revenueRetention, nil))    // 30/0 → empty
        #expect(close(row.cells[1].grossRevenueRetention, nil)) // Σ x(c) = max(0, 0) = 0 → empty
        #expect(close(row.cells[0].cumulativeRevenuePerCustomer, 0.0))   // 0/1
        #expect(close(row.cells[1].cumulativeRevenuePerCustomer, 30.0))  // (0 + 30)/1
    }

    @Test func cohortsWithoutCustomersAreNotListed() throws {
        // P acquired in Jan, Q in Mar; nobody is acquired in Feb
        let table = orders(("P", "2026-01-10", "10.00"), ("Q", "2026-03-10", "10.00"))
        let analysis = try analyse(table)
        #expect(analysis.periods.map(\.label) == ["2026-01", "2026-02", "2026-03"])
        #expect(analysis.cohorts.map(\.label) == ["2026-01", "2026-03"])
        #expect(analysis.cohorts.map(\.period) == [0, 2])
        // Jan cohort has ages 0...2 with P inactive in Feb and Mar
        #expect(analysis.cohorts[0].cells.map(\.activeCustomers) == [1, 0, 0])
    }

    // MARK: Averages across cohorts

    @Test func averagesAreWeightedByCohortSize() throws {
        let averages = try analyse(shop).averages
        #expect(averages.map(\.age) == [0, 1, 2, 3])
        // age 0: cohorts Jan (n 3) and Feb (n 2): (3 + 2)/(3 + 2) = 1
        #expect(averages[0].cohorts == 2 && averages[0].customers == 5 && averages[0].activeCustomers == 5)
        #expect(close(averages[0].retention, 1.0))
        // age 1: Jan→Feb active 1, Feb→Mar active 0: (1 + 0)/(3 + 2) = 1/5
        #expect(averages[1].customers == 5 && averages[1].activeCustomers == 1)
        #expect(close(averages[1].retention, 1.0 / 5))
        // age 2: Jan→Mar active 1, Feb→Apr active 2: (1 + 2)/5 = 3/5 (Σ/Σ, not the mean of 1/3 and 1)
        #expect(close(averages[2].retention, 3.0 / 5))
        // age 3: only Jan→Apr: 1/3
        #expect(averages[3].cohorts == 1 && averages[3].customers == 3)
        #expect(close(averages[3].retention, 1.0 / 3))
    }

    @Test func averagesOfUnboundedAndRevenueRatiosAreSumOverSum() throws {
        let averages = try analyse(shop).averages
        // unbounded, age 1: (Jan 2 + Feb 2)/5; age 2: (2 + 2)/5; age 3: 1/3
        #expect(close(averages[1].unboundedRetention, 4.0 / 5))
        #expect(close(averages[2].unboundedRetention, 4.0 / 5))
        #expect(close(averages[3].unboundedRetention, 1.0 / 3))
        // revenue retention, age 1: (30 + −30)/(330 + 190) = 0; age 2: (60 + 160)/520; age 3: 80/330
        #expect(close(averages[0].revenueRetention, 1.0))    // 520/520
        #expect(close(averages[1].revenueRetention, 0.0))
        #expect(close(averages[2].revenueRetention, 220.0 / 520))
        #expect(close(averages[3].revenueRetention, 80.0 / 330))
        // GRR, age 1: (50 + 0)/(330 + 190); age 2: (60 + 160)/520; age 3: 80/330
        #expect(close(averages[1].grossRevenueRetention, 50.0 / 520))
        #expect(close(averages[2].grossRevenueRetention, 220.0 / 520))
        #expect(close(averages[3].grossRevenueRetention, 80.0 / 330))
        // The LTV curve, chain-ladder: revenue added per customer at each age over the cohorts complete there,
        // a_0 = (330 + 190)/5 = 104, a_1 = (30 + −30)/5 = 0, a_2 = (60 + 160)/5 = 44, a_3 = 80/3 (January only);
        // L = 104, 104, 148, 148 + 80/3 = 174.67 (averaging each cohort's cumulative value would give 500/3 = 166.67 at age 3).
        #expect(close(averages[0].cumulativeRevenuePerCustomer, 104.0))
        #expect(close(averages[1].cumulativeRevenuePerCustomer, 104.0))
        #expect(close(averages[2].cumulativeRevenuePerCustomer, 148.0))
        #expect(close(averages[3].cumulativeRevenuePerCustomer, 148.0 + 80.0 / 3))
    }

    // MARK: Partial current period

    @Test func asOfInsideAMonthMarksItsCellsPartial() throws {
        // as of 2026-04-15: April is partial; D's 2026-04-30 row (+90) is after the as-of date
        let analysis = try analyse(shop, asOf: "2026-04-15")
        #expect(analysis.periods.map(\.partial) == [false, false, false, true])
        #expect(analysis.periods.last?.lastDay == CivilDate(iso: "2026-04-30"))  // the period is shown whole
        let january = try #require(analysis.cohortRow(labelled: "2026-01"))
        let february = try #require(analysis.cohortRow(labelled: "2026-02"))
        #expect(january.cells.map(\.partial) == [false, false, false, true])   // age 3 = April
        #expect(february.cells.map(\.partial) == [false, false, true])         // age 2 = April
        // April so far: Feb cohort active {E} (D's order is after the as-of date) → 1, revenue E 70
        #expect(february.cells[2].activeCustomers == 1)
        #expect(february.cells[2].revenue == money("70.00"))
        // unbounded, Feb cohort age 1 (Mar or later): only E (Apr) → 1
        #expect(february.cells[1].unboundedActiveCustomers == 1)
    }

    @Test func partialCellsAreLeftOutOfAverages() throws {
        let averages = try analyse(shop, asOf: "2026-04-15").averages
        // age 1: both cells complete (Jan→Feb, Feb→Mar): active (1 + 0)/(3 + 2) = 1/5,
        // unbounded (Jan 2 + Feb 1 (only E)) / 5 = 3/5
        #expect(averages[1].cohorts == 2)
        #expect(close(averages[1].retention, 1.0 / 5))
        #expect(close(averages[1].unboundedRetention, 3.0 / 5))
        // age 2: Feb→Apr is partial, so only Jan→Mar: 1/3 (not (1 + 1)/5)
        #expect(averages[2].cohorts == 1 && averages[2].customers == 3)
        #expect(close(averages[2].retention, 1.0 / 3))
        #expect(close(averages[2].revenueRetention, 60.0 / 330))
        // age 3: Jan→Apr is partial, no complete cell: every ratio empty
        #expect(averages[3].cohorts == 0 && averages[3].customers == 0)
        #expect(close(averages[3].retention, nil))
        #expect(close(averages[3].unboundedRetention, nil))
        #expect(close(averages[3].revenueRetention, nil))
        #expect(close(averages[3].grossRevenueRetention, nil))
        #expect(close(averages[3].cumulativeRevenuePerCustomer, nil))
    }

    @Test func asOfOnTheLastDayOfAMonthIsNotPartial() throws {
        let analysis = try analyse(shop, asOf: "2026-04-30")
        #expect(analysis.periods.allSatisfy { !$0.partial })
        #expect(analysis.dataQuality.rowsAfterAsOf == 0)
        // the default as-of date is the latest order date, 2026-04-30: not partial either
        let byDefault = try analyse(shop)
        #expect(byDefault.asOf == CivilDate(iso: "2026-04-30"))
        #expect(byDefault.periods.allSatisfy { !$0.partial })
    }

    @Test func periodsAfterTheAsOfDateDoNotExist() throws {
        // as of 2026-03-31: April rows A 04-10, D 04-30, E 04-01 are excluded and counted
        let analysis = try analyse(shop, asOf: "2026-03-31")
        #expect(analysis.periods.map(\.label) == ["2026-01", "2026-02", "2026-03"])
        #expect(analysis.periods.allSatisfy { !$0.partial })  // 03-31 ends March
        #expect(analysis.dataQuality.rowsAfterAsOf == 3)
        #expect(analysis.dataQuality.rowsAnalyzed == 10)      // 13 − 3
        let january = try #require(analysis.cohortRow(labelled: "2026-01"))
        #expect(january.cells.count == 3)
        // unbounded at age 1 now ends at the as-of date: A (Feb), B (Mar) → 2; age 2: B → 1
        #expect(january.cells.map(\.unboundedActiveCustomers) == [3, 2, 1])
    }

    @Test func asOfAfterTheDataExtendsThePeriodsWithEmptyActivity() throws {
        // as of 2026-05-10: May exists (partial) and nobody bought in it
        let analysis = try analyse(shop, asOf: "2026-05-10")
        #expect(analysis.periods.map(\.label) == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"])
        #expect(analysis.periods.map(\.partial) == [false, false, false, false, true])
        let january = try #require(analysis.cohortRow(labelled: "2026-01"))
        #expect(january.cells[4].activeCustomers == 0)
        #expect(january.cells[4].revenue == money("0.00"))
        #expect(january.cells[4].cumulativeRevenue == money("500.00"))  // unchanged from age 3
    }
}
