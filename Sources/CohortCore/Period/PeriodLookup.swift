/// Day number → period index relative to `base`, through a table when the date range is small
/// (a calendar computes it from the civil date).
///
///     let lookup = PeriodLookup(calendar: PeriodCalendar(.month), from: first, through: last, base: 0)
///     lookup[day]   // the absolute period of `day`
public struct PeriodLookup: Sendable {
    // Seen by other modules for the subscript, which is inlined where days are summed (`OrderSums`).
    @usableFromInline let calendar: PeriodCalendar
    @usableFromInline let firstDay: Int
    @usableFromInline let base: Int
    @usableFromInline let table: [Int32]

    public init(calendar: PeriodCalendar, from firstDay: Int, through lastDay: Int, base: Int) {
        self.calendar = calendar
        self.firstDay = firstDay
        self.base = base
        let dayCount = lastDay - firstDay + 1
        table = dayCount <= 1 << 20 ? (0 ..< dayCount).map { Int32(calendar.period(containingDay: firstDay + $0) - base) } : []
    }

    /// The period index of a day from `firstDay` through `lastDay`.
    @inlinable @inline(__always)
    public subscript(day: Int32) -> Int32 {
        let offset = Int(day) - firstDay
        return offset < table.count ? table[offset] : Int32(calendar.period(containingDay: Int(day)) - base)
    }
}
