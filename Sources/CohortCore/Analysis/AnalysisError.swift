/// Why an analysis cannot be computed from the given table and options.
public enum AnalysisError: Error, Equatable, CustomStringConvertible {
    case noRows
    case noRowsUpToAsOf(asOf: CivilDate)
    case noPositiveOrders
    case invalidChurnWindow(Int)
    case invalidGrossMargin(Double)

    public var description: String {
        switch self {
        case .noRows:
            return "the input has no order rows"
        case .noRowsUpToAsOf(let asOf):
            return "no order is dated on or before the as-of date \(asOf)"
        case .noPositiveOrders:
            return "no customer has an order with a positive amount, so there is no cohort to report"
        case .invalidChurnWindow(let window):
            return "churn window must be 1 or more periods, not \(window)"
        case .invalidGrossMargin(let margin):
            return "gross margin must be between 0 and 1 (0.35 = 35 %), not \(margin)"
        }
    }
}
