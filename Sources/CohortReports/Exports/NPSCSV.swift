import CohortCore

/// The satisfaction view as CSV (`cohort nps --format csv`, nps.csv): NPS per period or per cohort
/// (`period,answers,promoters,passives,detractors,nps`, NPS with one decimal, half away from zero),
/// or churn after the answer per group (`group,customers,churned,churn_rate,churn_rate_low,churn_rate_high`,
/// rates with four places and the 95 % Wilson interval). Empty where nothing can be computed.
public enum NPSCSV {
    public static let periodHeader = ["period", "answers", "promoters", "passives", "detractors", "nps"]
    public static let cohortHeader = ["cohort", "answers", "promoters", "passives", "detractors", "nps"]
    public static let groupHeader = ["group", "customers", "churned", "churn_rate", "churn_rate_low", "churn_rate_high"]

    public static func byPeriod(_ satisfaction: SatisfactionAnalysis) -> String {
        rows(satisfaction.byPeriod, header: periodHeader)
    }

    public static func byCohort(_ satisfaction: SatisfactionAnalysis) -> String {
        rows(satisfaction.byCohort, header: cohortHeader)
    }

    public static func byGroup(_ satisfaction: SatisfactionAnalysis) -> String {
        var text = CSVField.line(groupHeader)
        for churn in satisfaction.churnAfterAnswer {
            let share = churn.churned
            text += CSVField.line([churn.group.rawValue, String(share.total), String(share.count), Ratio(share.count, over: share.total).formatted(),
                                   CSVBytes.fixed(share.low, places: 4), CSVBytes.fixed(share.high, places: 4)])
        }
        return text
    }

    private static func rows(_ periods: [NPSPeriod], header: [String]) -> String {
        var text = CSVField.line(header)
        for row in periods {
            let nps = row.nps
            text += CSVField.line([row.label, String(nps.answers), String(nps.promoters), String(nps.passives), String(nps.detractors),
                                   nps.score.formatted(places: 1)])
        }
        return text
    }
}
