import CohortCore
import CohortVocabulary

/// The customer-retention matrix for the terminal: cohorts down, ages across, percentages, in `words`' language.
public enum MatrixTable {
    public static func render(_ analysis: CohortAnalysis, words: any Vocabulary = Language.english.words) -> String {
        let ages = analysis.periods.count
        let prefix = words.ageLetter(analysis.options.period)
        let number = TableNumbers(words: words)
        var table = TextTable(header: [words.matrixTableCohort, words.matrixTableCustomers] + (0 ..< ages).map { "\(prefix)\($0)" },
                              rightAligned: [false] + Array(repeating: true, count: ages + 1))
        for row in analysis.cohorts {
            let cells = row.cells.map { number.percent($0.retention, places: 0) + ($0.partial ? "*" : "") }
            table.append([row.label, number.count(row.size)] + cells + Array(repeating: "", count: ages - cells.count))
        }
        table.append([words.matrixTableAverage, ""] + analysis.averages.map { $0.cohorts == 0 ? "" : number.percent($0.retention, places: 0) })
        return words.matrixTableTitle(asOf: analysis.asOf, analysis.options.period, partial: analysis.endsWithPartialPeriod) + "\n\n"
            + table.render()
    }
}
