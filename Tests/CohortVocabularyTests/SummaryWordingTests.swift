import CohortCore
import CohortVocabulary
import Testing

/// The summary's sentences in both languages, for facts whose direction is known (growth, a
/// missed target, a window chosen from the data); worded by hand here.
struct SummaryWordingTests {
    let march = PeriodInfo(index: 2, label: "2026-03", firstDay: CivilDate(year: 2026, month: 3, day: 1)!,
                           lastDay: CivilDate(year: 2026, month: 3, day: 31)!, partial: false)
    let english = Language.english.words
    let german = Language.german.words

    @Test func churnWindowFromTheDataSaysWhy() {
        let window = ChurnWindow(periods: 8, fromData: true, repeatPurchases: 1_234, repeatPurchasesWithin: 1_120)
        #expect(english.churnWindowReason(window, .month)
            == "A customer counts as lost after 8 months without an order: 91% of the 1,234 repeat orders came within 8 months of the one before.")
        #expect(german.churnWindowReason(window, .month)
            == "Ein Kunde gilt nach 8 Monaten ohne Bestellung als verloren: 91 % der 1.234 Wiederholungskäufe kamen innerhalb von 8 Monaten nach dem vorigen.")
        let given = ChurnWindow(periods: 1, fromData: false, repeatPurchases: 3, repeatPurchasesWithin: 3)
        #expect(english.churnWindowReason(given, .month) == "A customer counts as lost after 1 month without an order (set with --churn-window).")
        #expect(german.churnWindowReason(given, .quarter) == "Ein Kunde gilt nach 1 Quartal ohne Bestellung als verloren (mit --churn-window festgelegt).")
    }

    @Test func growthAndAMissedTarget() {
        let customers = SummaryFact.activeCustomers(period: march, count: 4, previous: 3, yearAgo: nil)
        #expect(english.sentence(customers, .month, currency: "EUR") == "At the end of March 2026, 4 customers were active, 33.3% more than a month earlier.")
        #expect(german.sentence(customers, .month, currency: "EUR") == "Ende März 2026 waren 4 Kunden aktiv, 33,3 % mehr als einen Monat zuvor.")
        let churn = SummaryFact.churn(period: march, rate: 1.0 / 3, previous: 0, kept: 2.0 / 3, target: 0.9, status: .bad)
        #expect(english.sentence(churn, .month, currency: "EUR")
            == "In March 2026, 33.3% of the customers active at its start churned (0.0% a month earlier), so 66.7% were kept, short of the target of 90.0%.")
        #expect(german.sentence(churn, .month, currency: "EUR")
            == "Im März 2026 sind 33,3 % der zu Beginn aktiven Kunden abgewandert (einen Monat zuvor: 0,0 %), gehalten wurden also 66,7 %, unter dem Ziel von 90,0 %.")
        let revenue = SummaryFact.revenue(period: march, revenue: Money(minorUnits: 60_000), previous: Money(minorUnits: 25_000), yearAgo: nil,
                                          churned: Money(minorUnits: 5_000))
        #expect(english.sentence(revenue, .month, currency: "EUR")
            == "Revenue was €600, 140.0% more than a month earlier; customers who left took €50 of the previous month's revenue with them.")
        #expect(german.sentence(revenue, .month, currency: "EUR")
            == "Der Umsatz betrug 600 €, 140,0 % mehr als einen Monat zuvor; abgewanderte Kunden nahmen 50 € des Vormonatsumsatzes mit.")
        let drivers = SummaryFact.drivers(movement: .new, amount: Money(minorUnits: 20_000), cohort: "2026-01", cohortChange: Money(minorUnits: 15_000))
        #expect(english.sentence(drivers, .month, currency: "EUR")
            == "The largest revenue movement: new customers (+€200); among earlier cohorts, the one of 2026-01 changed most (+€150).")
        #expect(german.sentence(drivers, .month, currency: "EUR")
            == "Größte Umsatzbewegung: Neukunden (+200 €); unter den früheren Kohorten veränderte sich die von 2026-01 am stärksten (+150 €).")
    }

    @Test func decliningRevenueAndRetentionOnTarget() {
        let revenue = SummaryFact.revenue(period: march, revenue: Money(minorUnits: 9_000), previous: Money(minorUnits: 10_000),
                                          yearAgo: Money(minorUnits: 9_000), churned: .zero)
        #expect(english.sentence(revenue, .month, currency: "EUR") == "Revenue was €90, 10.0% less than a month earlier and about as much as a year earlier.")
        let retention = SummaryFact.revenueRetention(nrr: 1.042, grr: 0.861, window: 12, target: 1.0, status: .good)
        #expect(english.sentence(retention, .month, currency: "EUR")
            == "Over the last 12 months, the customers of the 12 months before kept 104.2% of their revenue with expansion (NRR) and 86.1% without it (GRR), meeting the target of 100.0%.")
        #expect(german.sentence(retention, .month, currency: "EUR")
            == "In den letzten 12 Monaten behielten die Kunden der 12 Monate davor 104,2 % ihres Umsatzes mit Ausweitung (NRR) und 86,1 % ohne (GRR), im Ziel von 100,0 %.")
    }

    @Test func headlineLabelsAndMissingFigures() {
        #expect(english.headlineLabel(.nrr, span: 9, .month) == "Net revenue retention (over 9 months)")
        #expect(english.headlineLabel(.nrr, span: 12, .month) == "Net revenue retention (12 months)")
        #expect(german.headlineLabel(.clv12m, span: 12, .month) == "Umsatz je Kunde, erste 12 Monate")
        #expect(english.missingFigure(.needsPeriods(needed: 24, present: 18), .month) == "needs 24 months of orders, 18 present")
        #expect(german.missingFigure(.needsPeriods(needed: 24, present: 18), .month) == "braucht 24 Monate Bestellungen, 18 vorhanden")
    }
}
