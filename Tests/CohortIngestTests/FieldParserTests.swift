import CohortCore
@testable import CohortIngest
import Testing

struct FieldParserTests {
    private func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
        CivilDate.dayNumber(year: year, month: month, day: day)
    }

    private func date(_ text: String, _ order: DateOrder? = nil) -> FieldParser.DateReading {
        Array(text.utf8).withUnsafeBufferPointer { FieldParser.date($0, numericOrder: order) }
    }

    private func amount(_ text: String, _ decimal: DecimalSeparator) -> FieldParser.Amount {
        Array(text.utf8).withUnsafeBufferPointer { FieldParser.amount($0, decimal: decimal) }
    }

    /// The value in cents, or nil when the text is no amount with this separator.
    private func cents(_ text: String, _ decimal: DecimalSeparator) -> Int64? {
        let result = amount(text, decimal)
        return result.status == .value ? result.minorUnits : nil
    }

    // MARK: - Dates

    @Test func isoDatesWithAndWithoutTimeAndOffset() {
        #expect(date("2026-03-01") == .day(day(2026, 3, 1)))
        #expect(date(" 2026-12-31T23:59:59+01:00 ") == .day(day(2026, 12, 31)))
        #expect(date("2026-12-31T23:30:00-05:00") == .day(day(2026, 12, 31))) // the date as written, not moved to UTC
        #expect(date("2024-02-29 08:00") == .day(day(2024, 2, 29)))
        #expect(date("2026-01-05T10:00:00Z") == .day(day(2026, 1, 5)))
        #expect(date("2026/03/01") == .day(day(2026, 3, 1)))
        #expect(date("20260301") == .day(day(2026, 3, 1)))
    }

    @Test func germanDatesAreAlwaysDayFirst() {
        #expect(date("01.03.2026") == .day(day(2026, 3, 1)))
        #expect(date("1.3.2026") == .day(day(2026, 3, 1)))
        #expect(date("1.3.26") == .day(day(2026, 3, 1)))
        #expect(date("31.12.99") == .day(day(1999, 12, 31))) // two-digit years 70–99 are 19xx
        #expect(date("31.12.2025 17:30") == .day(day(2025, 12, 31)))
        #expect(date("03.04.2026", .monthDayYear) == .day(day(2026, 4, 3)))
    }

    @Test func slashDatesTellTheirOrderOnlyWhenANumberIsAbove12() {
        #expect(date("13/04/2026") == .onlyIn(.dayMonthYear, day: day(2026, 4, 13)))
        #expect(date("04/13/2026") == .onlyIn(.monthDayYear, day: day(2026, 4, 13)))
        #expect(date("03/04/2026") == .ambiguous(dayFirst: day(2026, 4, 3), monthFirst: day(2026, 3, 4)))
        #expect(date("05/05/2026") == .day(day(2026, 5, 5))) // the same either way
        #expect(date("1/5/26 10:30 AM") == .ambiguous(dayFirst: day(2026, 5, 1), monthFirst: day(2026, 1, 5)))
        #expect(date("03-04-2026") == .ambiguous(dayFirst: day(2026, 4, 3), monthFirst: day(2026, 3, 4)))
        #expect(date("03/04/2026", .dayMonthYear) == .day(day(2026, 4, 3)))
        #expect(date("03/04/2026", .monthDayYear) == .day(day(2026, 3, 4)))
        #expect(date("13/04/2026", .monthDayYear) == .invalid)
    }

    @Test func excelSerialDays() {
        // 45658 is 2025-01-01 (Excel shows it so); 365 days later is 2026-01-01.
        #expect(date("46023") == .day(day(2026, 1, 1)))
        #expect(date("46023.75") == .day(day(2026, 1, 1))) // the time of day is dropped
        #expect(date("46023,5") == .day(day(2026, 1, 1)))
        #expect(FieldParser.excelSerialDay(1, date1904: false) == day(1900, 1, 1))
        #expect(FieldParser.excelSerialDay(59, date1904: false) == day(1900, 2, 28))
        #expect(FieldParser.excelSerialDay(60, date1904: false) == nil) // 29 February 1900 never was
        #expect(FieldParser.excelSerialDay(61, date1904: false) == day(1900, 3, 1))
        #expect(FieldParser.excelSerialDay(25569, date1904: false) == 0) // 1970-01-01
        #expect(FieldParser.excelSerialDay(0, date1904: true) == day(1904, 1, 1))
        #expect(FieldParser.excelSerialDay(44561, date1904: true) == day(2026, 1, 1)) // 46023 − 1462
    }

    @Test func impossibleDatesAreRefused() {
        for text in ["2026-02-30", "2025-02-29", "31.13.2026", "2026-3-1", "13/13/2026", "yesterday", "0099-01-01", "2026",
                     "1234567", "2026-01-05x", "05.01.026", "46023x"] {
            #expect(date(text) == .invalid, "\(text) should not parse")
        }
        #expect(date("") == .empty)
        #expect(date("   ") == .empty)
    }

    // MARK: - Amounts

    @Test func amountsFromTheIssue() {
        #expect(cents("1234.56", .point) == 123_456)
        #expect(cents("1.234,56", .comma) == 123_456)
        #expect(cents("1,234.56", .point) == 123_456)
        #expect(cents("1 234,56", .comma) == 123_456)
        #expect(cents("12,50 €", .comma) == 1_250)
        #expect(cents("€ 12.50", .point) == 1_250)
        #expect(cents("-12,50", .comma) == -1_250)
        #expect(cents("(12.50)", .point) == -1_250)
    }

    @Test func moreWaysPeopleWriteMoney() {
        #expect(cents("1.234,56-", .comma) == -123_456) // SAP: trailing minus
        #expect(cents("12,-", .comma) == 1_200) // whole euros
        #expect(cents("1\u{00A0}234,56", .comma) == 123_456) // no-break space
        #expect(cents("1\u{202F}234,56", .comma) == 123_456) // narrow no-break space (French)
        #expect(cents("1'234.56", .point) == 123_456) // Swiss
        #expect(cents("EUR 7", .comma) == 700)
        #expect(cents("-€12.50", .point) == -1_250)
        #expect(cents("€-12.50", .point) == -1_250)
        #expect(cents("+7", .point) == 700)
        #expect(cents(" 0.10 ", .point) == 10)
        #expect(cents("−5", .point) == -500) // U+2212 minus sign
        #expect(cents(",5", .comma) == 50)
        #expect(cents("1.234.567,8", .comma) == 123_456_780)
        #expect(cents("12.500", .point) == 1_250) // trailing zeros beyond cents are harmless
        #expect(cents("12.500", .comma) == 1_250_000)
    }

    @Test func currencyMarksAreReported() {
        #expect(amount("12,50 €", .comma).currency == .euroSign)
        #expect(amount("$1,234.56", .point).currency == .dollarSign)
        #expect(amount("£10.00", .point).currency == .poundSign)
        #expect(amount("CHF 20.00", .point).currency == CurrencyMark(code: "CHF"))
        #expect(amount("20.00", .point).currency == .none)
        #expect(CurrencyMark.dollarSign.matches(code: "usd") && CurrencyMark.dollarSign.matches(code: "CAD"))
        #expect(!CurrencyMark.dollarSign.matches(code: "EUR") && CurrencyMark.euroSign.matches(code: "EUR"))
    }

    @Test func thousandsGroupsMustHaveThreeDigits() {
        #expect(cents("12.5", .comma) == nil) // '.' groups thousands here, and "5" is no group of three
        #expect(cents("12,50", .point) == nil)
        #expect(cents("1.234,56", .point) == nil)
        #expect(cents("1,234.56", .comma) == nil)
        #expect(cents("0.500", .comma) == nil) // a leading zero never starts a grouped number
        #expect(cents("1234.567", .comma) == nil) // a first group has at most three digits
        #expect(cents("1.234 567", .comma) == nil) // one kind of grouping only
        #expect(amount("1.234.567", .point).status == .invalid) // two decimal points
    }

    @Test func unreadableAmounts() {
        #expect(amount("12,5O", .comma).status == .invalid)
        #expect(amount("", .comma).status == .empty)
        #expect(amount("-", .point).status == .invalid)
        #expect(amount("€", .point).status == .invalid)
        #expect(amount("12.345", .point).status == .tooManyDecimals)
        #expect(amount("1234567890123456", .point).status == .tooLarge) // more than 15 digits
        #expect(amount("12345678901234567890123", .point).status == .tooLarge) // would overflow Int64 if read on
        #expect(amount("-1.234.567.890.123.456,00", .comma).status == .tooLarge)
        #expect(amount("123456789012345.67", .point).minorUnits == 12_345_678_901_234_567) // 15 digits still fit
        #expect(amount("12 €x", .point).status == .invalid)
        #expect(amount("(12.50", .point).status == .invalid)
    }

    @Test func separatorsSeenAreReported() {
        #expect(amount("1.500", .point).separators == 1)
        #expect(amount("1,500", .point).separators == 2)
        #expect(amount("1.234,56", .comma).separators == 3)
        #expect(amount("450", .point).separators == 0)
    }

    @Test func excelNumbersAreRoundedToTheCentOnlyWhenTheyAreCents() {
        func excel(_ text: String) -> FieldParser.Amount { Array(text.utf8).withUnsafeBufferPointer { FieldParser.excelNumberAmount($0) } }
        #expect(excel("1234.5599999999999") == .value(123_456))
        #expect(excel("-34.5") == .value(-3_450))
        #expect(excel("1.5E3") == .value(150_000))
        #expect(excel("12.345").status == .tooManyDecimals)
        #expect(excel("#N/A").status == .invalid)
    }
}
