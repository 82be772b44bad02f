/// The satisfaction view of a report (METRICS.md, "Satisfaction"): NPS per period and per cohort,
/// and whether detractors really leave: churn in the year after the answer by NPS group.
///
///     let satisfaction = try SatisfactionBuilder(table: orders, analysis: analysis, answers: answers).build()
///     satisfaction.finding                   // .detractorsChurnMore
///     satisfaction.churnAfterAnswer[2]       // detractors: 14 of 40 churned (22.0 %–51.7 %)
///
/// Stored in `CohortAnalysis.satisfaction`; renderers format it and never recompute it.
public struct SatisfactionAnalysis: Sendable, Codable, Equatable {
    /// Answers read, and those dated after the as-of date or before the first period (left out everywhere).
    public var answers: Int
    public var answersOutside: Int
    /// Answers of customers who are not in any cohort (in no NPS per cohort, no churn after the answer).
    public var answersOfUnknownCustomers: Int
    /// All answers up to the as-of date.
    public var overall: NetPromoterScore
    /// Every period from the first with an answer to the as-of period.
    public var byPeriod: [NPSPeriod]
    /// Every cohort of the analysis, with the answers of its customers up to the as-of date.
    public var byCohort: [NPSPeriod]
    /// How many periods after the answer churn is looked for (12 months, 4 quarters or 52 weeks).
    public var followedPeriods: Int
    /// Promoters, passives, detractors, in this order.
    public var churnAfterAnswer: [GroupChurn]
    public var finding: SatisfactionFinding
    /// The latest score of the customers the report lists (at risk, lost, won back, upcoming renewals).
    public var latestScores: [LatestScore]

    public init(answers: Int, answersOutside: Int, answersOfUnknownCustomers: Int, overall: NetPromoterScore, byPeriod: [NPSPeriod],
                byCohort: [NPSPeriod], followedPeriods: Int, churnAfterAnswer: [GroupChurn], finding: SatisfactionFinding,
                latestScores: [LatestScore]) {
        self.answers = answers
        self.answersOutside = answersOutside
        self.answersOfUnknownCustomers = answersOfUnknownCustomers
        self.overall = overall
        self.byPeriod = byPeriod
        self.byCohort = byCohort
        self.followedPeriods = followedPeriods
        self.churnAfterAnswer = churnAfterAnswer
        self.finding = finding
        self.latestScores = latestScores
    }

    /// The churn after the answer of one group.
    public func churn(_ group: NPSGroup) -> GroupChurn? { churnAfterAnswer.first { $0.group == group } }

    /// A customer's latest score, when the report lists the customer.
    public func latestScore(of customer: String) -> LatestScore? { latestScores.first { $0.customer == customer } }

    /// What the intervals allow saying about detractors against promoters.
    public static func finding(detractors: Proportion, promoters: Proportion) -> SatisfactionFinding {
        guard let detractorRate = detractors.value, let promoterRate = promoters.value else { return .tooFewAnswers }
        guard detractors.differs(from: promoters) else { return .noClearDifference }
        return detractorRate > promoterRate ? .detractorsChurnMore : .detractorsChurnLess
    }
}
