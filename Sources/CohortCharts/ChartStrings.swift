import CohortCore

/// Every fixed text a chart shows, in the style's language.
struct ChartStrings {
    let locale: ChartLocale

    private func pick(_ english: String, _ german: String) -> String {
        locale == .german ? german : english
    }

    func periodNoun(_ kind: PeriodKind, plural: Bool = false) -> String {
        switch (kind, locale) {
        case (.month, .english): return plural ? "months" : "month"
        case (.week, .english): return plural ? "weeks" : "week"
        case (.quarter, .english): return plural ? "quarters" : "quarter"
        case (.month, .german): return plural ? "Monate" : "Monat"
        case (.week, .german): return plural ? "Wochen" : "Woche"
        case (.quarter, .german): return plural ? "Quartale" : "Quartal"
        }
    }

    /// "M", "W" or "Q" before an age number on heat-map columns.
    func ageLetter(_ kind: PeriodKind) -> String {
        switch kind {
        case .month: return "M"
        case .week: return locale == .german ? "W" : "W"
        case .quarter: return "Q"
        }
    }

    var retentionTitle: String { pick("Customer retention by cohort", "Kundenbindung je Kohorte") }
    var revenueRetentionTitle: String { pick("Revenue retention by cohort (NRR)", "Umsatzbindung je Kohorte (NRR)") }
    var grossRevenueRetentionTitle: String { pick("Gross revenue retention by cohort (GRR)", "Bruttoumsatzbindung je Kohorte (GRR)") }
    var retentionCurvesTitle: String { pick("Retention curves", "Bindungskurven") }
    var customerBridgeTitle: String { pick("Customer bridge", "Kundenbrücke") }
    var revenueBridgeTitle: String { pick("Revenue bridge", "Umsatzbrücke") }
    var trendsTitle: String { pick("KPI trends", "KPI-Verlauf") }
    var ltvTitle: String { pick("Cumulative revenue per customer (LTV curves)", "Kumulierter Umsatz je Kunde (LTV-Kurven)") }
    var survivalTitle: String { pick("Customers still live (Kaplan–Meier)", "Noch im Kundenbestand (Kaplan-Meier)") }
    var stillLive: String { pick("still live (first churn ends it)", "noch im Bestand (bis zur ersten Abwanderung)") }
    var confidenceBand: String { pick("95% confidence band (Greenwood)", "95-%-Konfidenzband (Greenwood)") }
    func churnWindow(_ window: Int) -> String { pick("churn window \(window)", "Abwanderungsfenster \(window)") }
    func halfChurned(_ age: String) -> String { pick("half have churned by \(age)", "die Hälfte ist bis \(age) abgewandert") }
    func survivalCaption(customers: String, censored: String, partial: Bool) -> String {
        pick("Share of the \(customers) customers still live at each age since acquisition, each followed to its first churn; "
             + "\(censored) whose cohort is too young to tell more count up to the last complete period (censored)."
             + (partial ? " Customers acquired in the partial period are not counted yet." : ""),
             "Anteil der \(customers) Kunden, die im jeweiligen Alter seit dem Erstkauf noch im Bestand sind, jeder bis zur ersten "
             + "Abwanderung verfolgt; \(censored) aus zu jungen Kohorten zählen bis zur letzten vollständigen Periode (zensiert)."
             + (partial ? " In der unvollständigen Periode gewonnene Kunden zählen noch nicht." : ""))
    }

    var cohort: String { pick("Cohort", "Kohorte") }
    var customers: String { pick("Customers", "Kunden") }
    var average: String { pick("Average", "Durchschnitt") }
    var weightedAverage: String { pick("Average (weighted by cohort size)", "Durchschnitt (gewichtet nach Kohortengröße)") }
    var partialPeriod: String { pick("partial period (as-of date inside it)", "unvollständige Periode (Stichtag darin)") }
    var asOf: String { pick("as of", "Stand") }
    var cohorts: String { pick("cohorts", "Kohorten") }
    var target: String { pick("target", "Ziel") }
    var recentCohorts: String { pick("most recent cohorts", "jüngste Kohorten") }
    var olderCohorts: String { pick("older cohorts", "ältere Kohorten") }
    var new: String { pick("New", "Neu") }
    var reactivated: String { pick("Won back", "Zurückgewonnen") }
    var churned: String { pick("Churned", "Abgewandert") }
    var netChange: String { pick("Net change", "Nettoveränderung") }
    var expansion: String { pick("Expansion", "Ausweitung") }
    var contraction: String { pick("Contraction", "Rückgang") }
    var reactivation: String { pick("Reactivation", "Reaktivierung") }
    var churnRate: String { pick("Churn rate", "Abwanderungsrate") }
    var retentionRate: String { pick("Customer retention rate (CRR)", "Kundenbindungsrate (CRR)") }
    var nrr12: String { pick("NRR, trailing 12 months", "NRR, rollierend 12 Monate") }
    var grr12: String { pick("GRR, trailing 12 months", "GRR, rollierend 12 Monate") }
    var averageOrderValue: String { pick("Average order value", "Durchschnittlicher Bestellwert") }
    var age: String { pick("Age", "Alter") }
    var ageAxis: String { pick("periods since acquisition", "Perioden seit Erstkauf") }
    func ageAxis(_ kind: PeriodKind) -> String {
        pick("\(periodNoun(kind, plural: true)) since first purchase", "\(periodNoun(kind, plural: true)) seit Erstkauf")
    }

    /// "last 24 of 60 months" for a subtitle when older periods are left out.
    func lastPeriods(_ shown: Int, of total: Int, kind: PeriodKind) -> String {
        guard locale == .german else { return "last \(shown) of \(total) \(periodNoun(kind, plural: true))" }
        let dative: String
        switch kind {
        case .month: dative = "Monaten"
        case .week: dative = "Wochen"
        case .quarter: dative = "Quartalen"
        }
        return "letzte \(shown) von \(total) \(dative)"
    }

    var noPeriods: String { locale == .german ? "Keine Perioden zum Anzeigen" : "No periods to show" }
}
