import CohortCore

/// The Kaplan–Meier retention curve as CSV: one row per age, from 0.
///
/// Shares with four places; the header is a contract other tools rely on.
public enum SurvivalCSV {
    public static let header = ["age", "at_risk", "churned", "censored", "survival", "survival_lower_95", "survival_upper_95"]

    public static func render(_ analysis: CohortAnalysis) -> String {
        var text = CSVField.line(header)
        for point in analysis.survival ?? [] {
            text += CSVField.line([
                String(point.age), String(point.atRisk), String(point.churned), String(point.censored),
                Ratio(point.survival).formatted(), Ratio(point.lower).formatted(), Ratio(point.upper).formatted(),
            ])
        }
        return text
    }
}
