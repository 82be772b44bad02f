import CohortCharts
import CohortCore
import CohortVocabulary

/// "Customers to act on" as a report shows it: who is at risk and what is at stake, who is
/// lost, who came back, and what the model expects.
public struct CustomerSection: Sendable {
    public let title: String
    /// How many are at risk, with how much revenue at stake; lost and won back.
    public let summary: String
    /// What the predicted CLV means, or why there is none.
    public let prediction: String
    /// The model's parameters and warnings, for an analyst to judge the fit.
    public let modelFit: String
    public let chart: ChartReference?
    /// The full lists beside the report, or that they are left out.
    public let listsNote: String
    public let atRisk: CustomerTable
    public let lost: CustomerTable
    public let wonBack: CustomerTable
}

/// A table of customers, or the sentence saying there is none.
public struct CustomerTable: Sendable {
    public let heading: String
    public let columns: [String]
    public let rows: [[String]]
    public let hasRows: Bool
    /// "No customer is at risk." when there are no rows.
    public let empty: String
    /// The Markdown delimiter row: `|---|---|---|---:|…` (id, cohort and date left, numbers right).
    public let rule: String
}

extension ReportModel {
    /// Rows of each customer table in the report (the CSVs hold everyone).
    static let customerRows = 20

    static func customerSection(_ analysis: CohortAnalysis, text: ReportText, chart: ChartReference?, format: Format) -> CustomerSection? {
        guard let customers = analysis.customers, let summary = text.customerSummary(analysis) else { return nil }
        let words = text.words, labels = words.customerWords()
        func probability(_ value: Double?) -> String { value.map { words.percent($0, places: 0) } ?? "–" }
        func clv(_ value: Double?) -> String { value.map { words.money($0, currency: text.currency) } ?? "–" }
        func table(_ heading: String, _ records: [CustomerRecord], empty: String, _ kind: CustomerStatus) -> CustomerTable {
            let common = [labels.customer, labels.cohort, labels.lastOrder, labels.daysSince]
            let columns: [String]
            switch kind {
            case .atRisk: columns = common + [labels.usualGap, labels.atStake, labels.probabilityAlive, labels.predictedCLV]
            case .lost: columns = common + [labels.orders, labels.lifetimeRevenue, labels.probabilityAlive]
            default: columns = common + [labels.orders, labels.revenue12m, labels.probabilityAlive, labels.predictedCLV]
            }
            let scores = analysis.satisfaction
            let rows = records.prefix(customerRows).map { record -> [String] in
                let common = [format.escape(record.id), record.cohort, words.longDate(record.lastOrder), words.count(record.daysSinceLastOrder)]
                let orders = words.count(record.positiveOrders), alive = probability(record.probabilityAlive)
                // The latest NPS score, when there are survey answers (METRICS.md, "Satisfaction").
                let score = scores.map { [$0.latestScore(of: record.id).map { String($0.score) } ?? "–"] } ?? []
                switch kind {
                case .atRisk:
                    // At stake is the revenue of the last 12 months (METRICS.md), so that column is not repeated.
                    return common + [record.expectedGapDays.map { words.decimal($0, places: 0) } ?? "–",
                                     record.revenueAtStake.map(text.money) ?? "–", alive, clv(record.predictedCLV12m)] + score
                case .lost: return common + [orders, text.money(record.revenueLifetime), alive] + score
                default: return common + [orders, text.money(record.revenue12m), alive, clv(record.predictedCLV12m)] + score
                }
            }
            let shown = columns + (scores == nil ? [] : [words.contractWords().latestScore])
            return CustomerTable(heading: heading, columns: shown, rows: rows, hasRows: !rows.isEmpty, empty: empty,
                                 rule: ReportTable.rule(columns: shown.count, leftColumns: 3))
        }
        let prediction = customers.prediction
        let observed = analysis.headline?[.clv12m]?.value.map { words.money($0, currency: text.currency) }
        return CustomerSection(
            title: labels.title, summary: format.escape(summary),
            prediction: format.escape(words.predictionSentence(
                customers: prediction?.customers ?? analysis.dataQuality.customersAnalyzed,
                total: prediction?.totalPredictedCLV.map { words.money($0, currency: text.currency) },
                perCustomer: prediction?.meanPredictedCLV.map { words.money($0, currency: text.currency) },
                observedFirstYear: observed, problem: customers.predictionProblem)),
            modelFit: format.escape(prediction.map { modelFit($0, words: words) } ?? ""),
            chart: customers.count(.atRisk) > 0 ? chart : nil, listsNote: customers.listsIncluded ? labels.fullLists : labels.listsLeftOut,
            atRisk: table(labels.atRiskHeading, customers.atRisk, empty: customers.listsIncluded ? labels.noneAtRisk : "", .atRisk),
            lost: table(labels.lostHeading, customers.lost, empty: customers.listsIncluded ? labels.noneLost : "", .lost),
            wonBack: table(labels.wonBackHeading, customers.wonBack, empty: customers.listsIncluded ? labels.noneWonBack : "", .wonBack))
    }

    /// The fit's parameters, log-likelihoods and data, then its warnings.
    private static func modelFit(_ prediction: PredictionSummary, words: any Vocabulary) -> String {
        func number(_ value: Double, _ places: Int = 3) -> String { words.decimal(value, places: places) }
        let p = prediction.bgnbd.parameters
        let bgnbd = "r = \(number(p.r)), α = \(number(p.alpha)), a = \(number(p.a)), b = \(number(p.b))"
        let gammaGamma = prediction.gammaGamma.map { "p = \(number($0.parameters.p)), q = \(number($0.parameters.q)), v = \(number($0.parameters.v))" }
        let fit = words.modelFit(bgnbd: bgnbd, bgnbdLikelihood: number(prediction.bgnbd.logLikelihood, 1), gammaGamma: gammaGamma,
                                 gammaGammaLikelihood: prediction.gammaGamma.map { number($0.logLikelihood, 1) }, customers: prediction.customers,
                                 repeatBuyers: prediction.repeatBuyers, correlation: prediction.frequencyValueCorrelation.map { number($0, 2) })
        return ([fit] + prediction.warnings.map { words.warningLine(words.describe($0)) }).joined(separator: " ")
    }
}
