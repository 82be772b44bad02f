import CohortCore
import Testing

/// Customer bridge S, N, R, C, E under the churn window, and the ratios built on it
/// (METRICS.md, "Period KPIs"). Shop activity (Fixtures.swift):
/// Jan {A,B,C} · Feb {A,D,E} · Mar {B} · Apr {A,D,E}; cohorts Jan {A,B,C}, Feb {D,E}.
@Suite struct CustomerBridgeTests {
    @Test func bridgeWithChurnWindowOne() throws {
        let kpis = try analyse(shop, churnWindow: 1).kpis
        #expect(kpis.map(\.label) == ["2026-01", "2026-02", "2026-03", "2026-04"])
        // W = 1: live at end of t = active in t.
        // Jan: S 0, N 3 (A,B,C), R 0, C 0, E 3
        #expect(kpis[0].customers == CustomerBridge(start: 0, new: 3, reactivated: 0, churned: 0, end: 3))
        // Feb: S {A,B,C} 3, N {D,E} 2, R 0 (A was live), C {B,C} 2, E {A,D,E} 3 → 3 + 2 + 0 − 2 = 3
        #expect(kpis[1].customers == CustomerBridge(start: 3, new: 2, reactivated: 0, churned: 2, end: 3))
        // Mar: S {A,D,E} 3, N 0, R {B} 1, C {A,D,E} 3, E {B} 1 → 3 + 0 + 1 − 3 = 1
        #expect(kpis[2].customers == CustomerBridge(start: 3, new: 0, reactivated: 1, churned: 3, end: 1))
        // Apr: S {B} 1, N 0, R {A,D,E} 3, C {B} 1, E {A,D,E} 3 → 1 + 0 + 3 − 1 = 3
        #expect(kpis[3].customers == CustomerBridge(start: 1, new: 0, reactivated: 3, churned: 1, end: 3))
    }

    @Test func churnRateRetentionRateAndWinBackRate() throws {
        let kpis = try analyse(shop, churnWindow: 1).kpis
        // Jan: S = 0 → churn rate and CRR empty; nobody acquired before Jan → win-back 0/0 empty
        #expect(close(kpis[0].churnRate, nil))
        #expect(close(kpis[0].customerRetentionRate, nil))
        #expect(close(kpis[0].winBackRate, nil))
        // Feb: churn 2/3; CRR (E − N)/S = (3 − 2)/3; win-back: acquired before Feb {A,B,C},
        // all live at end of Jan → denominator 0 → empty
        #expect(close(kpis[1].churnRate, 2.0 / 3))
        #expect(close(kpis[1].customerRetentionRate, 1.0 / 3))
        #expect(close(kpis[1].winBackRate, nil))
        // Mar: churn 3/3; CRR (1 − 0)/3; win-back: acquired before Mar {A..E}, not live at end
        // of Feb {B,C} → R 1 / 2
        #expect(close(kpis[2].churnRate, 1.0))
        #expect(close(kpis[2].customerRetentionRate, 1.0 / 3))
        #expect(close(kpis[2].winBackRate, 1.0 / 2))
        // Apr: churn 1/1; CRR (3 − 0)/1 = 3 (reactivations count as retained); win-back:
        // not live at end of Mar {A,C,D,E} → R 3 / 4
        #expect(close(kpis[3].churnRate, 1.0))
        #expect(close(kpis[3].customerRetentionRate, 3.0))
        #expect(close(kpis[3].winBackRate, 3.0 / 4))
    }

    @Test func churnWindowThreeKeepsCustomersLiveThroughAGap() throws {
        let kpis = try analyse(shop, churnWindow: 3).kpis
        // W = 3: live at end of t = active in t−2 ... t.
        // live at end: Jan {A,B,C} 3; Feb {A,B,C,D,E} 5; Mar (Jan..Mar) 5; Apr (Feb..Apr) {A,B,D,E} 4
        // Jan: S 0, N 3, E 3
        #expect(kpis[0].customers == CustomerBridge(start: 0, new: 3, reactivated: 0, churned: 0, end: 3))
        // Feb: S 3, N 2, R 0, C 0, E 5
        #expect(kpis[1].customers == CustomerBridge(start: 3, new: 2, reactivated: 0, churned: 0, end: 5))
        // Mar: B's Feb gap is inside the window, so B is not reactivated: S 5, R 0, C 0, E 5
        #expect(kpis[2].customers == CustomerBridge(start: 5, new: 0, reactivated: 0, churned: 0, end: 5))
        // Apr: C (last active Jan) leaves the window: S 5, C 1, E 4
        #expect(kpis[3].customers == CustomerBridge(start: 5, new: 0, reactivated: 0, churned: 1, end: 4))
        #expect(close(kpis[3].churnRate, 1.0 / 5))               // 1/5
        #expect(close(kpis[3].customerRetentionRate, 4.0 / 5))   // (4 − 0)/5
        #expect(close(kpis[3].winBackRate, nil))                 // everyone acquired before Apr was live at end of Mar
        #expect(close(kpis[2].churnRate, 0.0))                   // 0/5
    }

    /// P buys in Jan and May (three idle months), Q in Jan and Apr (two idle months).
    static let gapped = orders(("P", "2026-01-10", "10.00"), ("P", "2026-05-10", "10.00"),
                               ("Q", "2026-01-20", "10.00"), ("Q", "2026-04-20", "10.00"))

    @Test func reactivationAfterAGapLongerThanTheChurnWindow() throws {
        let kpis = try analyse(Self.gapped, asOf: "2026-05-31", churnWindow: 3).kpis
        // W = 3, live at end: Jan {P,Q}, Feb {P,Q}, Mar {P,Q} (Jan still in window),
        // Apr (Feb..Apr) {Q}, May (Mar..May) {P,Q}
        #expect(kpis.map(\.customers.end) == [2, 2, 2, 1, 2])
        // Apr: P churns: S 2, C 1, E 1; Q's Apr order is not a reactivation (Q was live)
        #expect(kpis[3].customers == CustomerBridge(start: 2, new: 0, reactivated: 0, churned: 1, end: 1))
        #expect(close(kpis[3].churnRate, 1.0 / 2))
        #expect(close(kpis[3].customerRetentionRate, 1.0 / 2))   // (1 − 0)/2
        // May: P comes back: S 1, R 1, C 0, E 2
        #expect(kpis[4].customers == CustomerBridge(start: 1, new: 0, reactivated: 1, churned: 0, end: 2))
        #expect(close(kpis[4].churnRate, 0.0))                   // 0/1
        #expect(close(kpis[4].customerRetentionRate, 2.0))       // (2 − 0)/1
        #expect(close(kpis[4].winBackRate, 1.0))                 // acquired before May 2, live at end of Apr 1 → 1/(2 − 1)
    }

    @Test func emptyRatiosWhenNobodyIsLiveAtTheStart() throws {
        let kpis = try analyse(Self.gapped, asOf: "2026-05-31", churnWindow: 1).kpis
        // W = 1, active: Jan {P,Q}, Feb {}, Mar {}, Apr {Q}, May {P}
        #expect(kpis[1].customers == CustomerBridge(start: 2, new: 0, reactivated: 0, churned: 2, end: 0))
        // Mar: S 0 → churn rate and CRR empty; win-back R 0 / (2 acquired − 0 live) = 0
        #expect(kpis[2].customers == CustomerBridge(start: 0, new: 0, reactivated: 0, churned: 0, end: 0))
        #expect(close(kpis[2].churnRate, nil))
        #expect(close(kpis[2].customerRetentionRate, nil))
        #expect(close(kpis[2].winBackRate, 0.0))
        // Apr: Q reactivated: S 0, R 1, E 1; win-back 1/2
        #expect(kpis[3].customers == CustomerBridge(start: 0, new: 0, reactivated: 1, churned: 0, end: 1))
        #expect(close(kpis[3].winBackRate, 1.0 / 2))
        // May: P reactivated, Q churned: S 1, R 1, C 1, E 1; win-back 1/(2 − 1)
        #expect(kpis[4].customers == CustomerBridge(start: 1, new: 0, reactivated: 1, churned: 1, end: 1))
        #expect(close(kpis[4].winBackRate, 1.0))
    }

    @Test func refundOnlyMonthDoesNotKeepACustomerLive() throws {
        // Shop, W = 1: B's Feb refund and D's Mar refund are not activity
        let kpis = try analyse(shop, churnWindow: 1).kpis
        // B churns in Feb (in C_Feb = {B,C}) and is reactivated in Mar; D churns in Mar
        #expect(kpis[1].customers.churned == 2)
        #expect(kpis[2].customers.reactivated == 1)
        #expect(kpis[2].customers.churned == 3)
    }

    @Test func activeCustomerWithNetRefundIsNotChurned() throws {
        // C buys 30 and returns 50 in Feb: a positive order, so active, though net revenue is −20
        let table = orders(("C", "2026-01-15", "50.00"), ("C", "2026-02-15", "30.00"), ("C", "2026-02-16", "-50.00"))
        let kpis = try analyse(table, asOf: "2026-02-28").kpis
        // Feb: S 1, C 0, E 1 (active); the revenue bridge still sees x 50 → 0 (churned −50)
        #expect(kpis[1].customers == CustomerBridge(start: 1, new: 0, reactivated: 0, churned: 0, end: 1))
        #expect(kpis[1].revenueBridge.churned == money("-50.00"))
    }

    @Test func bridgeContinuesFromOnePeriodToTheNext() throws {
        for window in 1 ... 4 {
            let kpis = try analyse(shop, churnWindow: window).kpis
            for t in kpis.indices {
                let bridge = kpis[t].customers
                #expect(bridge.end == bridge.start + bridge.new + bridge.reactivated - bridge.churned)  // E = S + N + R − C
                if t > 0 { #expect(bridge.start == kpis[t - 1].customers.end) }                         // S_t = E_{t−1}
            }
        }
    }
}
