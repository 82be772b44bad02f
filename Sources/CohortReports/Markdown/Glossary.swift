/// The metric glossary shown in every report, built from METRICS.md (English definitions, German names).
public struct GlossaryTerm: Sendable, Equatable {
    public var english: String
    public var german: String
    public var definition: String
}

public enum Glossary {
    public static let terms: [GlossaryTerm] = [
        GlossaryTerm(english: "Active customer", german: "aktiver Kunde",
                     definition: "A customer with at least one order of positive amount in the period. A period with only refunds counts toward revenue, not activity."),
        GlossaryTerm(english: "Cohort", german: "Kohorte",
                     definition: "The customers whose first active period is the same; the cohort size n is how many they are."),
        GlossaryTerm(english: "Age", german: "Alter",
                     definition: "Periods since acquisition: period − cohort period (0 = the acquisition period)."),
        GlossaryTerm(english: "As-of date, partial period", german: "Stichtag, unvollständige Periode",
                     definition: "The last date covered (default: the latest order date). A period containing it without ending on it is partial: shown, marked, and left out of averages and trends."),
        GlossaryTerm(english: "Customer retention", german: "Kundenbindung je Kohorte",
                     definition: "Customers of the cohort active in the period ÷ cohort size. The average across cohorts weights by cohort size: Σ active ÷ Σ size over complete cells."),
        GlossaryTerm(english: "Unbounded retention", german: "unbegrenzte Kundenbindung",
                     definition: "Customers of the cohort active in the period or any later one up to the as-of date ÷ cohort size."),
        GlossaryTerm(english: "Revenue retention (NRR per cohort)", german: "Umsatzbindung je Kohorte",
                     definition: "The cohort's net revenue in the period ÷ its net revenue in the acquisition period (refunds included)."),
        GlossaryTerm(english: "Gross revenue retention (GRR per cohort)", german: "Bruttoumsatzbindung je Kohorte",
                     definition: "Σ over the cohort's customers of min(revenue now, revenue at acquisition) ÷ revenue at acquisition; expansion does not count, so it never exceeds 100 %."),
        GlossaryTerm(english: "Cumulative revenue per customer (LTV curve)", german: "kumulierter Umsatz je Kunde",
                     definition: "The cohort's net revenue from acquisition up to this age ÷ cohort size."),
        GlossaryTerm(english: "Live customer, churn window", german: "Kundenbestand, Abwanderungsfenster",
                     definition: "A customer is live at the end of a period when it was active in at least one of the last W periods (W = churn window, default 1)."),
        GlossaryTerm(english: "New, reactivated, churned customers", german: "Neukunden, zurückgewonnene, abgewanderte Kunden",
                     definition: "New: acquired in the period. Reactivated: active, not live at the end of the previous period, not new. Churned: live at the end of the previous period, not live at the end of this one. End = start + new + reactivated − churned."),
        GlossaryTerm(english: "Churn rate", german: "Abwanderungsrate",
                     definition: "Churned customers ÷ live customers at the start of the period."),
        GlossaryTerm(english: "Customer retention rate (CRR)", german: "Kundenbindungsrate",
                     definition: "(Live at the end − new) ÷ live at the start. It counts reactivations as retained, so the bridge is always shown beside it."),
        GlossaryTerm(english: "CRR over 12 periods", german: "jährliche Kundenbindungsrate",
                     definition: "Customers with a positive order in the year before last who also have one in the last year ÷ the former. Needs two years of history."),
        GlossaryTerm(english: "Win-back rate", german: "Rückgewinnungsquote",
                     definition: "Reactivated customers ÷ customers acquired earlier who were not live at the end of the previous period."),
        GlossaryTerm(english: "Revenue bridge", german: "Umsatzbrücke",
                     definition: "Per customer, positive net revenue this period against the previous one, split into new, expansion, contraction, churned and reactivation; the start plus the movements gives the end."),
        GlossaryTerm(english: "Net revenue retention (NRR), trailing 12 months", german: "Nettoumsatzbindung",
                     definition: "Revenue in the last 12 months of the customers who bought in the 12 months before ÷ their revenue in those earlier 12 months. Needs 24 months of history."),
        GlossaryTerm(english: "Gross revenue retention (GRR), trailing 12 months", german: "Bruttoumsatzbindung",
                     definition: "Like NRR, but each customer counts at most its earlier revenue: Σ min(current, base) ÷ Σ base."),
        GlossaryTerm(english: "Monthly NRR / GRR, revenue churn rate", german: "monatliche NRR / GRR, Umsatz-Abwanderungsrate",
                     definition: "The same over one period against the previous one. Revenue churn rate = −(churned + contraction) ÷ previous revenue = 1 − monthly GRR."),
        GlossaryTerm(english: "Orders, average order value (AOV)", german: "Bestellungen, durchschnittlicher Bestellwert",
                     definition: "Rows sharing an order id are one order; it is positive when its total is above 0. AOV = sum of positive order totals ÷ number of positive orders."),
        GlossaryTerm(english: "Repeat purchase rate", german: "Wiederkaufsrate",
                     definition: "Customers with two or more positive orders in the trailing 12 periods ÷ customers with at least one."),
        GlossaryTerm(english: "Purchase frequency", german: "Kauffrequenz",
                     definition: "Positive orders in the trailing 12 periods ÷ customers with at least one ÷ number of periods: orders per customer per period."),
        GlossaryTerm(english: "Average lifespan", german: "durchschnittliche Kundenlebensdauer",
                     definition: "1 ÷ the mean churn rate of the last 12 complete periods, in periods."),
        GlossaryTerm(english: "Customer lifetime value (CLV), simple", german: "Kundenwert (CLV), einfach",
                     definition: "Average order value × purchase frequency × average lifespan (× gross margin if configured), over the trailing 12 periods."),
    ]
}
