/// Why contracts or survey answers cannot be analysed as asked (the vocabulary words it).
public enum ContractError: Error, Equatable, Sendable {
    /// No contract starts on or before the as-of date.
    case noContractsUpToAsOf(asOf: CivilDate)
    /// Contracts are monthly: a report made from contracts alone has monthly periods.
    case periodNotMonthly(PeriodKind)
    /// `--grace-days` below 0.
    case invalidGraceDays(Int)
}
