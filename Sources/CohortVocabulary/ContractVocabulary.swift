import CohortCore
import CohortIngest

/// The words of contracts, renewals and survey answers (METRICS.md, "Subscriptions and contracts"
/// and "Satisfaction"), in one language: why a contract or answer row was set aside, what went
/// wrong, and the sentences, labels and glossary of the report's contracts and satisfaction
/// sections. Part of `Vocabulary`; each language implements it in `<Language>+Contracts.swift`.
///
///     Language.german.words.contractWords().renewalRate   // "Verlängerungsrate"
public protocol ContractVocabulary {
    // MARK: Input and errors

    /// Why a contract or answer row was set aside (`.endBeforeStart`, `.negativeMRR`, `.emptyScore`, `.notAScore`).
    func contractReason(_ reason: RejectReason) -> String
    /// The field a contract or answer column holds, for messages: "the contract start" / "den Vertragsbeginn".
    func contractRoleName(_ role: ColumnRole) -> String
    func describe(_ error: ContractError) -> String

    // MARK: Report

    func contractWords() -> ContractWords
    /// "At the end of September 2026, 412 customers had contracts with €123,456 of MRR (ARR €1,481,472)."
    func mrrSentence(period: String, customers: Int, mrr: String, arr: String) -> String
    /// "September 2026: +€3,210 new, +€1,000 expansion, +€300 won back, −€800 contraction, −€2,100 churned."
    func mrrMovementSentence(period: String, new: String, expansion: String, reactivation: String, contraction: String, churned: String) -> String
    /// "45 of 52 contracts due in September 2026 were renewed (86.5 %; by MRR 88.0 %), …"; `due` 0: none was due.
    func renewalSentence(period: String, renewed: Int, due: Int, rate: String, mrrRate: String, graceDays: Int, open: Int) -> String
    /// "12 contracts with €12,345 of MRR come up for renewal in the next 90 days; 3 of them are renewed already."
    func upcomingSentence(count: Int, mrr: String, days: Int, agreed: Int) -> String
    /// "NPS over the 1,234 answers up to 31 October 2026: +23.4 (45 % promoters, 33 % passives, 22 % detractors)."
    func npsSentence(answers: Int, asOf: String, nps: String, promoters: String, passives: String, detractors: String) -> String
    /// "September 2026: +25.0 from 80 answers."
    func npsPeriodSentence(period: String, nps: String, answers: Int) -> String
    /// Whether detractors churn more than promoters, only as far as the 95 % intervals allow saying so.
    func findingSentence(_ finding: SatisfactionFinding, detractors: String, promoters: String, followed: Int, _ kind: PeriodKind) -> String
    /// "Promoters (9–10)".
    func npsGroupName(_ group: NPSGroup) -> String
    /// The churn-after-answer chart: title, axis, caption.
    var npsChurnTitle: String { get }
    var churnedWithinYear: String { get }
    func npsChurnCaption(followed: Int, _ kind: PeriodKind) -> String
    /// The chart's alternative text: "Churned within the 12 months after the latest answer: promoters 63.4% (n = 93), …".
    func npsChurnDescription(promoters: String, passives: String, detractors: String, followed: Int, _ kind: PeriodKind) -> String
    /// "n = 123 customers".
    func followedCount(_ count: Int) -> String
    /// The MRR movements chart's title and the unit line above its axis.
    var mrrChartTitle: String { get }
    var mrrChartCaption: String { get }
    /// The MRR chart's net line, and its summary of the latest month: "Oct 26: MRR €370,819 → €382,837 (net +€12,018)".
    var mrrNetChange: String { get }
    func mrrSummary(_ period: String, start: String, end: String, net: String) -> String
    /// A headline card's label in a report made from contracts alone ("MRR" for revenue); nil: as with orders.
    func mrrHeadlineLabel(_ key: HeadlineKey) -> String?
    /// Data-quality lines: "Contracts: 1,234 contracts of 567 customers (grace period 30 days)."
    func contractsLine(contracts: Int, customers: Int, graceDays: Int) -> String
    func answersLine(answers: Int, outside: Int, unknownCustomers: Int) -> String
    /// A chart subtitle part in a report made from contracts alone: "MRR from contracts".
    var mrrFromContracts: String { get }
    /// A term of the contracts and satisfaction glossary.
    func glossary(_ term: ContractTerm) -> (name: String, definition: String)
}
