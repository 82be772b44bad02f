import CohortCore
import CohortIngest

/// The inputs beside the orders: contract lists and survey answers, their columns, and the
/// grace period of renewals (METRICS.md, "Subscriptions and contracts" and "Satisfaction").
///
///     var options = JobOptions()                       // no order files:
///     options.subscriptions.contracts = ["contracts.csv"] // the whole report runs on MRR
///     options.subscriptions.answers = ["nps.csv"]
public struct SubscriptionInputs: Sendable {
    /// Contract files (CSV or .xlsx; patterns expanded).
    public var contracts: [String]
    /// Survey answer files.
    public var answers: [String]
    public var contractColumns: ContractColumns
    public var answerColumns: AnswerColumns
    /// A renewal may start this many days after the end of the contract it renews (`--grace-days`).
    public var graceDays: Int

    public init(contracts: [String] = [], answers: [String] = [], contractColumns: ContractColumns = ContractColumns(),
                answerColumns: AnswerColumns = AnswerColumns(), graceDays: Int = ContractAnalysis.defaultGraceDays) {
        self.contracts = contracts
        self.answers = answers
        self.contractColumns = contractColumns
        self.answerColumns = answerColumns
        self.graceDays = graceDays
    }
}
