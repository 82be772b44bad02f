import CohortCharts
import CohortCore

/// Every fixed text of a report, in its language; templates read them as `labels.*`.
public struct ReportLabels: Sendable {
    public let reportTitle: String
    public let source: String
    public let asOf: String
    public let generated: String
    public let rowsRead: String
    public let rowsRejected: String
    public let customersInCohorts: String
    public let headline: String
    public let previousPeriod: String
    public let yearEarlier: String
    public let target: String
    public let onTarget: String
    public let nearTarget: String
    public let offTarget: String
    public let noTarget: String
    public let customerBridge: String
    public let revenueBridge: String
    public let revenueBridgeNote: String
    public let period: String
    public let start: String
    public let new: String
    public let reactivated: String
    public let churned: String
    public let end: String
    public let churnRate: String
    public let retentionRate: String
    public let expansion: String
    public let contraction: String
    public let reactivation: String
    public let nrr: String
    public let grr: String
    public let matrices: String
    public let cohort: String
    public let customers: String
    public let average: String
    public let matrixNote: String
    public let partialMark: String
    public let trends: String
    public let lifetimeValue: String
    public let dataQuality: String
    public let glossary: String
    public let term: String
    public let otherLanguage: String
    public let definition: String
    public let contents: String
    public let publishedReports: String
    public let generatedBy: String

    init(locale: ChartLocale, kind: PeriodKind) {
        let german = locale == .german
        func pick(_ english: String, _ deutsch: String) -> String { german ? deutsch : english }
        let noun: String, nouns: String
        switch (kind, german) {
        case (.month, false): (noun, nouns) = ("month", "months")
        case (.week, false): (noun, nouns) = ("week", "weeks")
        case (.quarter, false): (noun, nouns) = ("quarter", "quarters")
        case (.month, true): (noun, nouns) = ("Monat", "Monaten")
        case (.week, true): (noun, nouns) = ("Woche", "Wochen")
        case (.quarter, true): (noun, nouns) = ("Quartal", "Quartalen")
        }
        reportTitle = pick("Cohort report", "Kohortenbericht")
        source = pick("Source", "Quelle")
        asOf = pick("as of", "Stand")
        generated = pick("generated", "erstellt")
        rowsRead = pick("rows read", "Zeilen gelesen")
        rowsRejected = pick("rejected", "abgewiesen")
        customersInCohorts = pick("customers in cohorts", "Kunden in Kohorten")
        headline = pick("Headline KPIs", "Kennzahlen auf einen Blick")
        previousPeriod = pick("vs. previous \(noun)", "ggü. Vor\(noun.lowercased())")
        yearEarlier = pick("vs. a year earlier", "ggü. Vorjahr")
        target = pick("target", "Ziel")
        onTarget = pick("on target", "im Ziel")
        nearTarget = pick("close to target", "knapp am Ziel")
        offTarget = pick("off target", "nicht im Ziel")
        noTarget = pick("no target", "kein Ziel")
        customerBridge = pick("Customer bridge", "Kundenbrücke")
        revenueBridge = pick("Revenue bridge", "Umsatzbrücke")
        revenueBridgeNote = pick("Per customer, positive net revenue against the previous \(noun).",
                                 "Je Kunde: positiver Nettoumsatz gegenüber der Vorperiode.")
        self.period = pick(noun.capitalized, noun)
        start = pick("Start", "Beginn")
        new = pick("New", "Neu")
        reactivated = pick("Won back", "Zurückgewonnen")
        churned = pick("Churned", "Abgewandert")
        end = pick("End", "Ende")
        churnRate = pick("Churn rate", "Abwanderungsrate")
        retentionRate = pick("CRR", "Bindungsrate")
        expansion = pick("Expansion", "Ausweitung")
        contraction = pick("Contraction", "Rückgang")
        reactivation = pick("Reactivation", "Reaktivierung")
        nrr = "NRR"
        grr = "GRR"
        matrices = pick("Cohorts", "Kohorten")
        cohort = pick("Cohort", "Kohorte")
        customers = pick("Customers", "Kunden")
        average = pick("Average", "Durchschnitt")
        matrixNote = pick("Rows are acquisition cohorts, columns the age in \(nouns) (0 = acquisition). The average weights cohorts by size and leaves out partial cells.",
                          "Zeilen sind Kohorten nach Erstkaufperiode, Spalten das Alter in \(nouns) (0 = Erstkauf). Der Durchschnitt gewichtet nach Kohortengröße, ohne unvollständige Zellen.")
        partialMark = pick("* partial \(noun) (the as-of date falls inside it)", "* unvollständige Periode (der Stichtag liegt darin)")
        trends = pick("Trends", "Verlauf")
        lifetimeValue = pick("Lifetime value", "Kundenwert")
        dataQuality = pick("Data quality", "Datenqualität")
        glossary = pick("Glossary", "Glossar")
        term = pick("Term", "Begriff")
        otherLanguage = pick("Deutsch", "English")
        definition = pick("Definition", "Definition")
        contents = pick("Contents", "Inhalt")
        publishedReports = pick("Published cohort reports", "Veröffentlichte Kohortenberichte")
        generatedBy = pick("Generated by cohort", "Erstellt mit cohort")
    }
}
