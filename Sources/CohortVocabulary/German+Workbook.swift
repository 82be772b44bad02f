import CohortCore
import CohortExcel
import Foundation

extension German {
    func workbookWords(_ kind: PeriodKind) -> WorkbookWords {
        let noun = periodNoun(kind, plural: false), nouns = periodNoun(kind, plural: true)
        let year = kind == .month ? "12 Monate" : kind == .quarter ? "4 Quartale" : "52 Wochen"
        let previous = kind == .week ? "Vorwoche" : "Vor" + noun.lowercased()
        return WorkbookWords(
            summarySheet: "Übersicht", retentionSheet: "Kundenbindung", revenueRetentionSheet: "Umsatzbindung",
            grossRetentionSheet: "Bruttoumsatzbindung", revenueSheet: "Umsatz", revenuePerCustomerSheet: "Umsatz je Kunde",
            kpiSheet: "Kennzahlen je \(noun)", survivalSheet: "Bindungskurve", atRiskSheet: "Abwanderungsgefahr", lostSheet: "Verloren",
            wonBackSheet: "Zurückgewonnen", customersSheet: "Kunden",
            figure: "Kennzahl", previousPeriod: previous, yearEarlier: "Vorjahr", status: "Status", note: "Hinweis",
            asOf: "Stichtag", reportedPeriod: "Berichts\(noun.lowercased())", periods: "Perioden", churnWindow: "Abwanderungsfenster",
            source: "Quelle", rowsRead: "Zeilen gelesen", rowsRejected: "Zeilen abgewiesen", customersInCohorts: "Kunden in Kohorten",
            generated: "Erstellt", target: "Ziel", cohortSize: "Kohortengröße",
            partial: "unvollständig",
            kpiColumns: KPIColumnWords(
                period: noun, partial: "Unvollständig", customersStart: "Kunden zu Beginn", newCustomers: "Neukunden",
                reactivatedCustomers: "Zurückgewonnen", churnedCustomers: "Abgewandert", customersEnd: "Kunden am Ende",
                churnRate: "Abwanderungsrate", customerRetentionRate: "Kundenbindungsrate (CRR)",
                customerRetentionRate12: "Kundenbindungsrate über \(year)", winBackRate: "Rückgewinnungsquote", revenue: "Umsatz",
                revenueStart: "Umsatz zu Beginn", revenueNew: "Umsatz Neukunden", revenueExpansion: "Ausweitung",
                revenueContraction: "Rückgang", revenueChurned: "Umsatz abgewandert", revenueReactivation: "Reaktivierung",
                revenueEnd: "Umsatz am Ende", nrrMonthly: "NRR \(periodly(kind))",
                grrMonthly: "GRR \(periodly(kind))", nrr12: "NRR über \(year)", grr12: "GRR über \(year)",
                revenueChurnRate: "Umsatz-Abwanderungsrate", orders: "Bestellungen", averageOrderValue: "Durchschn. Bestellwert",
                repeatPurchaseRate12: "Wiederkaufsrate", purchaseFrequency12: "Bestellungen je Kunde und \(noun)",
                averageLifespan: "Mittlere Kundendauer (\(nouns))", customerLifetimeValue: "CLV"),
            firstOrder: "Erste Bestellung", expectedOrders: "Erwartete Bestellungen 12 Monate", expectedOrderValue: "Erwarteter Bestellwert",
            survivalAge: "\(nouns) seit Erstkauf", survivalAtRisk: "Beobachtet", survivalChurned: "Abgewandert",
            survivalCensored: "Zensiert", survivalShare: "Noch im Bestand", lowerBound: "Untergrenze 95 %", upperBound: "Obergrenze 95 %")
    }

    var currencyFollowsAmount: Bool { true }

    func uncoloredSmallCohorts(below minimum: Int) -> String {
        "Kohorten mit weniger als \(count(minimum)) Kunden bleiben ungefärbt; im Durchschnitt zählen sie nach ihrer Größe."
    }

    func listExcerpt(shown: Int, of total: Int, file: String?) -> String {
        let all = file.map { "; alle stehen in \($0) neben dieser Arbeitsmappe" } ?? ""
        return "Die ersten \(count(shown)) von \(count(total)) Kunden\(all)."
    }

    func describe(_ error: ExcelError) -> String {
        switch error {
        case .library(let code, let function, let sheet, let cell):
            let place = [sheet.map { "Blatt '\($0)'" }, cell.map { "Zelle \($0.reference)" }].compactMap { $0 }.joined(separator: ", ")
            return "die Arbeitsmappe konnte nicht geschrieben werden: \(function) von libxlsxwriter meldet \(code.name)"
                + (place.isEmpty ? "" : " (\(place))")
        case .sheetTooLarge(let sheet, let rows, let columns):
            return "Blatt '\(sheet)' hat \(count(rows)) Zeilen und \(count(columns)) Spalten, mehr als Excels 1.048.576 Zeilen "
                + "und 16.384 Spalten; bitte CSV schreiben (--format csv)"
        case .rangeOutsideGrid(let sheet, let range):
            return "Blatt '\(sheet)': der Bereich \(range.reference) liegt außerhalb des Excel-Rasters"
        case .invalidColumnWidth(let sheet, let column, let width):
            return "Blatt '\(sheet)': Spalte \(ExcelRange.columnName(column)) kann nicht \(width) Zeichen breit sein (Excel erlaubt 0 bis 255)"
        case .temporaryDirectory(let path, let code):
            return "kein temporärer Ordner in \(path) für die Arbeitsmappe: \(English.systemMessage(code))"
        case .readingBack(let path, let code):
            return "die geschriebene Arbeitsmappe ist in \(path) nicht lesbar: \(English.systemMessage(code))"
        case .writing(let path, let code):
            return "\(path) kann nicht geschrieben werden: \(English.systemMessage(code))"
        }
    }

    func describe(_ warning: ExcelWarning) -> String {
        switch warning {
        case .sheetRenamed(let from, let to):
            return "das Blatt '\(from)' heißt in der Arbeitsmappe '\(to)' (Excels Regeln für Blattnamen)"
        case .textTruncated(let cell, let length, let limit):
            return "Blatt '\(cell.sheet)', Zelle \(cell.reference): ein Text von \(count(length)) Zeichen wurde auf Excels \(count(limit)) gekürzt"
        case .charactersReplaced(let cell, let replaced):
            return "Blatt '\(cell.sheet)', Zelle \(cell.reference): \(count(replaced)) Zeichen, die eine Arbeitsmappe nicht fassen kann, "
                + "wurden zu \u{FFFD}"
        case .nonFiniteNumberLeftEmpty(let cell):
            return "Blatt '\(cell.sheet)', Zelle \(cell.reference): eine nicht endliche Zahl blieb leer"
        }
    }
}
