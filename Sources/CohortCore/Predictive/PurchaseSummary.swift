/// One customer's purchases up to the as-of date, as the predictive models need them.
///
/// A purchase is a calendar day with positive orders (their amounts summed), METRICS.md
/// "Predictive CLV". Days are day numbers (days since 1970-01-01), amounts minor units.
///
///     // Bought on 1 Mar (20.00), 8 Mar (15.00) and 22 Mar (25.00):
///     PurchaseSummary(purchaseDays: 3, firstDay: 20513, lastDay: 20534, repeatValue: 4_000)
public struct PurchaseSummary: Sendable, Hashable, Codable {
    /// Distinct days with a positive purchase, at least 1.
    public var purchaseDays: Int
    /// The first and last of those days.
    public var firstDay: Int
    public var lastDay: Int
    /// Sum of the daily totals of every purchase day but the first, in minor units; 0 when
    /// `purchaseDays` is 1, positive otherwise.
    public var repeatValue: Int64

    public init(purchaseDays: Int, firstDay: Int, lastDay: Int, repeatValue: Int64) {
        self.purchaseDays = purchaseDays
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.repeatValue = repeatValue
    }

    /// x, the number of repeat purchases.
    public var repeatPurchases: Int { purchaseDays - 1 }

    /// How a summary can contradict itself or the as-of date.
    public enum Problem: String, Sendable, Codable, Equatable {
        /// `purchaseDays` is below 1.
        case noPurchaseDay
        /// `lastDay` is before `firstDay`, or they differ with a single purchase day.
        case lastDayBeforeFirstDay
        /// More purchase days than days from `firstDay` to `lastDay`, or several purchase days on one day.
        case morePurchaseDaysThanDays
        /// `repeatValue` is not 0 for a single purchase day, or not positive with repeat days.
        case repeatValueInconsistent
        /// `firstDay` is on or before the as-of date but `lastDay` after it: the summary
        /// counts orders after the as-of date.
        case lastDayAfterAsOf
        /// `firstDay` is more than `PurchaseSummary.maximumAgeDays` before the as-of date (or
        /// `lastDay` that far after `firstDay`): not a date from real orders.
        case spanTooLong
    }

    /// The longest history the models accept, in days (about 270 years).
    public static let maximumAgeDays = 100_000

    /// The first problem of this summary as of `asOfDay`, or nil when it is consistent.
    /// A summary that starts after the as-of date is consistent (the customer is not yet acquired).
    public func problem(asOfDay: Int) -> Problem? {
        if purchaseDays < 1 { return .noPurchaseDay }
        let (span, spanOverflow) = lastDay.subtractingReportingOverflow(firstDay)
        let (age, ageOverflow) = asOfDay.subtractingReportingOverflow(firstDay)
        if spanOverflow || span > Self.maximumAgeDays || (!ageOverflow && age > Self.maximumAgeDays)
            || (ageOverflow && firstDay < 0) { return .spanTooLong }
        if lastDay < firstDay || (purchaseDays == 1 && lastDay != firstDay) { return .lastDayBeforeFirstDay }
        if purchaseDays - 1 > lastDay - firstDay { return .morePurchaseDaysThanDays }
        if purchaseDays == 1 ? repeatValue != 0 : repeatValue <= 0 { return .repeatValueInconsistent }
        if firstDay <= asOfDay && lastDay > asOfDay { return .lastDayAfterAsOf }
        return nil
    }
}
