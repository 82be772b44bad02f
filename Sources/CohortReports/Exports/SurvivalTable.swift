import CohortCore
import CohortVocabulary

/// The Kaplan–Meier retention curve for the terminal, one line per age, in `words`' language.
public enum SurvivalTable {
    public static func render(_ analysis: CohortAnalysis, words: any Vocabulary = Language.english.words) -> String {
        let letter = words.ageLetter(analysis.options.period)
        let number = TableNumbers(words: words)
        var table = TextTable(header: words.survivalTableHeader, rightAligned: [false, true, true, true, true, true])
        for point in analysis.survival ?? [] {
            table.append([
                "\(letter)\(point.age)", number.count(point.atRisk), number.count(point.churned), number.count(point.censored),
                number.percent(Ratio(point.survival)),
                number.percent(Ratio(point.lower)) + " – " + number.percent(Ratio(point.upper)),
            ])
        }
        return words.survivalTableTitle(asOf: analysis.asOf, churnWindow: analysis.churnWindow.periods) + "\n\n" + table.render()
    }
}
