/// Precomputed calendar facts for every day of the generated period, so the row loop never
/// touches Foundation's `Calendar` or `DateFormatter`.
///
/// Days are numbered from 0 (the first day of the first generated month) to `dayCount - 1`
/// (the last day of the last generated month).
struct CalendarTable {
    /// Number of generated months.
    let monthCount: Int

    /// Total number of days in the generated period.
    let dayCount: Int

    /// Day number of the first day of each month, plus a final entry equal to `dayCount`.
    let monthStartDays: [Int]

    /// Calendar month (0 = January ... 11 = December) of each generated month.
    let calendarMonths: [Int]

    /// `YYYY-MM-DD` as ASCII, 10 bytes per day, for every day of the period.
    let dateBytes: [UInt8]

    /// Whether each day of the period is a Saturday or Sunday.
    let isWeekend: [Bool]

    /// Builds the table for `months` months starting at `startYear`-`startMonth` (1-based month).
    init(startYear: Int, startMonth: Int, months: Int) {
        var starts: [Int] = []
        var calendarMonths: [Int] = []
        var dateBytes: [UInt8] = []
        var isWeekend: [Bool] = []
        starts.reserveCapacity(months + 1)
        calendarMonths.reserveCapacity(months)

        let firstCivilDay = CalendarTable.daysFromCivil(year: startYear, month: startMonth, day: 1)
        var year = startYear
        var month = startMonth
        var dayNumber = 0
        for _ in 0..<months {
            starts.append(dayNumber)
            calendarMonths.append(month - 1)
            let length = CalendarTable.daysInMonth(year: year, month: month)
            for day in 1...length {
                CalendarTable.appendDate(year: year, month: month, day: day, to: &dateBytes)
                let weekday = CalendarTable.weekday(civilDay: firstCivilDay + dayNumber)
                isWeekend.append(weekday == 0 || weekday == 6)
                dayNumber += 1
            }
            month += 1
            if month > 12 {
                month = 1
                year += 1
            }
        }
        starts.append(dayNumber)

        self.monthCount = months
        self.dayCount = dayNumber
        self.monthStartDays = starts
        self.calendarMonths = calendarMonths
        self.dateBytes = dateBytes
        self.isWeekend = isWeekend
    }

    /// Returns the number of days between 1970-01-01 and the given proleptic Gregorian date.
    ///
    /// This is Howard Hinnant's `days_from_civil` algorithm; it is exact for all years.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Returns the day of the week (0 = Sunday ... 6 = Saturday) of a day counted from 1970-01-01.
    static func weekday(civilDay: Int) -> Int {
        // 1970-01-01 was a Thursday (4).
        let remainder = (civilDay + 4) % 7
        return remainder < 0 ? remainder + 7 : remainder
    }

    /// Returns whether `year` is a Gregorian leap year.
    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Returns the number of days in the given month (1-based) of `year`.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Appends `YYYY-MM-DD` (year zero-padded to at least four digits) as ASCII bytes.
    private static func appendDate(year: Int, month: Int, day: Int, to bytes: inout [UInt8]) {
        let digitZero = UInt8(ascii: "0")
        var yearDigits: [UInt8] = []
        var remaining = year
        repeat {
            yearDigits.append(digitZero + UInt8(remaining % 10))
            remaining /= 10
        } while remaining > 0
        while yearDigits.count < 4 {
            yearDigits.append(digitZero)
        }
        bytes.append(contentsOf: yearDigits.reversed())
        bytes.append(UInt8(ascii: "-"))
        bytes.append(digitZero + UInt8(month / 10))
        bytes.append(digitZero + UInt8(month % 10))
        bytes.append(UInt8(ascii: "-"))
        bytes.append(digitZero + UInt8(day / 10))
        bytes.append(digitZero + UInt8(day % 10))
    }
}
