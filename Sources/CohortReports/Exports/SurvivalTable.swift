import CohortCore
import CohortVocabulary

/// The Kaplan–Meier retention curve for the terminal, one line per age.
public enum SurvivalTable {
    public static func render(_ analysis: CohortAnalysis) -> String {
        let letter = Language.english.words.ageLetter(analysis.options.period)
        var table = TextTable(header: ["Age", "At risk", "Churned", "Censored", "Still live", "95% band"],
                              rightAligned: [false, true, true, true, true, true])
        for point in analysis.survival ?? [] {
            table.append([
                "\(letter)\(point.age)", NumberText.count(point.atRisk), NumberText.count(point.churned), NumberText.count(point.censored),
                NumberText.percent(Ratio(point.survival)),
                NumberText.percent(Ratio(point.lower)) + " – " + NumberText.percent(Ratio(point.upper)),
            ])
        }
        return "Kaplan–Meier retention: customers still live by age since acquisition, as of \(analysis.asOf) "
            + "(churn window \(analysis.churnWindow.periods); young cohorts censored)\n\n" + table.render()
    }
}
