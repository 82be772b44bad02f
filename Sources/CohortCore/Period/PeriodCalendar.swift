/// Numbers periods consecutively so that a cohort's age is a subtraction.
///
/// A period number is absolute: months count `year * 12 + month - 1`, quarters
/// `year * 4 + quarter - 1`, ISO weeks count Mondays since 1969-12-29. Labels
/// follow the CLI contract: `2026-03`, `2026-Q1`, `2026-W09` (ISO week-year).
///
///     let months = PeriodCalendar(.month)
///     let period = months.period(containingDay: CivilDate(year: 2026, month: 3, day: 15)!.dayNumber)
///     months.label(of: period)                         // "2026-03"
///     CivilDate(dayNumber: months.lastDay(of: period)) // 2026-03-31
public struct PeriodCalendar: Sendable, Equatable {
    public let kind: PeriodKind

    public init(_ kind: PeriodKind) {
        self.kind = kind
    }

    /// The period that contains a day (days since 1970-01-01). O(1).
    @inlinable
    public func period(containingDay day: Int) -> Int {
        switch kind {
        case .week:
            // 1970-01-01 was a Thursday; the Monday before is day -3.
            return floorDivide(day + 3, 7)
        case .month, .quarter:
            let date = CivilDate(dayNumber: day)
            let month = date.year * 12 + date.month - 1
            return kind == .month ? month : floorDivide(month, 3)
        }
    }

    /// The first day of a period (days since 1970-01-01).
    public func firstDay(of period: Int) -> Int {
        switch kind {
        case .week:
            return period * 7 - 3
        case .month:
            return CivilDate.dayNumber(year: floorDivide(period, 12), month: positiveModulo(period, 12) + 1, day: 1)
        case .quarter:
            return CivilDate.dayNumber(year: floorDivide(period, 4), month: positiveModulo(period, 4) * 3 + 1, day: 1)
        }
    }

    /// The last day of a period (days since 1970-01-01).
    public func lastDay(of period: Int) -> Int {
        firstDay(of: period + 1) - 1
    }

    /// The label of a period: `2026-03`, `2026-Q1` or `2026-W09`.
    public func label(of period: Int) -> String {
        switch kind {
        case .month:
            return "\(floorDivide(period, 12))-\(twoDigits(positiveModulo(period, 12) + 1))"
        case .quarter:
            return "\(floorDivide(period, 4))-Q\(positiveModulo(period, 4) + 1)"
        case .week:
            // The ISO week-year is the year of the week's Thursday.
            let thursday = period * 7
            let isoYear = CivilDate(dayNumber: thursday).year
            let week = (thursday - CivilDate.dayNumber(year: isoYear, month: 1, day: 1)) / 7 + 1
            return "\(isoYear)-W\(twoDigits(week))"
        }
    }

    private func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

@usableFromInline
func floorDivide(_ value: Int, _ divisor: Int) -> Int {
    let quotient = value / divisor
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
}

@usableFromInline
func positiveModulo(_ value: Int, _ divisor: Int) -> Int {
    let remainder = value % divisor
    return remainder < 0 ? remainder + divisor : remainder
}
