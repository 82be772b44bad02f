/// The few figures a report leads with, for the headline period (METRICS.md, "Headline
/// figures"): each with its value one period and one year earlier, or why it is missing.
public struct Headline: Sendable, Codable, Equatable {
    /// Index into `CohortAnalysis.periods` of the headline period.
    public var period: Int
    /// In the order of `HeadlineKey.allCases`.
    public var figures: [HeadlineFigure]

    public init(period: Int, figures: [HeadlineFigure]) {
        self.period = period
        self.figures = figures
    }

    public subscript(key: HeadlineKey) -> HeadlineFigure? { figures.first { $0.key == key } }
}

/// One headline figure. Ratios are fractions (0.853), money is in currency units, counts are counts.
public struct HeadlineFigure: Sendable, Codable, Equatable {
    public var key: HeadlineKey
    /// At the headline period t; nil when it cannot be computed (see `missing`).
    public var value: Double?
    /// At t − 1.
    public var previous: Double?
    /// At t − one year (12 months, 4 quarters, 52 weeks).
    public var yearAgo: Double?
    /// NRR, GRR: the window in periods the figure is taken over (a year when two years exist);
    /// CLV: the ages it covers (a year when three cohorts have a complete first year).
    public var span: Int?
    /// Why `value` is nil.
    public var missing: MissingFigure?

    public init(key: HeadlineKey, value: Double?, previous: Double? = nil, yearAgo: Double? = nil, span: Int? = nil,
                missing: MissingFigure? = nil) {
        self.key = key
        self.value = value
        self.previous = previous
        self.yearAgo = yearAgo
        self.span = span
        self.missing = missing
    }
}

/// The headline figures, by the keys scripts and the configuration use.
public enum HeadlineKey: String, Sendable, Codable, CaseIterable {
    case activeCustomers = "active_customers"
    case churnRate = "churn_rate"
    case customersKept = "customers_kept"
    case revenue
    case nrr
    case grr
    case clv12m = "clv_12m"
    case averageOrderValue = "average_order_value"

    public enum Unit: Sendable { case percent, count, money }

    public var unit: Unit {
        switch self {
        case .activeCustomers: return .count
        case .churnRate, .customersKept, .nrr, .grr: return .percent
        case .revenue, .clv12m, .averageOrderValue: return .money
        }
    }

    /// False where less is better (churn).
    public var higherIsBetter: Bool { self != .churnRate }
}

/// Why a headline figure cannot be computed.
public enum MissingFigure: Sendable, Codable, Equatable {
    /// The figure needs this many periods of orders up to the headline period, and there are `present`.
    case needsPeriods(needed: Int, present: Int)
    /// Nobody was live at the start of the period (no churn to measure).
    case noCustomersAtStart
    /// No order with a positive amount in the period.
    case noOrders
    /// No customer bought in the window before (NRR, GRR have no base).
    case noBaseRevenue
    /// Fewer than three cohorts have a complete period after acquisition.
    case needsCohorts(needed: Int, present: Int)
}

/// Targets per headline figure (fractions for rates, currency units for money).
public struct KPITargets: Sendable, Equatable {
    public var values: [HeadlineKey: Double]

    public init(_ values: [HeadlineKey: Double] = [:]) {
        self.values = values
    }

    /// Where `value` stands against the target of `key`: within 5 % of it is "warning".
    public func status(of key: HeadlineKey, _ value: Double?) -> TrafficLight {
        guard let target = values[key], let value else { return .none }
        let ratio = target == 0 ? (value == 0 ? 1 : .infinity) : value / target
        if key.higherIsBetter {
            return ratio >= 1 ? .good : ratio >= 0.95 ? .warning : .bad
        }
        return ratio <= 1 ? .good : ratio <= 1.05 ? .warning : .bad
    }
}

/// The state of a figure against its target, as a CSS class and a symbol that also reads without color.
public enum TrafficLight: String, Sendable {
    case good, warning, bad, none

    public var symbol: String {
        switch self {
        case .good: return "●"
        case .warning: return "◐"
        case .bad: return "○"
        case .none: return ""
        }
    }
}
