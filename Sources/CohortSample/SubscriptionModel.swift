/// The business assumptions behind the sample contracts and survey answers (`SubscriptionSample`).
enum SubscriptionModel {
    /// Share of customers who also hold a service contract.
    static let subscriberShare = 0.75
    /// Share of subscribers on a monthly subscription without an end date (cancelled after the last order).
    static let runningShare = 0.12
    /// Term lengths in months and their cumulative weights (12 months for most).
    static let termMonths = [12, 6, 24]
    static let termCumulative = SampleModel.cumulative([70, 20, 10])
    /// A customer whose last order lies this many days or fewer after a term's end does not renew it.
    static let renewalMargin = 15
    /// How a renewal starts: on time (the day after the end), early (days before the end, in its month),
    /// or late within the 30-day grace period.
    static let renewalTimingCumulative = SampleModel.cumulative([70, 15, 15])
    /// How MRR changes at a renewal: unchanged, up by 10–30 %, down by 10–25 %.
    static let renewalPriceCumulative = SampleModel.cumulative([75, 15, 10])
    /// MRR as a share of a customer's monthly order value, rounded to whole tens, within these bounds (cents).
    static let mrrShare = 0.3
    static let mrrRange: ClosedRange<Int64> = 2_900 ... 999_000
    /// Order days further apart than this start a new stretch (a comeback gets a new contract).
    static let stretchGap = 200

    /// Surveys go out this many days after the first order, then every `surveyInterval` days while the customer buys.
    static let firstSurvey = 75
    static let surveyInterval = 182
    static let responseRate = 0.35
    /// Answers of customers whose last order is within `leavingWithin` days after the answer lean towards detractors.
    static let leavingWithin = 300
    /// Cumulative shares of detractors, passives and promoters among those leaving, and among those staying.
    static let leavingGroups = SampleModel.cumulative([52, 30, 18])
    static let stayingGroups = SampleModel.cumulative([16, 34, 50])
    /// Scores 0–6 within the detractors (mostly 5 and 6), 7–8 within the passives, 9–10 within the promoters.
    static let detractorScores = SampleModel.cumulative([1, 1, 1, 2, 3, 5, 7])
    static let promoterScores = SampleModel.cumulative([55, 45])
}
