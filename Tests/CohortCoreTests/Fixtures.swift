import CohortCore
import Testing

// Small fixtures built in code, and the helpers every test file uses.
//
// Expected numbers in the tests are worked out by hand from METRICS.md; the
// arithmetic sits in a comment next to each assertion.

// MARK: - Building tables

/// Days since 1970-01-01 of an ISO date written in a fixture.
func day(_ iso: String) -> Int {
    guard let date = CivilDate(iso: iso) else { preconditionFailure("fixture date '\(iso)' is not YYYY-MM-DD") }
    return date.dayNumber
}

/// An exact amount written in a fixture ("12.50", "-30.00").
func money(_ text: String) -> Money {
    guard let amount = Money(decimal: text) else { preconditionFailure("fixture amount '\(text)' is not a decimal") }
    return amount
}

/// A table without an order column: every row is its own order.
///
///     orders(("A", "2026-01-05", "100.00"), ("A", "2026-02-01", "-20.00"))
func orders(_ rows: (customer: String, date: String, amount: String)...) -> OrderTable {
    orders(rows)
}

/// The same for rows built in a loop.
func orders(_ rows: [(customer: String, date: String, amount: String)]) -> OrderTable {
    var table = OrderTable()
    for row in rows {
        let customer = table.internCustomer(row.customer)
        table.append(customer: customer, day: day(row.date), amount: money(row.amount).minorUnits, order: nil)
    }
    return table
}

/// A table with an order column: rows of one customer sharing an order id are one order.
///
/// Order ids are interned over the whole table, as ingestion does, so the same id
/// text under two customers gets the same number (and must still be two orders).
///
///     orderLines(("A", "2026-01-05", "100.00", "o1"), ("A", "2026-01-05", "-30.00", "o1"))
func orderLines(_ rows: (customer: String, date: String, amount: String, order: String)...) -> OrderTable {
    var table = OrderTable(hasOrderColumn: true)
    var orderNumber: [String: Int32] = [:]
    for row in rows {
        let customer = table.internCustomer(row.customer)
        let order: Int32
        if let known = orderNumber[row.order] {
            order = known
        } else {
            order = Int32(orderNumber.count)
            orderNumber[row.order] = order
        }
        table.append(customer: customer, day: day(row.date), amount: money(row.amount).minorUnits, order: order)
    }
    return table
}

/// Runs the analysis with the options spelled out at the call site.
func analyse(_ table: OrderTable, _ period: PeriodKind = .month, asOf: String? = nil,
             churnWindow: Int = 1, grossMargin: Double? = nil) throws -> CohortAnalysis {
    let options = AnalysisOptions(period: period, asOf: asOf.map { CivilDate(iso: $0)! },
                                  churnWindow: churnWindow, grossMargin: grossMargin)
    return try CohortAnalysis(table: table, options: options)
}

// MARK: - Comparing

/// True when a ratio equals `expected` within a relative tolerance; `nil` means "empty".
func close(_ ratio: Ratio, _ expected: Double?, tolerance: Double = 1e-9) -> Bool {
    switch (ratio.value, expected) {
    case (nil, nil):
        return true
    case let (actual?, expected?):
        return abs(actual - expected) <= tolerance * max(1, abs(expected))
    default:
        return false
    }
}

extension CohortAnalysis {
    /// The cohort row labelled `2026-01`, `2026-W01` or `2026-Q1`.
    func cohortRow(labelled label: String) -> CohortRow? {
        cohorts.first { $0.label == label }
    }

    /// The period KPIs of the period labelled `label`.
    func kpis(labelled label: String) -> PeriodKPIs? {
        kpis.first { $0.label == label }
    }
}

// MARK: - The shop fixture

/// Five customers over January to April 2026, with refunds, refund-only months,
/// orders on the first and last day of a month and reactivations after a gap.
///
/// | customer | rows |
/// |---|---|
/// | A | 2026-01-01 +100 (first day) · 2026-02-28 +50 (last day) · 2026-04-10 +80 |
/// | B | 2026-01-31 +200 (last day) · 2026-02-01 −20 (refund only, first day) · 2026-03-15 +60 |
/// | C | 2026-01-15 +40 · 2026-01-20 −10 (refund in the same month) |
/// | D | 2026-02-10 +120 · 2026-03-01 −30 (refund only, first day) · 2026-04-30 +90 (last day) |
/// | E | 2026-02-20 +70 · 2026-04-01 +70 |
///
/// Worked out once by hand (net revenue per month; x = max(0, net); active = a positive order):
///
/// | customer | Jan | Feb | Mar | Apr | active in | cohort |
/// |---|---|---|---|---|---|---|
/// | A | 100 | 50 | 0 | 80 | Jan Feb Apr | Jan |
/// | B | 200 | −20 (x 0) | 60 | 0 | Jan Mar | Jan |
/// | C | 30 | 0 | 0 | 0 | Jan | Jan |
/// | D | – | 120 | −30 (x 0) | 90 | Feb Apr | Feb |
/// | E | – | 70 | 0 | 70 | Feb Apr | Feb |
///
/// Cohort 2026-01 = {A, B, C} (n = 3), cohort 2026-02 = {D, E} (n = 2); 13 rows.
/// Latest order 2026-04-30 is the last day of April, so no period is partial by default.
/// Positive orders: Jan A100 B200 C40 (3, total 340) · Feb A50 D120 E70 (3, total 240)
/// · Mar B60 (1, total 60) · Apr A80 D90 E70 (3, total 240).
let shop = orders(
    ("A", "2026-01-01", "100.00"), ("A", "2026-02-28", "50.00"), ("A", "2026-04-10", "80.00"),
    ("B", "2026-01-31", "200.00"), ("B", "2026-02-01", "-20.00"), ("B", "2026-03-15", "60.00"),
    ("C", "2026-01-15", "40.00"), ("C", "2026-01-20", "-10.00"),
    ("D", "2026-02-10", "120.00"), ("D", "2026-03-01", "-30.00"), ("D", "2026-04-30", "90.00"),
    ("E", "2026-02-20", "70.00"), ("E", "2026-04-01", "70.00")
)
