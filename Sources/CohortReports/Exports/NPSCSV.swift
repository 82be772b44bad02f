import CohortCore

/// The satisfaction view as CSV (`cohort nps --format csv`, nps.csv): NPS per period or per cohort
/// (`period,answers,promoters,passives,detractors,nps`, NPS with one decimal, half away from zero),
/// or churn after the answer per group (`group,customers,churned,churn_rate,churn_rate_low,churn_rate_high`,
/// rates with four places and the 95 % Wilson interval). Empty where nothing can be computed.
public enum NPSCSV {
    public static let periodHeader = ["period", "answers", "promoters", "passives", "detractors", "nps"]
    public static let cohortHeader = ["cohort", "answers", "promoters", "passives", "detractors", "nps"]
    public static let groupHeader = ["group", "customers", "churned", "churn_rate", "churn_rate_low", "churn_rate_high"]

    public static func byPeriod(_ satisfaction: SatisfactionAnalysis, dialect: CSVExportDialect = .rfc4180) -> String {
        rows(satisfaction.byPeriod, header: periodHeader, dialect: dialect)
    }

    public static func byCohort(_ satisfaction: SatisfactionAnalysis, dialect: CSVExportDialect = .rfc4180) -> String {
        rows(satisfaction.byCohort, header: cohortHeader, dialect: dialect)
    }

    public static func byGroup(_ satisfaction: SatisfactionAnalysis, dialect: CSVExportDialect = .rfc4180) -> String {
        var text = dialect.header(groupHeader)
        for churn in satisfaction.churnAfterAnswer {
            let share = churn.churned
            text += dialect.line([.text(churn.group.rawValue), .integer(share.total), .integer(share.count),
                                  .number(Ratio(share.count, over: share.total).formatted()),
                                  .number(CSVBytes.fixed(share.low, places: 4)), .number(CSVBytes.fixed(share.high, places: 4))])
        }
        return text
    }

    private static func rows(_ periods: [NPSPeriod], header: [String], dialect: CSVExportDialect) -> String {
        var text = dialect.header(header)
        for row in periods {
            let nps = row.nps
            text += dialect.line([.text(row.label), .integer(nps.answers), .integer(nps.promoters), .integer(nps.passives),
                                  .integer(nps.detractors), .number(nps.score.formatted(places: 1))])
        }
        return text
    }
}
