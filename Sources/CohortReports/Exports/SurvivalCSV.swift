import CohortCore

/// The Kaplan–Meier retention curve as CSV: one row per age, from 0.
///
/// Shares with four places; the header is a contract other tools rely on.
public enum SurvivalCSV {
    public static let header = ["age", "at_risk", "churned", "censored", "survival", "survival_lower_95", "survival_upper_95"]

    public static func render(_ analysis: CohortAnalysis, dialect: CSVExportDialect = .rfc4180) -> String {
        var text = dialect.header(header)
        for point in analysis.survival ?? [] {
            text += dialect.line([
                .integer(point.age), .integer(point.atRisk), .integer(point.churned), .integer(point.censored),
                .number(Ratio(point.survival).formatted()), .number(Ratio(point.lower).formatted()), .number(Ratio(point.upper).formatted()),
            ])
        }
        return text
    }
}
