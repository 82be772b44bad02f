@testable import CohortCore
@testable import CohortIngest
import CohortSample
import Foundation
import Testing

/// The cache of days gives what reading the date gives, for every text, however often
/// the texts repeat and collide in its table.
@Suite struct DayCacheTests {
    @Test func cachedReadingsEqualTheParsersOnRepeatedRandomDates() {
        // Dates in six spellings, times and blanks included, and near misses (a day 32, a 13th month,
        // one digit changed), drawn 30,000 times from 3,000 texts: far more than the table's 1,024 entries.
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let texts: [String] = (0 ..< 3_000).map { _ in
            let year = 2015 + next(12), month = 1 + next(13), day = 1 + next(32)
            let mm = month < 10 ? "0\(month)" : "\(month)", dd = day < 10 ? "0\(day)" : "\(day)"
            switch next(6) {
            case 0: return "\(year)-\(mm)-\(dd)"
            case 1: return "\(dd).\(mm).\(year)"
            case 2: return "\(year)-\(mm)-\(dd) 12:\(10 + next(50))"
            case 3: return " \(year)-\(mm)-\(dd)"
            case 4: return "\(day).\(month).\(year % 100)"
            default: return "\(year)\(mm)\(dd)"
            }
        }
        var cache = DayCache()
        var hits = 0
        for _ in 0 ..< 30_000 {
            let bytes = Array(texts[next(texts.count)].utf8)
            bytes.withUnsafeBufferPointer { text in
                let expected = FieldParser.date(text, numericOrder: nil)
                var parsed = false
                let got = cache.reading(text) { parsed = true; return FieldParser.date(text, numericOrder: nil) }
                if !parsed { hits += 1 }
                #expect(got == expected, "\(String(decoding: bytes, as: UTF8.self))")
            }
        }
        // The cache is used: a third of the texts fit the table without evicting each other, and most are days.
        #expect(hits > 7_500)
    }

    /// Five years of daily dates (1,827 German texts, `01.01.2021`, which go to the hashed table,
    /// not the ISO one) drawn at random: after each was read once, at most one reading in twenty
    /// is a miss. (A table of one entry per slot missed one in six: texts that share a slot
    /// pushed each other out.)
    @Test func fiveYearsOfDatesStayInTheCache() {
        let first = CivilDate.dayNumber(year: 2021, month: 1, day: 1)
        let texts = (0 ..< 1_827).map { offset in
            let date = CivilDate(dayNumber: first + offset)
            return Array(String(format: "%02d.%02d.%04d", date.day, date.month, date.year).utf8)
        }
        #expect(String(decoding: texts[0], as: UTF8.self) == "01.01.2021")
        #expect(texts[0].withUnsafeBufferPointer { DayCache.isoIndex($0) } == nil)
        var random = SplitMix64(seed: 5)
        var cache = DayCache()
        var reads = 0
        for _ in 0 ..< 60_000 {
            let text = texts[Int.random(in: 0 ..< texts.count, using: &random)]
            text.withUnsafeBufferPointer { text in
                _ = cache.reading(text) { reads += 1; return FieldParser.date(text, numericOrder: nil) }
            }
        }
        #expect(reads < texts.count + 60_000 / 20, "\(reads) readings")
    }

    @Test func onlyPlainDaysAreKept() {
        var cache = DayCache()
        let text = Array("03/04/2026".utf8)
        text.withUnsafeBufferPointer { text in
            var reads = 0
            for _ in 0 ..< 2 {
                _ = cache.reading(text) { reads += 1; return FieldParser.date(text, numericOrder: nil) }
            }
            #expect(reads == 2) // ambiguous: read again each time, never taken from the cache
        }
    }

    /// Plain ISO dates go through their own table: every text `YYYY-MM-DD` with a month 00 to 13
    /// and a day 00 to 32 in years at and around the table's ends (1899, 1900, 1969, 2024, 2155,
    /// 2156) reads as the parser reads it, the first time and again; a leap day, a 31 April, a
    /// 13th month and day 00 are among them. Texts around the form (blanks, nine or eleven
    /// bytes, a letter) are not indexed.
    @Test func plainISODatesReadAsTheParserReadsThem() {
        var cache = DayCache()
        var indexed = 0, parsedAgain = 0
        for year in [1899, 1900, 1969, 2024, 2155, 2156] {
            for month in 0 ... 13 {
                for day in 0 ... 32 {
                    let text = String(format: "%04d-%02d-%02d", year, month, day)
                    let bytes = Array(text.utf8)
                    bytes.withUnsafeBufferPointer { text in
                        let expected = FieldParser.date(text, numericOrder: nil)
                        if DayCache.isoIndex(text) != nil { indexed += 1 }
                        for _ in 0 ..< 2 {
                            let got = cache.reading(text) { parsedAgain += 1; return FieldParser.date(text, numericOrder: nil) }
                            #expect(got == expected, "\(String(decoding: bytes, as: UTF8.self))")
                        }
                    }
                }
            }
        }
        // Indexed: years 1900, 1969, 2024 and 2155, months 01-12, days 01-31 (4 · 12 · 31 = 1,488).
        #expect(indexed == 1_488)
        // Each indexed text is read once (its reading, a day or invalid, is kept). Of the others
        // (6 · 14 · 33 - 1,488 = 1,284), the days of 1899 and of 2156, a leap year (365 + 366 =
        // 731), are kept by the hashed table and read once; the 553 that are no day, twice.
        #expect(parsedAgain == 1_488 + 731 + 2 * 553)
        // Kept: read again without the parser (which would say invalid here).
        Array("2024-02-29".utf8).withUnsafeBufferPointer { text in
            #expect(cache.reading(text) { .invalid } == .day(CivilDate.dayNumber(year: 2024, month: 2, day: 29)))
        }
        // Known without the parser only once read (and only a day: an invalid date reads through `reading`).
        var fresh = DayCache()
        Array("2024-03-01".utf8).withUnsafeBufferPointer { text in
            #expect(fresh.knownISODay(text) == nil)
            _ = fresh.reading(text) { FieldParser.date(text, numericOrder: nil) }
            #expect(fresh.knownISODay(text) == CivilDate.dayNumber(year: 2024, month: 3, day: 1))
        }
        Array("2024-02-30".utf8).withUnsafeBufferPointer { text in
            _ = fresh.reading(text) { FieldParser.date(text, numericOrder: nil) }
            #expect(fresh.knownISODay(text) == nil)
        }
        // Around the form, and a byte next to the digits in each place (':' = '9' + 1, '/' = '0' - 1).
        for text in [" 2024-01-05", "2024-01-5", "2024-01-050", "2024-0a-05", "2024/01/05", "2024-01-05\r",
                     "2024-01-0:", "2024-01-/5", "20:4-01-05", "/024-01-05", "2024-1:-05", "2024_01-05", "2024-01_05"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { DayCache.isoIndex($0) } == nil, "\(text)")
        }
    }
}
