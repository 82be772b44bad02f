/// Something an analyst should know before trusting a predictive CLV result. Facts only.
public enum PredictiveWarning: Sendable, Codable, Equatable {
    /// The BG/NBD optimiser stopped after this many iterations without meeting its tolerance
    /// (from every starting point); the best parameters found are used.
    case bgnbdNotConverged(iterations: Int)
    /// The Gamma-Gamma optimiser did not converge; no order values are predicted.
    case gammaGammaNotConverged(iterations: Int)
    /// A fitted parameter ran towards 0 or infinity (outside 10^±6): the data do not pin it
    /// down, and the model degenerates (for example into a Poisson or a no-drop-out model).
    case parameterAtLimit(ModelParameter, value: Double)
    /// Gamma-Gamma needs q > 1 for a finite mean order value; no order values are predicted.
    case gammaGammaQNotAboveOne(q: Double)
    /// Too few repeat buyers to fit Gamma-Gamma (fewer than `GammaGammaFit.minimumRepeatBuyers`).
    case tooFewRepeatBuyers(Int)
    /// The correlation of frequency x and mean order value m over repeat buyers is above 0.3;
    /// Gamma-Gamma assumes they are independent.
    case frequencyValueCorrelation(Double)
    /// This many customers first bought after the as-of date: left out of the fit, with
    /// P(alive) and expected purchases 0 and no order value or CLV.
    case customersAfterAsOf(Int)
    /// For this many customers the expected purchases could not be computed to full precision
    /// (neither the series nor the quadrature met its tolerance); the best estimate is used.
    case expectedPurchasesImprecise(customers: Int)
}

