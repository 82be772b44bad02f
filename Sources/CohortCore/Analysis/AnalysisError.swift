/// Why an analysis cannot be computed from the given table and options (the vocabulary words it).
public enum AnalysisError: Error, Equatable {
    case noRows
    case noRowsUpToAsOf(asOf: CivilDate)
    case noPositiveOrders
    case invalidChurnWindow(Int)
    case invalidGrossMargin(Double)
    /// The amounts add up (in magnitude) to more than `Int64` minor units hold, so some sum of them could not be exact.
    case amountTotalTooLarge
}
