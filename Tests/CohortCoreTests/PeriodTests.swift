import CohortCore
import Testing

/// Periods (METRICS.md, "Periods, activity, cohorts"): calendar month, ISO week
/// (Monday start, ISO week-year labels) and calendar quarter, numbered consecutively.
@Suite struct PeriodTests {
    // MARK: Dates and money

    @Test func civilDatesConvertToDayNumbers() {
        #expect(CivilDate(iso: "1970-01-01")?.dayNumber == 0)
        #expect(CivilDate(iso: "1969-12-31")?.dayNumber == -1)
        // 2026-01-01: 56 years × 365 + 14 leap days (1972 ... 2024) = 20454; + 31 (Jan) + 28 (Feb) = 20513
        #expect(CivilDate(iso: "2026-01-01")?.dayNumber == 20454)
        #expect(CivilDate(iso: "2026-03-01")?.dayNumber == 20513)
        #expect(CivilDate(dayNumber: 20513).description == "2026-03-01")
        #expect(CivilDate(iso: "2028-02-29") != nil)   // leap year
        #expect(CivilDate(iso: "2026-02-29") == nil)
        #expect(CivilDate(iso: "2026-13-01") == nil)
        #expect(CivilDate(iso: "2026-4-01") == nil)
    }

    @Test func moneyParsesDecimalsExactly() {
        #expect(Money(decimal: "12.5")?.minorUnits == 1250)
        #expect(Money(decimal: "12")?.minorUnits == 1200)
        #expect(Money(decimal: "-0.05")?.minorUnits == -5)
        #expect(Money(decimal: "1.234") == nil)
        #expect(Money(decimal: "abc") == nil)
        #expect(Money(minorUnits: 1250).description == "12.50")
        #expect(Money(minorUnits: -5).description == "-0.05")
    }

    @Test func ratiosWithAZeroDenominatorAreEmpty() {
        #expect(Ratio(3, over: 0).isEmpty)
        #expect(Ratio(Money(minorUnits: 500), over: 0).isEmpty)
        #expect(close(Ratio(2, over: 4), 0.5))
        #expect(close(Ratio(Money(minorUnits: 1250), over: 2), 6.25))   // 12.50 / 2 in currency units
    }

    // MARK: Calendars

    @Test func monthsAreNumberedConsecutivelyWithCalendarBoundaries() {
        let months = PeriodCalendar(.month)
        let march = months.period(containingDay: day("2026-03-15"))
        #expect(months.label(of: march) == "2026-03")
        #expect(months.firstDay(of: march) == day("2026-03-01"))
        #expect(months.lastDay(of: march) == day("2026-03-31"))
        #expect(months.period(containingDay: day("2026-03-01")) == march)   // first day
        #expect(months.period(containingDay: day("2026-03-31")) == march)   // last day
        #expect(months.period(containingDay: day("2026-04-01")) == march + 1)
        #expect(months.lastDay(of: months.period(containingDay: day("2026-02-10"))) == day("2026-02-28"))
        #expect(months.lastDay(of: months.period(containingDay: day("2028-02-10"))) == day("2028-02-29"))
        // across a year: Dec 2026 + 1 = Jan 2027
        let december = months.period(containingDay: day("2026-12-31"))
        #expect(months.period(containingDay: day("2027-01-01")) == december + 1)
        #expect(months.label(of: december + 1) == "2027-01")
    }

    @Test func isoWeeksStartOnMondayAndUseTheWeekYear() {
        let weeks = PeriodCalendar(.week)
        // 2026-01-01 is a Thursday, so its week (Mon 2025-12-29 ... Sun 2026-01-04) is 2026-W01
        let first = weeks.period(containingDay: day("2026-01-01"))
        #expect(weeks.label(of: first) == "2026-W01")
        #expect(weeks.firstDay(of: first) == day("2025-12-29"))
        #expect(weeks.lastDay(of: first) == day("2026-01-04"))
        #expect(weeks.period(containingDay: day("2025-12-29")) == first)
        #expect(weeks.period(containingDay: day("2026-01-04")) == first)
        #expect(weeks.period(containingDay: day("2026-01-05")) == first + 1)
        #expect(weeks.label(of: first + 1) == "2026-W02")
        #expect(weeks.label(of: first + 8) == "2026-W09")
    }

    @Test func isoWeekYearBoundaries() {
        let weeks = PeriodCalendar(.week)
        // 2027-01-01 is a Friday: its week's Thursday is 2026-12-31, so it is 2026-W53
        let w53 = weeks.period(containingDay: day("2027-01-01"))
        #expect(weeks.label(of: w53) == "2026-W53")
        #expect(weeks.firstDay(of: w53) == day("2026-12-28"))
        #expect(weeks.lastDay(of: w53) == day("2027-01-03"))
        #expect(weeks.label(of: weeks.period(containingDay: day("2027-01-04"))) == "2027-W01")
        // 2026 starts on a Thursday → 53 weeks: 2026-W01 to 2027-W01 is 53 periods
        #expect(weeks.period(containingDay: day("2027-01-04")) - weeks.period(containingDay: day("2026-01-01")) == 53)
        // Monday 2024-12-30 belongs to 2025-W01 (its Thursday is 2025-01-02)
        #expect(weeks.label(of: weeks.period(containingDay: day("2024-12-30"))) == "2025-W01")
        // Sunday 2021-01-03 is in 2020-W53 (2020 started on a Wednesday in a leap year)
        #expect(weeks.label(of: weeks.period(containingDay: day("2021-01-03"))) == "2020-W53")
    }

    @Test func quartersAreCalendarQuarters() {
        let quarters = PeriodCalendar(.quarter)
        let q1 = quarters.period(containingDay: day("2026-02-14"))
        #expect(quarters.label(of: q1) == "2026-Q1")
        #expect(quarters.firstDay(of: q1) == day("2026-01-01"))
        #expect(quarters.lastDay(of: q1) == day("2026-03-31"))
        #expect(quarters.period(containingDay: day("2026-04-01")) == q1 + 1)
        #expect(quarters.label(of: q1 + 1) == "2026-Q2")
        #expect(quarters.lastDay(of: q1 + 1) == day("2026-06-30"))
        #expect(quarters.firstDay(of: q1 + 2) == day("2026-07-01"))
        let q4 = quarters.period(containingDay: day("2026-12-31"))
        #expect(quarters.label(of: q4) == "2026-Q4")
        #expect(quarters.period(containingDay: day("2027-01-01")) == q4 + 1)
        #expect(quarters.label(of: q4 + 1) == "2027-Q1")
    }

    @Test func periodsPerYearSetTheYearWindow() {
        #expect(PeriodKind.month.periodsPerYear == 12)
        #expect(PeriodKind.week.periodsPerYear == 52)
        #expect(PeriodKind.quarter.periodsPerYear == 4)
    }

    // MARK: Analyses by week and by quarter

    @Test func weeklyAnalysisAcrossNewYear() throws {
        // A: Mon 2025-12-29 and Sun 2026-01-04 (both 2026-W01), Mon 2026-01-12 (W03); B: Mon 2026-01-05 (W02)
        let table = orders(("A", "2025-12-29", "10.00"), ("A", "2026-01-04", "5.00"),
                           ("B", "2026-01-05", "20.00"), ("A", "2026-01-12", "10.00"))
        let analysis = try analyse(table, .week)
        #expect(analysis.periods.map(\.label) == ["2026-W01", "2026-W02", "2026-W03"])
        #expect(analysis.periods[0].firstDay == CivilDate(iso: "2025-12-29"))
        #expect(analysis.periods[0].lastDay == CivilDate(iso: "2026-01-04"))
        // as of Mon 2026-01-12 (the latest order), W03 runs to Sun 01-18: partial
        #expect(analysis.periods.map(\.partial) == [false, false, true])
        #expect(analysis.cohorts.map(\.label) == ["2026-W01", "2026-W02"])
        #expect(analysis.cohorts.map(\.size) == [1, 1])
        // cohort W01 = {A}: active W01, not W02, again W03 → [1, 0, 1]
        #expect(analysis.cohorts[0].cells.map(\.activeCustomers) == [1, 0, 1])
        #expect(analysis.cohorts[0].cells.map(\.partial) == [false, false, true])
        // W01: two orders 10 and 5 → AOV 7.5, revenue 15
        #expect(analysis.kpis[0].orders == 2)
        #expect(close(analysis.kpis[0].averageOrderValue, 7.5))
        #expect(analysis.kpis[0].revenue == money("15.00"))
        // W02: S {A}, N {B}, C {A}, E {B}; W03: S {B}, R {A}, C {B}, E {A}
        #expect(analysis.kpis[1].customers == CustomerBridge(start: 1, new: 1, reactivated: 0, churned: 1, end: 1))
        #expect(analysis.kpis[2].customers == CustomerBridge(start: 1, new: 0, reactivated: 1, churned: 1, end: 1))
        // averages: age 2 only has the partial W01→W03 cell → empty; age 1: W01→W02 complete (W02→W03 partial) → 0/1
        #expect(close(analysis.averages[2].retention, nil))
        #expect(analysis.averages[1].cohorts == 1)
        #expect(close(analysis.averages[1].retention, 0.0))
    }

    @Test func weeklyAnalysisAcrossWeek53() throws {
        // Thu 2026-12-31 and Fri 2027-01-01 are both in 2026-W53; Mon 2027-01-04 is 2027-W01
        let table = orders(("X", "2026-12-31", "10.00"), ("X", "2027-01-01", "10.00"), ("Y", "2027-01-04", "10.00"))
        let analysis = try analyse(table, .week, asOf: "2027-01-10")   // Sunday: W01 complete
        #expect(analysis.periods.map(\.label) == ["2026-W53", "2027-W01"])
        #expect(analysis.periods.map(\.partial) == [false, false])
        #expect(analysis.periods[0].firstDay == CivilDate(iso: "2026-12-28"))
        #expect(analysis.kpis.map(\.orders) == [2, 1])
        #expect(analysis.cohorts.map(\.label) == ["2026-W53", "2027-W01"])
    }

    @Test func quarterlyAnalysis() throws {
        // A: 03-31 (Q1, last day) and 04-01 (Q2, first day); B: 01-01 (Q1, first day)
        let table = orders(("A", "2026-03-31", "10.00"), ("A", "2026-04-01", "10.00"), ("B", "2026-01-01", "5.00"))
        let complete = try analyse(table, .quarter, asOf: "2026-06-30")
        #expect(complete.periods.map(\.label) == ["2026-Q1", "2026-Q2"])
        #expect(complete.periods.map(\.partial) == [false, false])          // 06-30 ends Q2
        #expect(complete.periods[1].firstDay == CivilDate(iso: "2026-04-01"))
        let q1 = try #require(complete.cohortRow(labelled: "2026-Q1"))
        #expect(q1.size == 2)                                                // A, B
        #expect(close(q1.cells[1].retention, 1.0 / 2))                        // Q2: {A} → 1/2
        #expect(close(complete.averages[1].retention, 1.0 / 2))
        // as of 2026-05-15 Q2 is partial and leaves the averages
        let partial = try analyse(table, .quarter, asOf: "2026-05-15")
        #expect(partial.periods.map(\.partial) == [false, true])
        #expect(close(partial.averages[1].retention, nil))
        // quarters across a year: 2026-12-31 is Q4, 2027-01-01 is 2027-Q1
        let newYear = try analyse(orders(("A", "2026-12-31", "1.00"), ("A", "2027-01-01", "1.00")), .quarter, asOf: "2027-03-31")
        #expect(newYear.periods.map(\.label) == ["2026-Q4", "2027-Q1"])
    }
}

struct RatioFormattingTests {
    @Test func integerRatiosRoundHalfAwayFromZeroExactly() {
        // 118808.40 / 80 customers = 1485.105 exactly: half a cent rounds up, whatever the binary value.
        #expect(Ratio(Money(minorUnits: 11_880_840), over: 80).formatted(places: 2) == "1485.11")
        // 7,325,935.00 / 1,000 = 7325.935 and 8,686,965.00 / 1,000 = 8686.965: exact ties, which binary
        // doubles rounded one down and one up.
        #expect(Ratio(Money(minorUnits: 732_593_500), over: 1_000).formatted(places: 2) == "7325.94")
        #expect(Ratio(Money(minorUnits: 868_696_500), over: 1_000).formatted(places: 2) == "8686.97")
        // −1/8 = −0.125 → "-0.13" (away from zero); 1/3 → "0.3333"; 2/3 → "0.6667".
        #expect(Ratio(-1, over: 8).formatted(places: 2) == "-0.13")
        #expect(Ratio(1, over: 3).formatted() == "0.3333")
        #expect(Ratio(2, over: 3).formatted() == "0.6667")
        #expect(Ratio(0, over: 5).formatted() == "0.0000")
        #expect(Ratio(5, over: 0).formatted() == "")
    }
}
