/// Why predictive CLV cannot be computed. Facts only: the renderers turn them into sentences.
public enum PredictiveError: Error, Equatable, Sendable {
    /// No customer made a purchase on or before the as-of date.
    case noCustomers
    /// No customer bought on a second day, so the BG/NBD model has nothing to learn purchase
    /// rates or drop-out from (its likelihood has no maximum).
    case noRepeatPurchases
    /// The summary at this index (0-based, in the input) contradicts itself or the as-of date.
    case invalidPurchaseSummary(index: Int, PurchaseSummary.Problem)
    /// The (x, t_x, T) pattern at this index is impossible: x < 0, t_x < 0, t_x > T, a time
    /// not finite, x > 0 with t_x = 0, or a count below 1.
    case invalidPattern(index: Int)
    /// A repeat buyer's mean order value at this index is not a positive finite number.
    case invalidOrderValue(index: Int)
    /// The prediction horizon must be finite and not negative (weeks).
    case invalidHorizon(Double)
    /// Gross margin must be between 0 and 1.
    case invalidGrossMargin(Double)
}
