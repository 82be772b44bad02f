/// How the number of live customers moved in one period.
///
/// METRICS.md: E_t = S_t + N_t + R_t − C_t, where S_t is live at the end of t−1
/// and E_t live at the end of t under the churn window.
public struct CustomerBridge: Sendable, Codable, Equatable {
    /// S_t: live at the end of t−1.
    public var start: Int
    /// N_t: customers whose cohort is t.
    public var new: Int
    /// R_t: active in t, not live at the end of t−1, not new.
    public var reactivated: Int
    /// C_t: live at the end of t−1, not live at the end of t.
    public var churned: Int
    /// E_t: live at the end of t.
    public var end: Int

    public init(start: Int, new: Int, reactivated: Int, churned: Int, end: Int) {
        self.start = start
        self.new = new
        self.reactivated = reactivated
        self.churned = churned
        self.end = end
    }

    /// True when E = S + N + R − C.
    public var balances: Bool { end == start + new + reactivated - churned }
}
