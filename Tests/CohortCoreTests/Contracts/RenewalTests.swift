import CohortCore
import Testing

/// Renewals (METRICS.md): a contract comes due in the month of its end; it is renewed by another
/// contract of the customer that starts after its start, no later than end + 30 days, and ends after it.
struct RenewalTests {
    /// Eight customers; the first contract of A … F ends on 2025-12-31.
    ///
    /// | customer | case | contracts (MRR) |
    /// |---|---|---|
    /// | A | on time | 2025-01-01–2025-12-31 (100), 2026-01-01–2026-12-31 (100) |
    /// | B | early | 2025-01-01–2025-12-31 (100), 2025-12-10–2026-12-09 (100) |
    /// | C | late within grace | 2025-01-01–2025-12-31 (100), 2026-01-30–2027-01-29 (100): end + 30 days |
    /// | D | late beyond grace | 2025-01-01–2025-12-31 (100), 2026-02-15– running (100): end + 46 days |
    /// | E | downgrade | 2025-01-01–2025-12-31 (200), 2026-01-01–2026-12-31 (150) |
    /// | F | not renewed | 2025-01-01–2025-12-31 (100) |
    /// | G | due after the as-of date | 2025-07-01–2026-05-31 (300) |
    /// | H | due, renewal agreed | 2025-06-15–2026-04-14 (50), 2026-04-15–2027-04-14 (50) |
    private let table = contracts(
        ("A", "2025-01-01", "2025-12-31", "100.00"), ("A", "2026-01-01", "2026-12-31", "100.00"),
        ("B", "2025-01-01", "2025-12-31", "100.00"), ("B", "2025-12-10", "2026-12-09", "100.00"),
        ("C", "2025-01-01", "2025-12-31", "100.00"), ("C", "2026-01-30", "2027-01-29", "100.00"),
        ("D", "2025-01-01", "2025-12-31", "100.00"), ("D", "2026-02-15", nil, "100.00"),
        ("E", "2025-01-01", "2025-12-31", "200.00"), ("E", "2026-01-01", "2026-12-31", "150.00"),
        ("F", "2025-01-01", "2025-12-31", "100.00"),
        ("G", "2025-07-01", "2026-05-31", "300.00"),
        ("H", "2025-06-15", "2026-04-14", "50.00"), ("H", "2026-04-15", "2027-04-14", "50.00"))

    @Test func eachRenewalCaseCountsInTheMonthTheOldTermEnds() throws {
        let december = try #require(try contractView(table, asOf: "2026-03-31").month("2025-12"))
        // Due: A … F (6). Renewed: A (on time), B (early), C (30 days late), E (at lower MRR) = 4;
        // D started 46 days after the end, F never: not renewed. Rate 4 / 6.
        #expect(december.renewals.due == 6 && december.renewals.renewed == 4 && december.renewals.open == 0)
        #expect(december.renewals.rate.value == 4.0 / 6.0)
        // MRR due 5 × 100 + 200 = 700; renewed: A 100 + B 100 + C 100 + E's 200 (the due contract's MRR) = 500.
        #expect(december.renewals.mrrDue == money("700.00") && december.renewals.mrrRenewed == money("500.00"))
        #expect(december.renewals.mrrRate.value == 500.0 / 700.0)
    }

    @Test func aGraceDayMoreOrLessDecides() throws {
        // With 29 days of grace, C's renewal (30 days after the end) no longer counts: 3 of 6.
        let december = try #require(try contractView(table, asOf: "2026-03-31", graceDays: 29).month("2025-12"))
        #expect(december.renewals.due == 6 && december.renewals.renewed == 3)
    }

    @Test func theBridgeShowsWhatTheRenewalsDid() throws {
        let view = try contractView(table, asOf: "2026-03-31")
        // End of Nov 2025: A…D, F 100 each, E 200, G 300, H 50 = 1,050. End of Dec: B's early renewal runs beside
        // its old term (+100 expansion) = 1,150.
        #expect(view.month("2025-11")?.mrr.end == money("1050.00"))
        #expect(view.month("2025-12")?.mrr.expansion == money("100.00") && view.month("2025-12")?.mrr.end == money("1150.00"))
        // January: B back to 100 (−100) and E's downgrade (−50) are contraction −150; D and F gone, −200;
        // C's renewal started on Jan 30, in force on Jan 31. 1,150 − 150 − 200 = 800, 6 of 8 customers left.
        let january = try #require(view.month("2026-01"))
        #expect(january.mrr.contraction == money("-150.00") && january.mrr.churned == money("-200.00"))
        #expect(january.mrr.end == money("800.00"))
        #expect(january.customers == CustomerBridge(start: 8, new: 0, reactivated: 0, churned: 2, end: 6))
        // February: D's new contract (Feb 15) brings it back: reactivation +100 → 900.
        let february = try #require(view.month("2026-02"))
        #expect(february.mrr.reactivation == money("100.00") && february.customers.reactivated == 1 && february.mrr.end == money("900.00"))
    }

    @Test func undecidedContractsAreOpenUntilTheirGraceEnds() throws {
        // As of 2026-01-15, 2025-12-31 + 30 days = 2026-01-30 is still ahead: D and F are open, not lost.
        // A renewed (its new term started Jan 1), C's agreed renewal starts on Jan 30, after the as-of date: renewed.
        let december = try #require(try contractView(table, asOf: "2026-01-15").month("2025-12"))
        #expect(december.renewals.due == 4 && december.renewals.renewed == 4 && december.renewals.open == 2)
        #expect(december.renewals.rate.value == 1)
    }

    @Test func upcomingRenewalsAreRankedByMRR() throws {
        // As of 2026-03-31 the next 90 days run to 2026-06-29: G ends on May 31 (61 days), H on Apr 14 (14 days).
        let upcoming = try contractView(table, asOf: "2026-03-31").upcoming
        #expect(upcoming.map(\.customer) == ["G", "H"])
        #expect(upcoming.map(\.daysLeft) == [61, 14])
        #expect(upcoming.map(\.mrr) == [money("300.00"), money("50.00")])
        // H's next term is in the file already.
        #expect(upcoming.map(\.renewalAgreed) == [false, true])
        #expect(upcoming.first?.contract == "K12")
    }
}
