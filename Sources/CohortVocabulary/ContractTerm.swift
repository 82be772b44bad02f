/// The metrics of METRICS.md's "Subscriptions and contracts" and "Satisfaction" that a report
/// with contracts or survey answers explains in its glossary (`ContractVocabulary.glossary(_:)`).
public enum ContractTerm: String, Sendable, CaseIterable {
    case mrr
    case arr
    case mrrMovements
    case renewalRate
    case mrrRenewalRate
    case nps
    case churnAfterAnswer

    /// The terms of the contracts view, and of the satisfaction view.
    public static let contracts: [ContractTerm] = [.mrr, .arr, .mrrMovements, .renewalRate, .mrrRenewalRate]
    public static let satisfaction: [ContractTerm] = [.nps, .churnAfterAnswer]
}
