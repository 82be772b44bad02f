/// Computes the satisfaction view of METRICS.md ("Satisfaction") from survey answers, beside the
/// analysis of the orders (or of the contracts' revenue rows) the answers are read against.
///
/// - NPS per period: the answers dated in the period; per cohort: every answer of the cohort's
///   customers up to the as-of date; overall: every answer up to the as-of date.
/// - Churn after the answer: for each customer, its latest answer in a period t with
///   t + Y ≤ the last complete period (Y = 12 months, 4 quarters or 52 weeks), when the customer
///   is live at the end of t; it churned when it is not live at the end of some period of
///   t + 1 … t + Y (live: active in one of the W periods up to then, W the analysis's churn window).
///   Rate per group with its 95 % Wilson interval; the finding says whether detractors churn more
///   than promoters only when the intervals do not overlap.
///
/// The customers' activity is taken again from `table` (the same rows the analysis was made of),
/// so that activity here is exactly the analysis's.
///
///     let satisfaction = try SatisfactionBuilder(table: orders, analysis: analysis, answers: answers).build()
///
/// Complexity: O(rows of `table` + answers + answering customers × Y × their active periods).
public struct SatisfactionBuilder: Sendable {
    public let table: OrderTable
    public let analysis: CohortAnalysis
    public let answers: AnswerTable
    /// Customers whose latest score the report shows besides those of `analysis.customers`' lists
    /// (the upcoming renewals).
    public var listedCustomers: [String] = []

    public init(table: OrderTable, analysis: CohortAnalysis, answers: AnswerTable) {
        self.table = table
        self.analysis = analysis
        self.answers = answers
    }

    /// A latest answer seen so far: its day, its row (later rows win ties of a day), its score.
    private struct Latest {
        var day: Int32
        var row: Int
        var score: UInt8
        var period: Int

        func isBefore(day: Int32, row: Int) -> Bool { self.day < day || (self.day == day && self.row < row) }
    }

    public func build() throws -> SatisfactionAnalysis {
        let kind = analysis.options.period
        let calendar = PeriodCalendar(kind)
        let asOfDay = analysis.asOf.dayNumber
        let periods = analysis.periods
        guard let firstDay = periods.first?.firstDay.dayNumber else { throw AnalysisError.noRows }
        let firstPeriod = calendar.period(containingDay: firstDay)
        let history = try CustomerHistory(table: table, calendar: calendar, asOfDay: asOfDay)
        let window = analysis.churnWindow.periods
        let followed = kind.periodsPerYear
        let lastComplete = periods.count - (analysis.endsWithPartialPeriod ? 2 : 1)

        // Answer customer → history customer (-1: in no cohort).
        var historyIndex = [Int32](repeating: -1, count: table.customerCount)
        for (index, customer) in history.customer.enumerated() { historyIndex[Int(customer)] = Int32(index) }
        var answerIndex: [String: Int] = [:]
        for (index, id) in answers.customerIDs.enumerated() { answerIndex[id] = index }
        var analysed = [Int32](repeating: -1, count: answers.customerIDs.count)
        for (index, id) in table.customerIDs.enumerated() {
            if let answer = answerIndex[id] { analysed[answer] = historyIndex[index] }
        }

        var overall = NetPromoterScore()
        var byPeriod = [NetPromoterScore](repeating: NetPromoterScore(), count: periods.count)
        var byCohort = [NetPromoterScore](repeating: NetPromoterScore(), count: periods.count)
        var outside = 0, unknown = 0
        var latest = [Latest?](repeating: nil, count: answers.customerIDs.count)
        var followedAnswer: [Int: Latest] = [:] // history customer → its latest answer that can be followed for Y periods
        for row in 0 ..< answers.rowCount {
            let day = answers.day[row], score = Int(answers.score[row]), customer = Int(answers.customer[row])
            guard Int(day) <= asOfDay else { outside += 1; continue }
            overall.add(score: score)
            let period = calendar.period(containingDay: Int(day)) - firstPeriod
            if period >= 0 { byPeriod[period].add(score: score) }
            let answer = Latest(day: day, row: row, score: answers.score[row], period: period)
            if latest[customer].map({ $0.isBefore(day: day, row: row) }) ?? true { latest[customer] = answer }
            let analysedCustomer = Int(analysed[customer])
            guard analysedCustomer >= 0 else { unknown += 1; continue }
            byCohort[Int(history.cohort[analysedCustomer])].add(score: score)
            if period >= 0 && period + followed <= lastComplete,
               followedAnswer[analysedCustomer].map({ $0.isBefore(day: day, row: row) }) ?? true {
                followedAnswer[analysedCustomer] = answer
            }
        }
        let churn = groupChurn(followedAnswer, history: history, window: window, followed: followed)
        return SatisfactionAnalysis(
            answers: answers.rowCount, answersOutside: outside, answersOfUnknownCustomers: unknown, overall: overall,
            byPeriod: periodRows(byPeriod),
            byCohort: analysis.cohorts.map { NPSPeriod(label: $0.label, partial: false, nps: byCohort[$0.period]) },
            followedPeriods: followed, churnAfterAnswer: churn,
            finding: SatisfactionAnalysis.finding(detractors: churn[2].churned, promoters: churn[0].churned),
            latestScores: latestScores(latest))
    }

    /// The periods from the first with an answer to the as-of period.
    private func periodRows(_ scores: [NetPromoterScore]) -> [NPSPeriod] {
        guard let first = scores.firstIndex(where: { $0.answers > 0 }) else { return [] }
        return (first ..< scores.count).map { NPSPeriod(label: analysis.periods[$0].label, partial: analysis.periods[$0].partial, nps: scores[$0]) }
    }

    /// Churned / followed customers per group: live at the end of the answer's period t, churned when
    /// not live at the end of some period of t + 1 … t + Y.
    private func groupChurn(_ followedAnswer: [Int: Latest], history: CustomerHistory, window: Int, followed: Int) -> [GroupChurn] {
        var customers = [Int](repeating: 0, count: NPSGroup.allCases.count), churned = customers
        for (customer, answer) in followedAnswer {
            let active = history.entries(of: customer).filter { history.positiveOrders[$0] > 0 }.map { Int(history.period[$0]) }
            func live(_ period: Int) -> Bool { active.contains { $0 <= period && $0 > period - window } }
            guard live(answer.period) else { continue }
            let group = NPSGroup.allCases.firstIndex(of: NPSGroup(score: Int(answer.score)))!
            customers[group] += 1
            if (answer.period + 1 ... answer.period + followed).contains(where: { !live($0) }) { churned[group] += 1 }
        }
        return NPSGroup.allCases.enumerated().map { GroupChurn(group: $1, churned: Proportion(churned[$0], of: customers[$0])) }
    }

    /// The latest answer of every customer the report lists.
    private func latestScores(_ latest: [Latest?]) -> [LatestScore] {
        guard analysis.options.customerLists != .none else { return [] } // no ids in any output
        var listed: [String] = []
        if let customers = analysis.customers { listed = (customers.atRisk + customers.lost + customers.wonBack).map(\.id) }
        listed += listedCustomers
        var index: [String: Int] = [:]
        for (position, id) in answers.customerIDs.enumerated() { index[id] = position }
        var seen: Set<String> = []
        return listed.compactMap { id in
            guard seen.insert(id).inserted, let position = index[id], let answer = latest[position] else { return nil }
            return LatestScore(customer: id, date: CivilDate(dayNumber: Int(answer.day)), score: Int(answer.score))
        }
    }
}
