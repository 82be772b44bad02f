import CohortCore
import CohortVocabulary

/// Numbers of the terminal tables in a language's conventions: `NumberText`'s English figures
/// with the language's decimal and grouping marks and percent sign ("85.3%", "1,234.50" in
/// English; "85,3 %", "1.234,50" in German).
///
///     TableNumbers(words: Language.german.words).percent(Ratio(0.8534))   // "85,3 %"
struct TableNumbers {
    let words: any Vocabulary

    func percent(_ ratio: Ratio, places: Int = 1) -> String {
        guard let value = ratio.value else { return "–" }
        return words.percentText(marks(Ratio(value * 100).formatted(places: places)))
    }

    func money(_ money: Money) -> String { marks(NumberText.money(money)) }
    func money(_ ratio: Ratio) -> String { marks(NumberText.money(ratio)) }
    func count(_ value: Int) -> String { marks(NumberText.count(value)) }

    /// English "." and "," as the language writes them.
    private func marks(_ english: String) -> String {
        String(english.flatMap { character -> String in
            switch character {
            case ".": return words.decimalMark
            case ",": return words.groupingMark
            default: return String(character)
            }
        })
    }
}
