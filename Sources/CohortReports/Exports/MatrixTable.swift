import CohortCore
import CohortVocabulary

/// The customer-retention matrix for the terminal: cohorts down, ages across, percentages.
public enum MatrixTable {
    public static func render(_ analysis: CohortAnalysis) -> String {
        let ages = analysis.periods.count
        let prefix = Language.english.words.ageLetter(analysis.options.period)
        var table = TextTable(header: ["Cohort", "Customers"] + (0 ..< ages).map { "\(prefix)\($0)" },
                              rightAligned: [false] + Array(repeating: true, count: ages + 1))
        for row in analysis.cohorts {
            let cells = row.cells.map { NumberText.percent($0.retention, places: 0) + ($0.partial ? "*" : "") }
            table.append([row.label, NumberText.count(row.size)] + cells + Array(repeating: "", count: ages - cells.count))
        }
        table.append(["Average", ""] + analysis.averages.map { $0.cohorts == 0 ? "" : NumberText.percent($0.retention, places: 0) })
        let partial = analysis.endsWithPartialPeriod ? "; * = partial period" : ""
        return "Customer retention by cohort, as of \(analysis.asOf) (\(analysis.options.period.rawValue)ly periods\(partial))\n\n"
            + table.render()
    }
}
