/// The KPIs on a report's headline cards, in the order shown.
public enum HeadlineKPI: String, Sendable, CaseIterable, Codable {
    case customerRetentionRate12 = "crr_12"
    case customerRetentionRate = "crr"
    case churnRate = "churn_rate"
    case netRevenueRetention12 = "nrr_12"
    case grossRevenueRetention12 = "grr_12"
    case newCustomers = "new_customers"
    case reactivatedCustomers = "reactivated_customers"
    case averageOrderValue = "aov"
    case repeatPurchaseRate12 = "repeat_purchase_rate"
    case customerLifetimeValue = "clv"

    public enum Unit: Sendable { case percent, count, money }

    public var unit: Unit {
        switch self {
        case .customerRetentionRate12, .customerRetentionRate, .churnRate, .netRevenueRetention12, .grossRevenueRetention12, .repeatPurchaseRate12: return .percent
        case .newCustomers, .reactivatedCustomers: return .count
        case .averageOrderValue, .customerLifetimeValue: return .money
        }
    }

    /// False for KPIs where less is better (churn).
    public var higherIsBetter: Bool { self != .churnRate }

    public func value(in kpi: PeriodKPIs) -> Double? {
        switch self {
        case .customerRetentionRate12: return kpi.customerRetentionRate12.value
        case .customerRetentionRate: return kpi.customerRetentionRate.value
        case .churnRate: return kpi.churnRate.value
        case .netRevenueRetention12: return kpi.netRevenueRetention12.value
        case .grossRevenueRetention12: return kpi.grossRevenueRetention12.value
        case .newCustomers: return Double(kpi.customers.new)
        case .reactivatedCustomers: return Double(kpi.customers.reactivated)
        case .averageOrderValue: return kpi.averageOrderValue.value
        case .repeatPurchaseRate12: return kpi.repeatPurchaseRate12.value
        case .customerLifetimeValue: return kpi.customerLifetimeValue.value
        }
    }
}

/// Targets per headline KPI (fractions for rates, currency units for money); METRICS.md:
/// a CRR over 12 months of 85 % by default.
public struct KPITargets: Sendable, Equatable {
    public var values: [HeadlineKPI: Double]

    public init(_ values: [HeadlineKPI: Double] = [.customerRetentionRate12: 0.85]) {
        self.values = values
    }

    /// Where `value` stands against the target of `kpi`: within 5 % of it is "warning".
    public func status(of kpi: HeadlineKPI, _ value: Double?) -> TrafficLight {
        guard let target = values[kpi], let value else { return .none }
        let ratio = target == 0 ? (value == 0 ? 1 : .infinity) : value / target
        if kpi.higherIsBetter {
            return ratio >= 1 ? .good : ratio >= 0.95 ? .warning : .bad
        }
        return ratio <= 1 ? .good : ratio <= 1.05 ? .warning : .bad
    }
}

/// The state of a KPI against its target, as a CSS class and a symbol that also reads without color.
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
