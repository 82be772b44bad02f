import CohortCore
import CohortIngest

extension German: ContractVocabulary {
    // MARK: Input and errors

    func contractReason(_ reason: RejectReason) -> String {
        switch reason {
        case .endBeforeStart(let start, let end): return "der Vertrag endet am \(end), vor seinem Beginn am \(start)"
        case .negativeMRR(let text): return "'\(text)' ist ein negativer monatlicher Betrag (eine Gutschrift gehört zu den Bestellungen, nicht in einen Vertrag)"
        case .emptyScore: return "die Bewertung ist leer"
        case .notAScore(let text): return "'\(text)' ist keine ganze Bewertung von 0 bis 10"
        default: return self.reason(reason)
        }
    }

    func contractRoleName(_ role: ColumnRole) -> String {
        switch role {
        case .start: return "den Vertragsbeginn"
        case .end: return "das Vertragsende"
        case .mrr: return "den monatlichen Betrag (MRR)"
        case .contract: return "die Vertragsnummer"
        case .score: return "die Bewertung (0–10)"
        default: return role.rawValue
        }
    }

    func describe(_ error: ContractError) -> String {
        switch error {
        case .noContractsUpToAsOf(let asOf):
            return "kein Vertrag beginnt am oder vor dem Stichtag \(asOf)"
        case .periodNotMonthly:
            return "Verträge sind monatlich: ein Bericht nur aus Verträgen hat Monatsperioden (--period weglassen)"
        case .invalidGraceDays(let days):
            return "--grace-days muss 0 oder mehr sein, nicht \(days)"
        }
    }

    // MARK: Report

    func contractWords() -> ContractWords {
        ContractWords(
            contractsTitle: "Verträge und MRR", mrrHeading: "MRR-Bewegungen je Monat", renewalsHeading: "Verlängerungen je Monat",
            upcomingHeading: "Zur Verlängerung in den nächsten 90 Tagen, nach MRR", satisfactionTitle: "Zufriedenheit (NPS)",
            npsByPeriodHeading: "NPS je Monat", churnAfterAnswerHeading: "Abwanderung im Jahr nach der Antwort",
            month: "Monat", customers: "Kunden", mrrStart: "MRR Anfang", new: "Neu", expansion: "Ausweitung", reactivation: "Zurückgewonnen",
            contraction: "Rückgang", churned: "Abgewandert", mrrEnd: "MRR Ende", arr: "ARR", due: "Fällig", renewed: "Verlängert", open: "Offen",
            renewalRate: "Verlängerungsrate", mrrDue: "MRR fällig", mrrRenewed: "MRR verlängert", mrrRenewalRate: "MRR-Verlängerungsrate",
            customer: "Kunde", contract: "Vertrag", end: "Endet", daysLeft: "Tage bis Ende", mrr: "MRR", renewalAgreed: "Schon verlängert",
            yes: "ja", no: "nein", latestScore: "NPS", period: "Periode", answers: "Antworten", promoters: "Promotoren", passives: "Passive",
            detractors: "Kritiker", nps: "NPS", group: "Gruppe", followed: "Verfolgte Kunden", churnRate: "Binnen eines Jahres abgewandert",
            interval: "95-%-Intervall", noUpcoming: "In den nächsten 90 Tagen steht kein Vertrag zur Verlängerung an.",
            revenueIsMRR: "Dieser Bericht ist nur aus Verträgen erstellt: jeder Umsatz ist die MRR am Monatsende, ein Monat mit MRR zählt als Bestellung, und ein Kunde ohne MRR am Monatsende ist abgewandert.")
    }

    func mrrSentence(period: String, customers: Int, mrr: String, arr: String) -> String {
        "Ende \(period) hatten \(count(customers)) \(customers == 1 ? "Kunde" : "Kunden") Verträge mit \(mrr) MRR (ARR \(arr))."
    }

    func mrrMovementSentence(period: String, new: String, expansion: String, reactivation: String, contraction: String, churned: String) -> String {
        "\(period): \(new) neu, \(expansion) Ausweitung, \(reactivation) zurückgewonnen, \(contraction) Rückgang, \(churned) abgewandert."
    }

    func renewalSentence(period: String, renewed: Int, due: Int, rate: String, mrrRate: String, graceDays: Int, open: Int) -> String {
        let stillOpen = open == 0 ? "" : "; \(count(open)) weitere \(open == 1 ? "ist" : "sind") noch offen (in der Nachfrist)"
        if due == 0 && open == 0 { return "Im \(period) wurde kein Vertrag fällig." }
        guard due > 0 else { return "Kein im \(period) fälliger Vertrag ist schon entschieden" + (open == 0 ? "." : stillOpen + ".") }
        return "\(count(renewed)) von \(count(due)) im \(period) fälligen \(due == 1 ? "Vertrag wurde" : "Verträgen wurden") verlängert "
            + "(\(rate); nach MRR \(mrrRate)); Verlängerungen zählen, wenn sie bis \(graceDays) Tage nach dem Ende beginnen" + stillOpen + "."
    }

    func upcomingSentence(count contracts: Int, mrr: String, days: Int, agreed: Int) -> String {
        guard contracts > 0 else { return "In den nächsten \(days) Tagen steht kein Vertrag zur Verlängerung an." }
        let renewed = agreed == 0 ? "" : "; \(count(agreed)) davon \(agreed == 1 ? "ist" : "sind") schon verlängert"
        return "\(count(contracts)) \(contracts == 1 ? "Vertrag" : "Verträge") mit \(mrr) MRR \(contracts == 1 ? "steht" : "stehen") in den nächsten "
            + "\(days) Tagen zur Verlängerung an" + renewed + "."
    }

    func npsSentence(answers: Int, asOf: String, nps: String, promoters: String, passives: String, detractors: String) -> String {
        "NPS über \(answers == 1 ? "die eine Antwort" : "die \(count(answers)) Antworten") bis zum \(asOf): \(nps) (\(promoters) Promotoren, \(passives) Passive, \(detractors) Kritiker)."
    }

    func npsPeriodSentence(period: String, nps: String, answers: Int) -> String {
        "\(period): \(nps) aus \(count(answers)) \(answers == 1 ? "Antwort" : "Antworten")."
    }

    func findingSentence(_ finding: SatisfactionFinding, detractors: String, promoters: String, followed: Int, _ kind: PeriodKind) -> String {
        let year = "der \(followed) \(periodNoun(kind, plural: followed != 1)) nach ihrer letzten Antwort"
        switch finding {
        case .detractorsChurnMore:
            return "Hier wandern Kritiker tatsächlich öfter ab: \(detractors) von ihnen binnen \(year), gegenüber \(promoters) der Promotoren; die 95-%-Intervalle überschneiden sich nicht."
        case .detractorsChurnLess:
            return "Hier wandern Kritiker nicht öfter ab: \(detractors) von ihnen binnen \(year), gegenüber \(promoters) der Promotoren; die 95-%-Intervalle überschneiden sich nicht."
        case .noClearDifference:
            return "Binnen \(year) wanderten \(detractors) der Kritiker und \(promoters) der Promotoren ab; die 95-%-Intervalle überschneiden sich, diese Antworten zeigen also nicht, dass Kritiker öfter abwandern."
        case .tooFewAnswers:
            return "Zu wenige Promotoren oder Kritiker lassen sich ein Jahr nach ihrer Antwort verfolgen, um zu sagen, ob Kritiker öfter abwandern."
        }
    }

    func npsGroupName(_ group: NPSGroup) -> String {
        switch group {
        case .promoter: return "Promotoren (9–10)"
        case .passive: return "Passive (7–8)"
        case .detractor: return "Kritiker (0–6)"
        }
    }

    var npsChurnTitle: String { "Wandern Kritiker ab? Abwanderung nach der NPS-Antwort" }
    var churnedWithinYear: String { "binnen eines Jahres abgewandert" }

    func npsChurnCaption(followed: Int, _ kind: PeriodKind) -> String {
        "Anteil der Kunden, nach ihrer letzten Antwort, die am Ende mindestens eines der \(followed) \(periodNoun(kind, plural: true)) danach nicht mehr aktiv waren; "
            + "Linien: 95-%-Intervall (Wilson). Es zählen nur Antworten, die sich ein ganzes Jahr verfolgen lassen."
    }

    func npsChurnDescription(promoters: String, passives: String, detractors: String, followed: Int, _ kind: PeriodKind) -> String {
        "Binnen der \(followed) \(periodNoun(kind, plural: followed != 1)) nach der letzten Antwort abgewandert: Promotoren \(promoters), Passive \(passives), Kritiker \(detractors)."
    }

    func followedCount(_ count: Int) -> String { "n = \(self.count(count))" }

    var mrrChartTitle: String { "MRR-Bewegungen aus Verträgen" }
    var mrrChartCaption: String { "MRR am Monatsende aus Verträgen; je Monat" }

    var mrrNetChange: String { "Nettoveränderung der MRR" }

    func mrrSummary(_ period: String, start: String, end: String, net: String) -> String {
        "\(period): MRR \(start) → \(end) (netto \(net))"
    }

    func mrrHeadlineLabel(_ key: HeadlineKey) -> String? {
        switch key {
        case .revenue: return "MRR"
        case .averageOrderValue: return "Durchschnittliche MRR je Kunde"
        default: return nil
        }
    }

    func contractsLine(contracts: Int, customers: Int, graceDays: Int) -> String {
        "Verträge: \(count(contracts)) \(contracts == 1 ? "Vertrag" : "Verträge") von \(count(customers)) \(customers == 1 ? "Kunde" : "Kunden"), "
            + "begonnen bis zum Stichtag (Verlängerungen zählen bis \(graceDays) Tage verspätet)."
    }

    func answersLine(answers: Int, outside: Int, unknownCustomers: Int) -> String {
        var line = "Umfrageantworten: \(count(answers)) gelesen"
        if outside > 0 { line += ", \(count(outside)) nach dem Stichtag datiert (nicht berücksichtigt)" }
        if unknownCustomers > 0 { line += ", \(count(unknownCustomers)) von Kunden ohne Kohorte (im NPS, nicht in Kohorten und Abwanderung)" }
        return line + "."
    }

    var mrrFromContracts: String { "MRR aus Verträgen" }

    func glossary(_ term: ContractTerm) -> (name: String, definition: String) {
        switch term {
        case .mrr:
            return ("MRR (monatlich wiederkehrender Umsatz)", "Die Summe der monatlichen Beträge der Verträge eines Kunden, die am letzten Tag des Monats gelten (ein Vertrag, der an diesem Tag endet, gilt noch). Der Monat des Stichtags wird am Stichtag gelesen.")
        case .arr:
            return ("ARR (jährlich wiederkehrender Umsatz)", "12 × MRR.")
        case .mrrMovements:
            return ("MRR-Bewegungen", "Wie sich die MRR von einem Monatsende zum nächsten bewegt hat, Kunde für Kunde: neu (erster Monat mit MRR), Ausweitung und Rückgang (MRR gestiegen oder gefallen), abgewandert (MRR auf 0 gefallen), zurückgewonnen (wieder MRR nach einem Monat ohne).")
        case .renewalRate:
            return ("Verlängerungsrate", "Verlängerte Verträge ÷ im Monat fällige Verträge (ihr Enddatum liegt im Monat). Ein Vertrag ist verlängert, wenn der Kunde einen weiteren Vertrag hat, der nach ihm beginnt, spätestens die Nachfrist nach seinem Ende, und nach ihm endet. Verträge, deren Nachfrist am Stichtag noch läuft, zählen erst, wenn sie entschieden sind.")
        case .mrrRenewalRate:
            return ("MRR-Verlängerungsrate", "MRR der verlängerten fälligen Verträge ÷ MRR aller fälligen Verträge (jeweils die MRR des fällig gewordenen Vertrags).")
        case .nps:
            return ("NPS (Net Promoter Score)", "100 × (Promotoren − Kritiker) ÷ Antworten, von −100 bis +100; Promotoren antworten 9–10, Passive 7–8, Kritiker 0–6.")
        case .churnAfterAnswer:
            return ("Abwanderung nach der Antwort", "Für jeden Kunden seine letzte Antwort, die sich ein Jahr verfolgen lässt: der Anteil der Kunden je Gruppe, die am Ende mindestens eines der 12 Monate danach nicht mehr aktiv waren, mit 95-%-Wilson-Intervall.")
        }
    }
}
