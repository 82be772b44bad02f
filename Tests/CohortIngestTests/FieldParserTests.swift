import CohortCore
@testable import CohortIngest
import Testing

struct FieldParserTests {
    private func day(_ text: String) -> CivilDate? {
        Array(text.utf8).withUnsafeBufferPointer { FieldParser.day($0) }.map(CivilDate.init(dayNumber:))
    }

    private func amount(_ text: String) -> FieldParser.AmountResult {
        Array(text.utf8).withUnsafeBufferPointer { FieldParser.amount($0) }
    }

    @Test func isoDatesWithAndWithoutTime() {
        #expect(day("2026-03-01") == CivilDate(year: 2026, month: 3, day: 1))
        #expect(day(" 2026-12-31T23:59:59+01:00 ") == CivilDate(year: 2026, month: 12, day: 31))
        #expect(day("2024-02-29 08:00") == CivilDate(year: 2024, month: 2, day: 29))
    }

    @Test func germanDates() {
        #expect(day("01.03.2026") == CivilDate(year: 2026, month: 3, day: 1))
        #expect(day("1.3.2026") == CivilDate(year: 2026, month: 3, day: 1))
        #expect(day("31.12.2025 17:30") == CivilDate(year: 2025, month: 12, day: 31))
    }

    @Test func impossibleDatesAreRefused() {
        for text in ["2026-02-30", "2025-02-29", "31.13.2026", "2026-3-1", "03/01/2026", "", "yesterday", "0099-01-01"] {
            #expect(day(text) == nil, "\(text) should not parse")
        }
    }

    @Test func amountsInEnglishAndGermanNotation() {
        #expect(amount("1234.56") == .value(123_456))
        #expect(amount("-12,5") == .value(-1_250))
        #expect(amount("1.234,56") == .value(123_456))
        #expect(amount("1,234.56") == .value(123_456))
        #expect(amount("+7") == .value(700))
        #expect(amount(" 0.10 ") == .value(10))
        #expect(amount("12.500") == .value(1_250)) // trailing zeros beyond cents are harmless
    }

    @Test func unreadableAmounts() {
        #expect(amount("12,5O") == .invalid)
        #expect(amount("") == .invalid)
        #expect(amount("-") == .invalid)
        #expect(amount("1.234.567") == .invalid) // only grouping, no decimal part: ambiguous
        #expect(amount("12.345") == .tooManyDecimals)
    }
}
