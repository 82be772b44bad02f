import CohortCharts
import CohortCore
import CohortVocabulary

extension ReportText {
    /// The alternative text of the MRR chart (MRR and its movements in the headline month) and of the
    /// churn-after-answer chart (each group's rate and size).
    func subscriptionChartDescription(_ chart: ChartKind, _ analysis: CohortAnalysis) -> String {
        switch chart {
        case .npsChurn:
            guard let satisfaction = analysis.satisfaction else { return "" }
            func rate(_ group: NPSGroup) -> String {
                guard let share = satisfaction.churn(group)?.churned, let value = share.value else { return "–" }
                return "\(percent(value)) (\(words.followedCount(share.total)))"
            }
            return words.npsChurnDescription(promoters: rate(.promoter), passives: rate(.passive), detractors: rate(.detractor),
                                             followed: satisfaction.followedPeriods, analysis.options.period)
        default:
            guard let month = analysis.contracts?.headlineMonth else { return "" }
            let m = month.mrr
            return words.mrrMovementSentence(period: month.label, new: signedMoney(m.new), expansion: signedMoney(m.expansion),
                                             reactivation: signedMoney(m.reactivation), contraction: signedMoney(m.contraction),
                                             churned: signedMoney(m.churned))
        }
    }
}
