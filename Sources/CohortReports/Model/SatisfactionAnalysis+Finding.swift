import CohortCore
import CohortVocabulary

extension SatisfactionAnalysis {
    /// Whether detractors leave more often than promoters, in words, with both churn rates and
    /// their 95 % intervals ("90.6% (82.5%–95.2%)"); the report's Satisfaction section and
    /// `cohort nps --by group` say the same sentence.
    public func findingSentence(_ kind: PeriodKind, words: any Vocabulary) -> String {
        func rate(_ group: NPSGroup) -> String {
            guard let churn = churn(group), let value = churn.churned.value, let low = churn.churned.low,
                  let high = churn.churned.high else { return "–" }
            return "\(words.percent(value)) (\(words.percent(low))–\(words.percent(high)))"
        }
        return words.findingSentence(finding, detractors: rate(.detractor), promoters: rate(.promoter), followed: followedPeriods, kind)
    }
}
