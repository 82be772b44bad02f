import CohortCore
import CohortIngest
import Foundation

extension ReportJob {
    /// Everything read for one report: the orders (or, with contracts alone, the revenue rows made
    /// from the contracts' MRR), the contracts and the survey answers.
    public struct Inputs: Sendable {
        public var orders: OrderReadResult
        public var contracts: ContractReadResult?
        public var answers: AnswerReadResult?
        /// True when no order file was given: `orders` are the contracts' revenue rows.
        public var ordersFromContracts: Bool

        /// One account of every file read, for the report's data quality and rejected.csv.
        public var summary: InputSummary {
            var summary = orders.inputSummary
            if let contracts, !ordersFromContracts { summary = summary.adding(contracts.inputSummary) }
            if let answers { summary = summary.adding(answers.inputSummary) }
            return summary
        }

        /// Data rows read from every file.
        public var rowsRead: Int { summary.rowsRead }
    }

    /// Reads the orders, the contracts and the answers; with contracts and no orders, the orders are
    /// the contracts' revenue rows as of `--as-of` or the latest contract start (METRICS.md, "cohort's reading").
    public func readInputs() throws -> Inputs {
        let subscriptions = options.subscriptions
        guard !options.inputs.isEmpty || subscriptions.contracts.isEmpty else {
            events?(.phase(.reading))
            let contracts = try readContracts()
            let answers = try readAnswers()
            guard options.analysis.period == .month else { throw ContractError.periodNotMonthly(options.analysis.period) }
            guard let asOf = options.analysis.asOf ?? contracts.table.latestStart.map({ CivilDate(dayNumber: $0) }) else { throw AnalysisError.noRows }
            let table = try contracts.table.revenueTable(asOf: asOf)
            var orders = OrderReadResult(table: table, rejected: contracts.rejected, rowsRead: contracts.rowsRead, sources: contracts.sources,
                                         formats: contracts.formats)
            try joinSegments(&orders) // --segment-by columns the contracts lack, from --customers
            return Inputs(orders: orders, contracts: contracts, answers: answers, ordersFromContracts: true)
        }
        let orders = try read()
        let contracts = subscriptions.contracts.isEmpty ? nil : try readContracts()
        let answers = try readAnswers()
        return Inputs(orders: orders, contracts: contracts, answers: answers, ordersFromContracts: false)
    }

    /// The analysis options for `inputs`: the report's currency; with contracts alone, the as-of date
    /// resolved from them and a churn window of one month unless one is given.
    public func analysisOptions(for inputs: Inputs) -> AnalysisOptions {
        var analysis = options.analysis
        analysis.currency = options.look.currency
        if inputs.ordersFromContracts {
            analysis.asOf = analysis.asOf ?? inputs.contracts?.table.latestStart.map { CivilDate(dayNumber: $0) }
            analysis.churnWindow = analysis.churnWindow ?? 1
        }
        return analysis
    }

    /// Adds the contracts view and the satisfaction view to an analysis of `inputs.orders`.
    /// Adds the contracts' view (MRR, renewals) to the analysis of the orders.
    func complete(_ analysis: inout CohortAnalysis, with contracts: ContractReadResult?, ordersFromContracts: Bool = false) throws {
        guard let contracts else { return }
        var view = try ContractAnalysisBuilder(contracts: contracts.table, asOf: analysis.asOf, graceDays: options.subscriptions.graceDays).build()
        view.isRevenueSource = ordersFromContracts
        analysis.contracts = analysis.options.customerLists == .none ? view.withoutIDs() : view
    }

    public func complete(_ analysis: inout CohortAnalysis, with inputs: Inputs) throws {
        try complete(&analysis, with: inputs.contracts, ordersFromContracts: inputs.ordersFromContracts)
        if let answers = inputs.answers {
            var builder = SatisfactionBuilder(table: inputs.orders.table, analysis: analysis, answers: answers.table)
            builder.listedCustomers = analysis.contracts?.upcoming.prefix(Self.listedRenewals).map(\.customer) ?? []
            analysis.satisfaction = try builder.build()
        }
    }

    /// Upcoming renewals whose latest score the analysis keeps.
    static let listedRenewals = 100

    /// Reads the contract files and refuses them as order files are refused (`--strict`, `--max-rejected`).
    public func readContracts() throws -> ContractReadResult {
        let result = try ContractReader(options: options.read, columns: options.subscriptions.contractColumns)
            .read(sources: options.subscriptions.contracts)
        try result.check(strict: options.strict, maxRejectedPercent: options.maxRejectedPercent)
        if let first = result.rejected.first { events?(.rowsSkipped(count: result.rejected.count, of: result.rowsRead, first: first)) }
        return result
    }

    /// Reads the survey answers (nil without answer files).
    public func readAnswers() throws -> AnswerReadResult? {
        guard !options.subscriptions.answers.isEmpty else { return nil }
        let result = try AnswerReader(options: options.read, columns: options.subscriptions.answerColumns).read(sources: options.subscriptions.answers)
        try result.check(strict: options.strict, maxRejectedPercent: options.maxRejectedPercent)
        if let first = result.rejected.first { events?(.rowsSkipped(count: result.rejected.count, of: result.rowsRead, first: first)) }
        return result
    }

    /// Reads the contracts and computes their view as of `--as-of`, or the latest contract start (for `cohort mrr`).
    public func contractView() throws -> ContractAnalysis {
        events?(.phase(.reading))
        let contracts = try readContracts()
        guard let asOf = options.analysis.asOf ?? contracts.table.latestStart.map({ CivilDate(dayNumber: $0) }) else { throw AnalysisError.noRows }
        events?(.phase(.analysing))
        let view = try ContractAnalysisBuilder(contracts: contracts.table, asOf: asOf, graceDays: options.subscriptions.graceDays).build()
        return options.analysis.customerLists == .none ? view.withoutIDs() : view
    }

    /// Reads and analyses the orders or contracts with the contracts and satisfaction views (for `cohort mrr` and `cohort nps`).
    public func analyseWithSubscriptions(includesCustomers: Bool = false) throws -> CohortAnalysis {
        let inputs = try readInputs()
        events?(.phase(.analysing))
        var analysis = try CohortAnalysis(table: inputs.orders.table, options: analysisOptions(for: inputs), input: inputs.summary,
                                          includesCustomers: includesCustomers)
        try complete(&analysis, with: inputs)
        return analysis
    }
}
