import ArgumentParser
import CohortCore
import CohortIngest
import CohortJob

/// The columns of contract and survey files, and the grace period of renewals; shared by `report`, `mrr` and `nps`.
struct SubscriptionColumnFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Days after a contract's end within which a new contract still counts as its renewal (default: 30).",
                               valueName: "days"))
    var graceDays: Int?

    @Option(help: ArgumentHelp("Contracts: column with the first day covered (default: detected, e.g. start, Vertragsbeginn).", valueName: "name"))
    var startColumn: String?

    @Option(help: ArgumentHelp("Contracts: column with the last day covered, empty for a running contract (default: detected, e.g. end, Vertragsende).",
                               valueName: "name"))
    var endColumn: String?

    @Option(help: ArgumentHelp("Contracts: column with the monthly recurring revenue (default: detected, e.g. MRR, monatlicher Betrag).", valueName: "name"))
    var mrrColumn: String?

    @Option(help: ArgumentHelp("Contracts: column with the contract id (default: detected, e.g. contract_id, Vertragsnummer).", valueName: "name"))
    var contractColumn: String?

    @Option(help: ArgumentHelp("Survey answers: column with the score from 0 to 10 (default: detected, e.g. score, Bewertung).", valueName: "name"))
    var scoreColumn: String?

    func validate() throws {
        if let graceDays, graceDays < 0 { throw ValidationError("--grace-days must be 0 or more.") }
    }

    func apply(to options: inout JobOptions) {
        var subscriptions = options.subscriptions
        subscriptions.graceDays = graceDays ?? subscriptions.graceDays
        subscriptions.contractColumns.start = startColumn ?? subscriptions.contractColumns.start
        subscriptions.contractColumns.end = endColumn ?? subscriptions.contractColumns.end
        subscriptions.contractColumns.mrr = mrrColumn ?? subscriptions.contractColumns.mrr
        subscriptions.contractColumns.contract = contractColumn ?? subscriptions.contractColumns.contract
        subscriptions.answerColumns.score = scoreColumn ?? subscriptions.answerColumns.score
        options.subscriptions = subscriptions
    }
}

/// `--contracts` and `--nps` of `cohort report`: the files beside (or instead of) the orders.
struct SubscriptionFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Contract list, CSV or .xlsx, with customer, start, end and MRR; repeatable. Without order files the whole report runs on MRR.",
                               valueName: "file"))
    var contracts: [String] = []

    @Option(help: ArgumentHelp("Survey answers, CSV or .xlsx, with customer, date and score 0–10; repeatable: NPS and whether detractors leave.",
                               valueName: "file"))
    var nps: [String] = []

    @OptionGroup var columns: SubscriptionColumnFlags

    func apply(to options: inout JobOptions) {
        if !contracts.isEmpty { options.subscriptions.contracts = contracts }
        if !nps.isEmpty { options.subscriptions.answers = nps }
        columns.apply(to: &options)
    }
}
