import CohortCore
import Testing

/// NPS and churn after the answer (METRICS.md, "Satisfaction").
struct SatisfactionTests {
    @Test func npsIsRoundedToOneDecimalHalfAwayFromZero() {
        // 100 × (3 − 2) / 8 = 12.5; 100 × 1 / 16 = 6.25 → 6.3; −6.25 → −6.3; 100 × 1 / 3 = 33.33… → 33.3; 200 / 3 → 66.7.
        #expect(NetPromoterScore(promoters: 3, passives: 3, detractors: 2).score.formatted(places: 1) == "12.5")
        #expect(NetPromoterScore(promoters: 1, passives: 15, detractors: 0).score.formatted(places: 1) == "6.3")
        #expect(NetPromoterScore(promoters: 0, passives: 15, detractors: 1).score.formatted(places: 1) == "-6.3")
        #expect(NetPromoterScore(promoters: 1, passives: 2, detractors: 0).score.formatted(places: 1) == "33.3")
        #expect(NetPromoterScore(promoters: 2, passives: 1, detractors: 0).score.formatted(places: 1) == "66.7")
        #expect(NetPromoterScore(promoters: 0, passives: 0, detractors: 4).score.value == -100)
        #expect(NetPromoterScore().score.value == nil)
    }

    @Test func groupsFollowTheScore() {
        #expect((0 ... 10).map { NPSGroup(score: $0) } == Array(repeating: .detractor, count: 7) + [.passive, .passive, .promoter, .promoter])
    }

    /// Monthly orders of one customer from `first` to `last` (YYYY-MM), one on the 10th of each month.
    private func monthly(_ customer: String, from first: String, to last: String) -> [(customer: String, date: String, amount: String)] {
        var rows: [(customer: String, date: String, amount: String)] = []
        var year = Int(first.prefix(4))!, month = Int(first.suffix(2))!
        while String(format: "%04d-%02d", year, month) <= last {
            rows.append((customer, String(format: "%04d-%02d-10", year, month), "10.00"))
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return rows
    }

    private func answers(_ rows: (customer: String, date: String, score: Int)...) -> AnswerTable {
        var table = AnswerTable()
        for row in rows { table.append(customer: table.internCustomer(row.customer), day: day(row.date), score: row.score) }
        return table
    }

    /// Orders from 2024-01 to 2026-01 (as of 2026-01-31: period 24 is the last complete one), churn window 1 month.
    /// An answer in period t is followed when t + 12 ≤ 24, i.e. dated up to 2025-01 (t = 12).
    ///
    /// | customer | answers | orders | followed answer | live at t | churned in t+1 … t+12 |
    /// |---|---|---|---|---|---|
    /// | P1 | 9 on 2024-06-10 (t 5) | 2024-01 … 2026-01 | promoter | yes | no |
    /// | P2 | 10 on 2024-03-05 (t 2) | 2024-01 … 2024-10 | promoter | yes | yes (not live at the end of 2024-11) |
    /// | D1 | 3 on 2024-05-20 (t 4) | 2024-01 … 2024-07 | detractor | yes | yes |
    /// | D2 | 6 on 2025-01-15 (t 12, the last that can be followed) | 2024-01 … 2026-01 | detractor | yes | no |
    /// | N1 | 8 on 2025-02-01 (t 13: too recent) | 2024-01 … 2026-01 | – | | |
    /// | X | 2 on 2024-02-01, 10 on 2024-08-01 (t 7) | 2024-01 … 2025-08 | promoter (the latest) | yes | no: live up to t + 12 = 2025-08 |
    /// | Y | 9 on 2024-08-10 (t 7) | 2024-01 … 2025-07 | promoter | yes | yes: not live at the end of 2025-08 |
    /// | Z | 5 on 2024-04-01 (t 3) | 2024-06 … 2026-01 | detractor | no (acquired later): left out | |
    /// | U | 7 on 2025-06-01 | none (in no cohort) | – | | |
    /// | P1 | 0 on 2026-02-03 (after the as-of date): left out | | | | |
    private func example() throws -> SatisfactionAnalysis {
        let table = orders(monthly("P1", from: "2024-01", to: "2026-01") + monthly("P2", from: "2024-01", to: "2024-10")
            + monthly("D1", from: "2024-01", to: "2024-07") + monthly("D2", from: "2024-01", to: "2026-01")
            + monthly("N1", from: "2024-01", to: "2026-01") + monthly("X", from: "2024-01", to: "2025-08")
            + monthly("Y", from: "2024-01", to: "2025-07") + monthly("Z", from: "2024-06", to: "2026-01"))
        let analysis = try analyse(table, asOf: "2026-01-31", churnWindow: 1)
        let survey = answers(("P1", "2024-06-10", 9), ("P2", "2024-03-05", 10), ("D1", "2024-05-20", 3), ("D2", "2025-01-15", 6),
                             ("N1", "2025-02-01", 8), ("X", "2024-08-01", 10), ("X", "2024-02-01", 2), ("Y", "2024-08-10", 9),
                             ("Z", "2024-04-01", 5), ("U", "2025-06-01", 7), ("P1", "2026-02-03", 0))
        return try SatisfactionBuilder(table: table, analysis: analysis, answers: survey).build()
    }

    @Test func churnAfterTheAnswerFollowsTheLatestAnswerForAYear() throws {
        let satisfaction = try example()
        // Promoters P1, P2, X, Y: P2 and Y churned, 2 of 4. Detractors D1, D2: D1 churned, 1 of 2. No passive followed.
        #expect(satisfaction.churn(.promoter)?.churned == Proportion(2, of: 4))
        #expect(satisfaction.churn(.detractor)?.churned == Proportion(1, of: 2))
        #expect(satisfaction.churn(.passive)?.churned == Proportion(0, of: 0))
        #expect(satisfaction.followedPeriods == 12)
        // 50 % against 50 % on a handful of customers: nothing to claim.
        #expect(satisfaction.finding == .noClearDifference)
    }

    @Test func npsOverallByPeriodAndByCohort() throws {
        let satisfaction = try example()
        // Up to the as-of date: 10 answers (the one of 2026-02-03 is after it). Promoters 9, 10, 10, 9 = 4;
        // passives 8, 7 = 2; detractors 3, 6, 2, 5 = 4: NPS 100 × 0 / 10 = 0.
        #expect(satisfaction.overall == NetPromoterScore(promoters: 4, passives: 2, detractors: 4))
        #expect(satisfaction.answers == 11 && satisfaction.answersOutside == 1 && satisfaction.answersOfUnknownCustomers == 1)
        // Periods from the first with an answer (2024-02, X's 2) to 2026-01: 24 periods; 2024-06 holds P1's 9 and nothing else.
        #expect(satisfaction.byPeriod.first?.label == "2024-02" && satisfaction.byPeriod.count == 24)
        #expect(satisfaction.byPeriod.first { $0.label == "2024-06" }?.nps == NetPromoterScore(promoters: 1))
        // Cohort 2024-01: 9, 10, 3, 6, 8, 2, 10, 9 → 4 promoters, 1 passive, 3 detractors: 100 × 1 / 8 = 12.5.
        // Cohort 2024-06: Z's 5 → −100.
        let cohorts = Dictionary(uniqueKeysWithValues: satisfaction.byCohort.map { ($0.label, $0.nps) })
        #expect(cohorts["2024-01"] == NetPromoterScore(promoters: 4, passives: 1, detractors: 3))
        #expect(cohorts["2024-01"]?.score.formatted(places: 1) == "12.5")
        #expect(cohorts["2024-06"]?.score.value == -100)
    }

    @Test func theFindingNeedsSeparateIntervals() {
        // 60 of 100 detractors against 10 of 100 promoters: Wilson intervals [0.502, 0.691] and [0.055, 0.174] are apart.
        #expect(SatisfactionAnalysis.finding(detractors: Proportion(60, of: 100), promoters: Proportion(10, of: 100)) == .detractorsChurnMore)
        #expect(SatisfactionAnalysis.finding(detractors: Proportion(10, of: 100), promoters: Proportion(60, of: 100)) == .detractorsChurnLess)
        // 3 of 10 against 2 of 10 overlap.
        #expect(SatisfactionAnalysis.finding(detractors: Proportion(3, of: 10), promoters: Proportion(2, of: 10)) == .noClearDifference)
        #expect(SatisfactionAnalysis.finding(detractors: Proportion(0, of: 0), promoters: Proportion(2, of: 10)) == .tooFewAnswers)
    }
}
