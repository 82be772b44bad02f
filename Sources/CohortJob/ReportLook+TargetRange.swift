import CohortCore
import Foundation

extension ReportLook {
    /// The values a target can take: rates (churn, customers kept, GRR, CRR) from 0 to 1, NRR
    /// from 0 to 10 (it exceeds 1 when customers spend more), money and counts from 0; nil for a
    /// key that names no target.
    public static func targetRange(_ key: String) -> TargetRange? {
        switch key {
        case "crr_12", "grr_12", HeadlineKey.churnRate.rawValue, HeadlineKey.customersKept.rawValue, HeadlineKey.grr.rawValue:
            return .fraction
        case "nrr_12", HeadlineKey.nrr.rawValue:
            return .fractionUpTo(10)
        case "aov", HeadlineKey.activeCustomers.rawValue, HeadlineKey.revenue.rawValue, HeadlineKey.clv12m.rawValue,
             HeadlineKey.averageOrderValue.rawValue:
            return .nonNegative
        default:
            return nil
        }
    }

    /// `value` when it is a finite number in the range of target `key`, else nil.
    public static func targetValue(_ value: Double, for key: String) -> Double? {
        guard let range = targetRange(key), value.isFinite else { return nil }
        switch range {
        case .fraction: return (0 ... 1).contains(value) ? value : nil
        case .fractionUpTo(let maximum): return (0 ... maximum).contains(value) ? value : nil
        case .nonNegative: return value >= 0 ? value : nil
        }
    }

    /// A target as written on the command line: `0.95`, or for rates also `95%`; nil when it is
    /// not a finite number in the range of `key` (`nan`, `inf`, `1.5` for a churn rate).
    public static func targetValue(_ text: String, for key: String) -> Double? {
        guard let range = targetRange(key) else { return nil }
        var number = text.trimmingCharacters(in: .whitespaces), scale = 1.0
        if number.hasSuffix("%"), range != .nonNegative {
            number = String(number.dropLast()).trimmingCharacters(in: .whitespaces)
            scale = 0.01
        }
        guard let value = Double(number) else { return nil }
        return targetValue(value * scale, for: key)
    }
}
