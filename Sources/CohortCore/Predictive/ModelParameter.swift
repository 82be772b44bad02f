/// The parameters of the predictive models, for warnings about one of them.
public enum ModelParameter: String, Sendable, Codable, Equatable, CaseIterable {
    case r, alpha, a, b, p, q, v

    /// A fitted value outside this range is reported as at its limit.
    public static let plausibleRange: ClosedRange<Double> = 1e-6 ... 1e6
}
