import CohortCore
import Foundation

extension FieldParser {
    /// What reading a date gave: a day number (days since 1970-01-01), or for a date
    /// like `03/04/2026` whose day/month order is not known yet, both readings.
    enum DateReading: Equatable {
        case day(Int)
        /// Valid only in this order (`13/04/2026` is day first): it decides the column's order.
        case onlyIn(DateOrder, day: Int)
        case ambiguous(dayFirst: Int, monthFirst: Int)
        case invalid
        case empty
    }

    /// A date as a day number.
    ///
    /// Reads ISO 8601 (`2026-03-01`, with a time and offset after `T` or a blank, which
    /// are ignored: the date is the one written), `2026/03/01`, `20260301`, German
    /// `01.03.2026` / `1.3.26`, `01/03/2026` and `01-03-2026` in `numericOrder` (both
    /// readings when it is nil), and Excel serial day numbers of five digits
    /// (`46082`, `46082.75`: 1927 to 2173). Two-digit years are 2000–2069 and 1970–1999.
    ///
    ///     date("31.12.2025 17:30", numericOrder: nil)   // .day(20453)
    ///     date("03/04/2026", numericOrder: nil)         // .ambiguous(3 April, 4 March)
    ///     date("13/04/2026", numericOrder: nil)         // .onlyIn(.dayMonthYear, 13 April)
    ///
    /// Complexity: O(length), no allocation.
    static func date(_ field: UnsafeBufferPointer<UInt8>, numericOrder: DateOrder?,
                     dottedOrder: DateOrder = .dayMonthYear) -> DateReading {
        let text = trimmed(field)
        let count = text.count
        guard count > 0 else { return .empty }
        var i = 0
        let (first, firstDigits) = digits(text, from: &i, maxDigits: 8)
        switch firstDigits {
        case 8: // 20260301
            guard endsDate(text, at: i) else { return .invalid }
            return validDay(year: first / 10_000, month: first / 100 % 100, day: first % 100).map(DateReading.day) ?? .invalid
        case 5: // Excel serial day number, maybe with a time as fraction
            if i < count {
                guard text[i] == UInt8(ascii: ".") || text[i] == UInt8(ascii: ","), i + 1 < count else { return .invalid }
                for j in i + 1 ..< count where !isDigit(text[j]) { return .invalid }
            }
            return excelSerialDay(first, date1904: false).map(DateReading.day) ?? .invalid
        case 4, 1, 2:
            break
        default:
            return .invalid
        }
        guard i < count else { return .invalid }
        let separator = text[i]
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") || separator == UInt8(ascii: ".") else { return .invalid }
        i += 1
        if firstDigits == 4 { // year first
            let minimumDigits = separator == UInt8(ascii: "-") ? 2 : 1
            let (month, monthDigits) = digits(text, from: &i, maxDigits: 2)
            guard monthDigits >= minimumDigits, i < count, text[i] == separator else { return .invalid }
            i += 1
            let (day, dayDigits) = digits(text, from: &i, maxDigits: 2)
            guard dayDigits >= minimumDigits, endsDate(text, at: i) else { return .invalid }
            return validDay(year: first, month: month, day: day).map(DateReading.day) ?? .invalid
        }
        let (second, secondDigits) = digits(text, from: &i, maxDigits: 2)
        guard secondDigits > 0, i < count, text[i] == separator else { return .invalid }
        i += 1
        let (yearNumber, yearDigits) = digits(text, from: &i, maxDigits: 4)
        guard yearDigits == 2 || yearDigits == 4, endsDate(text, at: i) else { return .invalid }
        let year = yearDigits == 4 ? yearNumber : (yearNumber < 70 ? 2000 + yearNumber : 1900 + yearNumber)
        let order = separator == UInt8(ascii: ".") ? dottedOrder : numericOrder
        let dayFirst = validDay(year: year, month: second, day: first)
        let monthFirst = validDay(year: year, month: first, day: second)
        switch order {
        case .dayMonthYear?: return dayFirst.map(DateReading.day) ?? .invalid
        case .monthDayYear?: return monthFirst.map(DateReading.day) ?? .invalid
        case .yearMonthDay?: return .invalid
        case nil:
            switch (dayFirst, monthFirst) {
            case let (a?, b?): return a == b ? .day(a) : .ambiguous(dayFirst: a, monthFirst: b)
            case let (a?, nil): return .onlyIn(.dayMonthYear, day: a)
            case let (nil, b?): return .onlyIn(.monthDayYear, day: b)
            case (nil, nil): return .invalid
            }
        }
    }

    /// A date from a workbook cell stored as a number: an Excel serial day (the time of day,
    /// the fraction, is dropped). `date1904` for workbooks that count from 1904 (old Mac Excel).
    static func excelNumberDate(_ field: UnsafeBufferPointer<UInt8>, date1904: Bool) -> DateReading {
        let text = trimmed(field)
        guard !text.isEmpty else { return .empty }
        guard let number = Double(String(decoding: text, as: UTF8.self)), number.isFinite, number >= 0, number < 3_000_000 else {
            return .invalid
        }
        return excelSerialDay(Int(number.rounded(.down)), date1904: date1904).map(DateReading.day) ?? .invalid
    }

    /// The day number of an Excel serial day. In the 1900 system serial 1 is 1900-01-01 and
    /// serial 60 the 29 February 1900 that never was (a Lotus 1-2-3 bug Excel kept); in the
    /// 1904 system serial 0 is 1904-01-01.
    static func excelSerialDay(_ serial: Int, date1904: Bool) -> Int? {
        let day: Int
        if date1904 {
            day = serial + CivilDate.dayNumber(year: 1904, month: 1, day: 1)
        } else {
            guard serial >= 1, serial != 60 else { return nil }
            day = serial + CivilDate.dayNumber(year: 1899, month: 12, day: serial < 60 ? 31 : 30)
        }
        let date = CivilDate(dayNumber: day)
        return date.year >= 1000 && date.year <= 9999 ? day : nil
    }

    /// A date ends the field or is followed by a time: a blank, `T` or `,`.
    @inline(__always)
    private static func endsDate(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index == text.count || text[index] == UInt8(ascii: " ") || text[index] == UInt8(ascii: "T") || text[index] == UInt8(ascii: ",")
            || text[index] == 0x09
    }

    private static func validDay(year: Int, month: Int, day: Int) -> Int? {
        guard year >= 1000, CivilDate(year: year, month: month, day: day) != nil else { return nil }
        return CivilDate.dayNumber(year: year, month: month, day: day)
    }
}
