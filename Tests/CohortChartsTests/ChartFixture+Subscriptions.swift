import CohortCharts
import CohortCore
import CohortIngest
import CohortSample
import Foundation

extension ChartFixture {
    /// Orders, contracts and NPS answers of one sample (400 customers over 30 months), analysed as a report does:
    /// for the MRR and churn-after-answer charts and the NPS column of the retention heat map.
    static let subscriptions: CohortAnalysis = {
        let options = SampleOptions(customers: 400, months: 30, startYear: 2024, startMonth: 1, seed: 11)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-chart-fixture-\(UUID().uuidString)")
        // The sample always writes and reads; a failure here is a broken fixture, not a test result.
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = SubscriptionSample(options: options)
        let contractsFile = folder.appendingPathComponent("contracts.csv"), answersFile = folder.appendingPathComponent("nps.csv")
        try! Data(sample.contractsCSV()).write(to: contractsFile)
        try! Data(sample.answersCSV()).write(to: answersFile)
        let orders = try! OrderReader().read(bytes: SampleGenerator(options: options).generateBytes(), source: "sample.csv")
        let contracts = try! ContractReader(options: ReadOptions()).read(sources: [contractsFile.path])
        let answers = try! AnswerReader(options: ReadOptions()).read(sources: [answersFile.path])
        var analysis = try! CohortAnalysis(table: orders.table, options: AnalysisOptions(asOf: CivilDate(year: 2026, month: 6, day: 30)))
        analysis.contracts = try! ContractAnalysisBuilder(contracts: contracts.table, asOf: analysis.asOf).build()
        analysis.satisfaction = try! SatisfactionBuilder(table: orders.table, analysis: analysis, answers: answers.table).build()
        return analysis
    }()

    /// The renderer a chart's approved image is drawn with: the subscription fixture for the contract and NPS charts.
    static func renderer(for kind: ChartKind) -> ChartRenderer {
        switch kind {
        case .mrr, .npsChurn: return ChartRenderer(analysis: subscriptions, style: style)
        default: return renderer
        }
    }
}
