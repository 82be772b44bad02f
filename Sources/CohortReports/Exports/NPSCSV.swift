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

/// The satisfaction view for the terminal.
public enum NPSTable {
    public static func byPeriod(_ satisfaction: SatisfactionAnalysis, cohorts: Bool = false) -> String {
        var table = TextTable(header: [cohorts ? "Cohort" : "Period", "Answers", "Promoters", "Passives", "Detractors", "NPS"],
                              rightAligned: [false, true, true, true, true, true])
        for row in cohorts ? satisfaction.byCohort : satisfaction.byPeriod {
            let nps = row.nps
            table.append([row.label + (row.partial ? "*" : ""), NumberText.count(nps.answers), NumberText.count(nps.promoters),
                          NumberText.count(nps.passives), NumberText.count(nps.detractors), score(nps)])
        }
        let overall = satisfaction.overall
        return "NPS \(cohorts ? "by cohort" : "by period"): \(score(overall)) over \(NumberText.count(overall.answers)) answers\n\n" + table.render()
    }

    public static func byGroup(_ satisfaction: SatisfactionAnalysis) -> String {
        var table = TextTable(header: ["Group", "Customers", "Churned", "Churn rate", "95 % interval"], rightAligned: [false, true, true, true, true])
        for churn in satisfaction.churnAfterAnswer {
            let share = churn.churned
            let interval = share.interval.map { "\(NumberText.percent(Ratio($0.low)))–\(NumberText.percent(Ratio($0.high)))" } ?? "–"
            table.append([churn.group.rawValue, NumberText.count(share.total), NumberText.count(share.count),
                          NumberText.percent(Ratio(share.count, over: share.total)), interval])
        }
        return "Churn within \(satisfaction.followedPeriods) periods after the latest answer, by NPS group (\(satisfaction.finding.rawValue))\n\n"
            + table.render()
    }

    /// "+23.4", "−6.3", "–".
    static func score(_ nps: NetPromoterScore) -> String {
        guard let value = nps.score.value else { return "–" }
        let text = nps.score.formatted(places: 1)
        return value > 0 ? "+" + text : text.replacingOccurrences(of: "-", with: "−")
    }
}
