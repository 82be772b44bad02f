import CohortCharts

/// One metric of METRICS.md, named and defined in English and German.
public struct GlossaryTerm: Sendable, Equatable {
    public var english: String
    public var german: String
    public var englishDefinition: String
    public var germanDefinition: String

    /// The term's name in `locale`, and in the other language.
    public func name(in locale: ChartLocale) -> (name: String, otherLanguage: String) {
        locale == .german ? (german, english) : (english, german)
    }

    public func definition(in locale: ChartLocale) -> String {
        locale == .german ? germanDefinition : englishDefinition
    }
}

/// The glossary every report ends with, built from METRICS.md (docs/METRICS.md).
public enum Glossary {
    public static let terms: [GlossaryTerm] = [
        GlossaryTerm(english: "Active customer", german: "Aktiver Kunde",
                     englishDefinition: "A customer with at least one order of positive amount in the period. A period with only refunds counts toward revenue, not activity.",
                     germanDefinition: "Ein Kunde mit mindestens einer Bestellung mit positivem Betrag in der Periode. Eine Periode nur mit Gutschriften zählt zum Umsatz, nicht zur Aktivität."),
        GlossaryTerm(english: "Cohort", german: "Kohorte",
                     englishDefinition: "The customers whose first active period is the same; the cohort size n is how many they are.",
                     germanDefinition: "Die Kunden mit derselben ersten aktiven Periode (Erstkauf); die Kohortengröße n ist ihre Anzahl."),
        GlossaryTerm(english: "Age", german: "Alter",
                     englishDefinition: "Periods since acquisition: period − cohort period (0 = the acquisition period).",
                     germanDefinition: "Perioden seit dem Erstkauf: Periode − Kohortenperiode (0 = Erstkaufperiode)."),
        GlossaryTerm(english: "As-of date, partial period", german: "Stichtag, unvollständige Periode",
                     englishDefinition: "The last date covered (default: the latest order date). A period containing it without ending on it is partial: shown, marked, and left out of averages and trends.",
                     germanDefinition: "Der letzte abgedeckte Tag (Standard: das jüngste Bestelldatum). Eine Periode, die ihn enthält, aber nicht mit ihm endet, ist unvollständig: gezeigt, markiert und aus Durchschnitten und Trends herausgenommen."),
        GlossaryTerm(english: "Customer retention", german: "Kundenbindung je Kohorte",
                     englishDefinition: "Customers of the cohort active in the period ÷ cohort size. The average across cohorts weights by cohort size: Σ active ÷ Σ size over complete cells.",
                     germanDefinition: "Aktive Kunden der Kohorte in der Periode ÷ Kohortengröße. Der Durchschnitt über Kohorten gewichtet nach Größe: Σ aktiv ÷ Σ Größe über vollständige Zellen."),
        GlossaryTerm(english: "Unbounded retention", german: "Unbegrenzte Kundenbindung",
                     englishDefinition: "Customers of the cohort active in the period or any later one up to the as-of date ÷ cohort size.",
                     germanDefinition: "Kunden der Kohorte, die in der Periode oder einer späteren bis zum Stichtag aktiv waren ÷ Kohortengröße."),
        GlossaryTerm(english: "Revenue retention (NRR per cohort)", german: "Umsatzbindung je Kohorte (NRR)",
                     englishDefinition: "The cohort's net revenue in the period ÷ its net revenue in the acquisition period (refunds included).",
                     germanDefinition: "Nettoumsatz der Kohorte in der Periode ÷ ihr Nettoumsatz in der Erstkaufperiode (Gutschriften eingerechnet)."),
        GlossaryTerm(english: "Gross revenue retention (GRR per cohort)", german: "Bruttoumsatzbindung je Kohorte (GRR)",
                     englishDefinition: "Σ over the cohort's customers of min(revenue now, revenue at acquisition) ÷ revenue at acquisition; expansion does not count, so it never exceeds 100 %.",
                     germanDefinition: "Σ über die Kunden der Kohorte von min(Umsatz jetzt, Umsatz beim Erstkauf) ÷ Umsatz beim Erstkauf; Mehrumsatz zählt nicht, daher nie über 100 %."),
        GlossaryTerm(english: "Cumulative revenue per customer (LTV curve)", german: "Kumulierter Umsatz je Kunde (LTV-Kurve)",
                     englishDefinition: "The cohort's net revenue from acquisition up to this age ÷ cohort size.",
                     germanDefinition: "Nettoumsatz der Kohorte vom Erstkauf bis zu diesem Alter ÷ Kohortengröße."),
        GlossaryTerm(english: "Live customer, churn window", german: "Kundenbestand, Abwanderungsfenster",
                     englishDefinition: "A customer is live at the end of a period when it was active in at least one of the last W periods (W = churn window, default 1).",
                     germanDefinition: "Ein Kunde zählt am Periodenende zum Bestand, wenn er in mindestens einer der letzten W Perioden aktiv war (W = Abwanderungsfenster, Standard 1)."),
        GlossaryTerm(english: "Kaplan–Meier retention curve", german: "Kaplan-Meier-Bindungskurve",
                     englishDefinition: "The share of customers still live by age since acquisition, each followed to its first churn; a customer whose cohort is too young to tell more is censored at the as-of date. The 95 % band is by Greenwood's formula (survival.csv).",
                     germanDefinition: "Der Anteil der Kunden, die so viele Perioden nach dem Erstkauf noch im Bestand sind, jeder bis zur ersten Abwanderung verfolgt; ein Kunde einer zu jungen Kohorte wird am Stichtag zensiert. Das 95-%-Band nach der Greenwood-Formel (survival.csv)."),
        GlossaryTerm(english: "New, reactivated, churned customers", german: "Neukunden, zurückgewonnene, abgewanderte Kunden",
                     englishDefinition: "New: acquired in the period. Reactivated: active, not live at the end of the previous period, not new. Churned: live at the end of the previous period, not live at the end of this one. End = start + new + reactivated − churned.",
                     germanDefinition: "Neu: in der Periode gewonnen. Zurückgewonnen: aktiv, am Ende der Vorperiode nicht im Bestand, nicht neu. Abgewandert: am Ende der Vorperiode im Bestand, am Ende dieser nicht. Ende = Beginn + neu + zurückgewonnen − abgewandert."),
        GlossaryTerm(english: "Churn rate", german: "Abwanderungsrate",
                     englishDefinition: "Churned customers ÷ live customers at the start of the period.",
                     germanDefinition: "Abgewanderte Kunden ÷ Kundenbestand zu Periodenbeginn."),
        GlossaryTerm(english: "Customer retention rate (CRR)", german: "Kundenbindungsrate (CRR)",
                     englishDefinition: "(Live at the end − new) ÷ live at the start. It counts reactivations as retained, so the bridge is always shown beside it.",
                     germanDefinition: "(Bestand am Ende − Neukunden) ÷ Bestand zu Beginn. Zurückgewonnene zählen als gehalten, deshalb steht die Kundenbrücke immer daneben."),
        GlossaryTerm(english: "CRR over 12 periods", german: "Jährliche Kundenbindungsrate",
                     englishDefinition: "Customers with a positive order in the year before last who also have one in the last year ÷ the former. Needs two years of history.",
                     germanDefinition: "Kunden mit positiver Bestellung im vorletzten Jahr, die auch im letzten Jahr bestellt haben ÷ erstere. Braucht zwei Jahre Historie."),
        GlossaryTerm(english: "Win-back rate", german: "Rückgewinnungsquote",
                     englishDefinition: "Reactivated customers ÷ customers acquired earlier who were not live at the end of the previous period.",
                     germanDefinition: "Zurückgewonnene Kunden ÷ früher gewonnene Kunden, die am Ende der Vorperiode nicht im Bestand waren."),
        GlossaryTerm(english: "Revenue bridge", german: "Umsatzbrücke",
                     englishDefinition: "Per customer, positive net revenue this period against the previous one, split into new, expansion, contraction, churned and reactivation; the start plus the movements gives the end.",
                     germanDefinition: "Je Kunde positiver Nettoumsatz dieser Periode gegenüber der vorigen, aufgeteilt in neu, Ausweitung, Rückgang, abgewandert und Reaktivierung; Beginn plus Bewegungen ergibt das Ende."),
        GlossaryTerm(english: "Net revenue retention (NRR), trailing 12 months", german: "Nettoumsatzbindung (NRR), rollierend 12 Monate",
                     englishDefinition: "Revenue in the last 12 months of the customers who bought in the 12 months before ÷ their revenue in those earlier 12 months. Needs 24 months of history.",
                     germanDefinition: "Umsatz der letzten 12 Monate der Kunden, die in den 12 Monaten davor gekauft haben ÷ ihr Umsatz in jenen 12 Monaten. Braucht 24 Monate Historie."),
        GlossaryTerm(english: "Gross revenue retention (GRR), trailing 12 months", german: "Bruttoumsatzbindung (GRR), rollierend 12 Monate",
                     englishDefinition: "Like NRR, but each customer counts at most its earlier revenue: Σ min(current, base) ÷ Σ base.",
                     germanDefinition: "Wie NRR, aber jeder Kunde zählt höchstens mit seinem früheren Umsatz: Σ min(aktuell, Basis) ÷ Σ Basis."),
        GlossaryTerm(english: "Monthly NRR / GRR, revenue churn rate", german: "Monatliche NRR / GRR, Umsatz-Abwanderungsrate",
                     englishDefinition: "The same over one period against the previous one. Revenue churn rate = −(churned + contraction) ÷ previous revenue = 1 − monthly GRR.",
                     germanDefinition: "Dasselbe für eine Periode gegenüber der vorigen. Umsatz-Abwanderungsrate = −(abgewandert + Rückgang) ÷ Vorperiodenumsatz = 1 − monatliche GRR."),
        GlossaryTerm(english: "Orders, average order value (AOV)", german: "Bestellungen, durchschnittlicher Bestellwert",
                     englishDefinition: "Rows sharing an order id are one order; it is positive when its total is above 0. AOV = sum of positive order totals ÷ number of positive orders.",
                     germanDefinition: "Zeilen mit derselben Bestellnummer sind eine Bestellung; sie ist positiv, wenn ihre Summe über 0 liegt. Bestellwert = Summe positiver Bestellungen ÷ ihre Anzahl."),
        GlossaryTerm(english: "Repeat purchase rate", german: "Wiederkaufsrate",
                     englishDefinition: "Customers with two or more positive orders in the trailing 12 periods ÷ customers with at least one.",
                     germanDefinition: "Kunden mit zwei oder mehr positiven Bestellungen in den letzten 12 Perioden ÷ Kunden mit mindestens einer."),
        GlossaryTerm(english: "Purchase frequency", german: "Kauffrequenz",
                     englishDefinition: "Positive orders in the trailing 12 periods ÷ customers with at least one ÷ number of periods: orders per customer per period.",
                     germanDefinition: "Positive Bestellungen der letzten 12 Perioden ÷ Kunden mit mindestens einer ÷ Anzahl Perioden: Bestellungen je Kunde und Periode."),
        GlossaryTerm(english: "Average lifespan", german: "Durchschnittliche Kundenlebensdauer",
                     englishDefinition: "1 ÷ the mean churn rate of the last 12 complete periods, in periods.",
                     germanDefinition: "1 ÷ mittlere Abwanderungsrate der letzten 12 vollständigen Perioden, in Perioden."),
        GlossaryTerm(english: "Customer lifetime value (CLV), simple", german: "Kundenwert (CLV), einfach",
                     englishDefinition: "Average order value × purchase frequency × average lifespan (× gross margin if configured), over the trailing 12 periods.",
                     germanDefinition: "Durchschnittlicher Bestellwert × Kauffrequenz × Kundenlebensdauer (× Rohertragsmarge, falls angegeben), über die letzten 12 Perioden."),
    ]
}
