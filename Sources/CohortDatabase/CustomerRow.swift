/// One row of the pushed-down statement (`PushdownStatement.resultColumns`): a customer's sums per
/// period, its purchase days and what was left out, as plain values.
///
/// Day numbers count days since 1970-01-01; money is in minor units.
public struct CustomerRow: Sendable, Equatable {
    /// The customer id as stored (as text); nil for rows without one.
    public var customer: String?
    /// The first and latest day of the customer's rows that have a date and an amount (after the as-of date too).
    public var firstSeen: Int32?
    public var latestDay: Int32?
    /// Rows after the as-of date; rows without a date or amount; amounts with a third decimal.
    public var rowsAfter: Int64 = 0
    public var rowsIncomplete: Int64 = 0
    public var inexact: Int64 = 0
    /// Per period with rows up to the as-of date (absolute period numbers, ascending): rows, net
    /// revenue, positive orders and their value.
    public var periods: [Int32] = []
    public var periodRows: [Int32] = []
    public var periodNet: [Int64] = []
    public var periodOrders: [Int32] = []
    public var periodOrderValue: [Int64] = []
    /// Purchase days (days with positive orders), when the statement sums them.
    public var purchaseDays: Int32 = 0
    public var firstPurchase: Int32?
    public var lastPurchase: Int32?
    /// The daily totals after the first purchase day, summed.
    public var repeatValue: Int64 = 0
    /// The median gap in days (≥ 3 purchase days).
    public var medianGap: Double?
    /// Every gap in days between consecutive purchase days.
    public var gaps: [Int32] = []
    /// Per segment column, the value of the first positive order (nil: none, or NULL).
    public var segments: [String?] = []

    public init(customer: String?) {
        self.customer = customer
    }
}
