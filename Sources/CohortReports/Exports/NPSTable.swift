import CohortCore
import CohortVocabulary

/// The satisfaction view for the terminal (`cohort nps`), in the command's language.
public enum NPSTable {
    /// NPS by period (or by cohort), with the overall score in the first line.
    public static func byPeriod(_ satisfaction: SatisfactionAnalysis, cohorts: Bool = false,
                                words: any Vocabulary = Language.english.words) -> String {
        let labels = words.contractWords()
        let number = TableNumbers(words: words)
        var table = TextTable(header: [cohorts ? words.reportLabels(.month).cohort : labels.period, labels.answers, labels.promoters,
                                       labels.passives, labels.detractors, labels.nps],
                              rightAligned: [false, true, true, true, true, true])
        for row in cohorts ? satisfaction.byCohort : satisfaction.byPeriod {
            let nps = row.nps
            table.append([row.label + (row.partial ? "*" : ""), number.count(nps.answers), number.count(nps.promoters),
                          number.count(nps.passives), number.count(nps.detractors), words.nps(nps)])
        }
        let overall = satisfaction.overall
        return "\(labels.npsByPeriodHeading): \(labels.nps) \(words.nps(overall)), \(number.count(overall.answers)) \(labels.answers)\n\n"
            + table.render()
    }

    /// The churn-after-answer table, with `finding` (the sentence saying whether detractors
    /// leave more) below it.
    public static func byGroup(_ satisfaction: SatisfactionAnalysis, finding: String, words: any Vocabulary = Language.english.words) -> String {
        let labels = words.contractWords()
        let number = TableNumbers(words: words)
        var table = TextTable(header: [labels.group, labels.followed, labels.churned, labels.churnRate, labels.interval],
                              rightAligned: [false, true, true, true, true])
        for churn in satisfaction.churnAfterAnswer {
            let share = churn.churned
            let interval = share.interval.map { "\(words.percent($0.low))–\(words.percent($0.high))" } ?? "–"
            table.append([words.npsGroupName(churn.group), number.count(share.total), number.count(share.count),
                          share.value.map { words.percent($0) } ?? "–", interval])
        }
        return labels.churnAfterAnswerHeading + "\n\n" + table.render() + "\n" + finding + "\n"
    }
}
