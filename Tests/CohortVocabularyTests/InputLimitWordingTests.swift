import CohortCore
import CohortIngest
import CohortVocabulary
import Testing

/// The words of the input's limits, in both languages, and messages kept to one line.
struct InputLimitWordingTests {
    @Test func controlCharactersAreShownEscaped() {
        #expect(OneLineText.escaped("plain € text") == "plain € text")
        #expect(OneLineText.escaped("a\nb\r\tc") == #"a\nb\r\tc"#)
        #expect(OneLineText.escaped("x\u{1B}[31my\u{7F}z\u{85}\u{9F}\u{2028}") == #"x\u{1B}[31my\u{7F}z\u{85}\u{9F}\u{2028}"#)
        #expect(OneLineText.escaped(#"a\nb"#) == #"a\nb"#) // a backslash stays
    }

    @Test func everyLanguageWordsTheNewReasonsWarningsAndErrors() {
        let row = RejectedRow(source: "orders.csv", line: 7, column: "order_date",
                              reason: .dateOutOfRange(text: "9999-12-31", earliest: CivilDate(year: 1900, month: 1, day: 1)!,
                                                      latest: CivilDate(year: 2031, month: 12, day: 4)!),
                              rawText: "")
        for language in Language.all {
            let words = language.words
            let texts = [
                words.reason(.amountTooLarge(text: "12345678901234567890")),
                words.describe(row),
                words.describe(.datesOutOfRange(count: 1, earliest: CivilDate(year: 1900, month: 1, day: 1)!,
                                                latest: CivilDate(year: 2031, month: 12, day: 4)!, first: row)),
                words.describe(.sameInputTwice(source: "b.csv", original: "a.csv", sameFile: true)),
                words.describe(.sameInputTwice(source: "c.csv", original: "a.csv", sameFile: false)),
                words.describe(IngestError.tooManyColumns(source: "wide.csv", line: 1, count: 1_000_000, limit: 10_000)),
                words.describe(IngestError.recordTooLong(source: "long.csv", line: 3, megabytes: 16)),
                words.describe(IngestError.changedWhileRead(source: "cut.csv")),
                words.describe(IngestError.noWriter(source: "pipe", seconds: 10)),
                words.describe(IngestError.unreadableWorkbook(source: "bomb.xlsx", reason: .partTooLarge(part: "xl/worksheets/sheet1.xml", megabytes: 206))),
                words.describe(AnalysisError.amountTotalTooLarge),
            ]
            for text in texts {
                #expect(!text.isEmpty && !text.contains("\n") && text.count < 300, "\(language.code): \(text)")
            }
            #expect(texts[1].contains("9999-12-31") && texts[2].contains("orders.csv:7"), "\(language.code)")
            #expect(texts[5].contains("1000000") && texts[9].contains("--max-sheet-mb"), "\(language.code)")
        }
        #expect(Language.all.count >= 2)
    }
}
