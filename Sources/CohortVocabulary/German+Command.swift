import CohortCore

extension German {
    // MARK: Terminal tables

    func matrixTableTitle(asOf: CivilDate, _ kind: PeriodKind, partial: Bool) -> String {
        "Kundenbindung nach Kohorte, Stand \(numericDate(asOf)) (\(periodsWord(kind))\(partial ? "; * = unvollständige Periode" : ""))"
    }

    var matrixTableCohort: String { "Kohorte" }
    var matrixTableCustomers: String { "Kunden" }
    var matrixTableAverage: String { "Durchschnitt" }

    func kpiTableTitle(asOf: CivilDate, churnWindow: Int, partial: Bool) -> String {
        "Kennzahlen je Periode, Stand \(numericDate(asOf)) (Abwanderungsfenster \(churnWindow)\(partial ? "; * = unvollständige Periode" : ""))"
    }

    var kpiTableHeader: [String] {
        ["Periode", "Beginn", "Neu", "Zurückgew.", "Abgewandert", "Ende", "Abwanderung", "CRR", "NRR 12", "GRR 12", "Umsatz", "Bestellungen", "AOV"]
    }

    func survivalTableTitle(asOf: CivilDate, churnWindow: Int) -> String {
        "Kaplan-Meier-Kundenbindung: noch im Kundenbestand nach Alter seit dem Erstkauf, Stand \(numericDate(asOf)) "
            + "(Abwanderungsfenster \(churnWindow); junge Kohorten zensiert)"
    }

    var survivalTableHeader: [String] { ["Alter", "Unter Risiko", "Abgewandert", "Zensiert", "Noch im Bestand", "95-%-Band"] }

    // MARK: Done

    func reportWritten(headline: String, folder: String, cohorts: Int, customers: Int, asOf: CivilDate) -> String {
        "Bericht für \(headline) geschrieben nach \(folder)/ (\(cohorts) Kohorten, \(customers) Kunden, Stand \(numericDate(asOf)))"
    }

    func published(_ folder: String) -> String { "Veröffentlicht in \(folder)/" }

    func chartWritten(_ chart: String, to file: String) -> String { "Diagramm \(chart) geschrieben nach \(file)" }

    func sampleWritten(rows: Int, customers: Int, orders: Int, refunds: Int, to file: String) -> String {
        "\(rows) Zeilen (\(customers) Kunden, \(orders) Bestellungen, \(refunds) Erstattungen) geschrieben nach \(file)"
    }

    func sampleSummary(rows: Int, customers: Int) -> String { "\(rows) Zeilen, \(customers) Kunden" }

    func configurationWritten(_ file: String) -> String { "\(file) geschrieben. Anpassen, dann ausführen: cohort report --config \(file)" }

    func exampleInputMissing(_ input: String, configuration file: String) -> String {
        "Die Eingabe \(input) gibt es hier noch nicht: die eigenen Bestellexporte unter input: files: in \(file) eintragen "
            + "oder Beispieldaten schreiben mit: cohort sample --out \(input)"
    }

    // MARK: Usage errors

    func configurationExists(_ file: String) -> String { "\(file) gibt es schon; --force ersetzt die Datei" }

    func unknownOption(_ option: String, suggestion: String?, command: String) -> String {
        guard let suggestion else { return "unbekannte Option '\(option)'; '\(command) --help' zeigt die Optionen" }
        return "unbekannte Option '\(option)' (gemeint: '\(suggestion)'?)"
    }

    func unknownCommand(_ name: String, suggestion: String?) -> String {
        guard let suggestion else { return "unbekannter Befehl '\(name)'; 'cohort --help' zeigt die Befehle" }
        return "unbekannter Befehl '\(name)' (gemeint: '\(suggestion)'?)"
    }

    /// "Monatsperioden", without the ISO note of `periodAdjective`.
    private func periodsWord(_ kind: PeriodKind) -> String {
        switch kind {
        case .month: return "Monatsperioden"
        case .week: return "Wochenperioden"
        case .quarter: return "Quartalsperioden"
        }
    }

    /// "31.10.2026".
    private func numericDate(_ date: CivilDate) -> String {
        "\(date.day < 10 ? "0" : "")\(date.day).\(date.month < 10 ? "0" : "")\(date.month).\(date.year)"
    }
}
