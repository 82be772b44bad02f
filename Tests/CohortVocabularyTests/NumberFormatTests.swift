import CohortCore
import CohortVocabulary
import Testing

/// Numbers, money and dates in each language's conventions.
struct NumberFormatTests {
    @Test func englishNumbers() {
        #expect(Language.english.words.percent(0.8534) == "85.3%")
        #expect(Language.english.words.money(1234.4, currency: "EUR") == "€1,234")
        #expect(Language.english.words.money(-1234.5, currency: "EUR", places: 2) == "−€1,234.50")
        #expect(Language.english.words.compactMoney(1_250_000, currency: "EUR") == "€1.3M")
        #expect(Language.english.words.count(12345) == "12,345")
        #expect(Language.english.words.longDate(CivilDate(year: 2026, month: 10, day: 31)!) == "31 October 2026")
    }

    @Test func germanNumbers() {
        #expect(Language.german.words.percent(0.8534) == "85,3 %")
        #expect(Language.german.words.money(1234.4, currency: "EUR") == "1.234 €")
        #expect(Language.german.words.money(1234.5, currency: "EUR", places: 2) == "1.234,50 €")
        #expect(Language.german.words.compactMoney(1_250_000, currency: "EUR") == "1,3 Mio. €")
        #expect(Language.german.words.count(12345) == "12.345")
        #expect(Language.german.words.longDate(CivilDate(year: 2026, month: 3, day: 1)!) == "1. März 2026")
    }

    @Test func negativeZeroHasNoSign() {
        #expect(Language.english.words.decimal(-0.0001, places: 2) == "0.00")
    }
}

struct LanguageTests {
    @Test func codesAndEnvironment() {
        #expect(Language(code: "de-DE") == .german)
        #expect(Language(code: "de_AT.UTF-8") == .german)
        #expect(Language(code: "fr") == nil)
        #expect(Language.fromEnvironment(["LANG": "de_DE.UTF-8"]) == .german)
        #expect(Language.fromEnvironment(["LANG": "C.UTF-8"]) == .english)
        #expect(Language.fromEnvironment(["LC_ALL": "en_US.UTF-8", "LANG": "de_DE.UTF-8"]) == .english)
    }

    /// Each registered vocabulary names its own code and has a partner for the glossary's second column.
    @Test func everyLanguageIsRegisteredOnce() {
        let codes = Language.registered.map(\.code)
        #expect(Set(codes).count == codes.count)
        for words in Language.registered {
            #expect(Language(code: words.code)?.words.code == words.code)
            #expect(Language(code: words.partnerCode) != nil && words.partnerCode != words.code)
        }
    }

    /// Every glossary term and every report label is worded, and differently in each language.
    @Test func everyTermAndLabelIsWorded() {
        for words in Language.registered {
            for term in GlossaryTerm.allCases {
                let entry = words.glossary(term)
                #expect(!entry.name.isEmpty && !entry.definition.isEmpty, "\(words.code): \(term)")
            }
            for kind in PeriodKind.allCases {
                for label in Mirror(reflecting: words.reportLabels(kind)).children {
                    #expect(!((label.value as? String)?.isEmpty ?? true), "\(words.code): \(label.label ?? "")")
                }
            }
        }
        let english = Language.english.words, german = Language.german.words
        #expect(GlossaryTerm.allCases.filter { english.glossary($0).definition == german.glossary($0).definition }.isEmpty)
    }
}
