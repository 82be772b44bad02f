@testable import CohortCore
@testable import CohortIngest
import Testing

/// The reader's format and warning lines in German, for German reports; worded by hand here.
struct GermanDescriptionTests {
    private let day = { (text: String) in CivilDate(iso: text)! }

    @Test func formatsOfACsvFileAndOfAWorkbook() {
        var csv = SourceFormat(source: "orders.csv", kind: "CSV", encoding: .windows1252, delimiter: UInt8(ascii: ";"))
        csv.decimalSeparator = .comma
        csv.dateOrder = .dayMonthYear
        csv.dateOrderGiven = true
        csv.rows = 3
        #expect(csv.germanDescription
            == "orders.csv: CSV, Windows-1252, getrennt durch ';', Dezimalkomma (erkannt), Datum Tag zuerst (TT/MM/JJJJ, angegeben), 3 Zeilen")
        #expect(csv.description
            == "orders.csv: CSV, Windows-1252, ';' delimited, decimal comma (detected), dates day first (DD/MM/YYYY, given), 3 rows")
        var sheet = SourceFormat(source: "orders.xlsx", kind: "Excel sheet 'Daten'")
        sheet.sheet = "Daten"
        sheet.rows = 1
        #expect(sheet.germanDescription == "orders.xlsx: Excel-Blatt 'Daten', 1 Zeile")
        var tabs = SourceFormat(source: "a.tsv", kind: "CSV", encoding: .utf8, delimiter: UInt8(ascii: "\t"))
        tabs.rows = 2
        #expect(tabs.germanDescription == "a.tsv: CSV, UTF-8, getrennt durch Tabulator, 2 Zeilen")
    }

    @Test func everyWarning() {
        let first = RejectedRow(source: "b.csv", line: 7, column: nil, reason: "repeats a.csv:3 (same order id, customer, date and amount)", rawText: "")
        #expect(IngestWarning.duplicateRows(count: 2, first: first).germanDescription
            == "2 Zeilen wiederholen Zeilen einer früheren Datei und wurden übersprungen (gleiche Bestellnummer, Kunde, Datum und Betrag); erste: b.csv:7")
        #expect(IngestWarning.datesFarInPast(count: 1, latest: day("2026-10-31"), earliest: day("1900-01-01"), at: "a.csv:4").germanDescription
            == "1 Zeile ist mehr als 20 Jahre vor der letzten Bestellung (2026-10-31) datiert; die früheste, 1900-01-01, steht in a.csv:4: ein Platzhalterdatum oder ein Tippfehler?")
        #expect(IngestWarning.datesInFuture(count: 2, today: day("2026-11-23"), latest: day("2062-01-05"), at: "a.csv:9").germanDescription
            == "2 Zeilen sind nach heute (2026-11-23) datiert, die späteste 2062-01-05 in a.csv:9; ohne --as-of reicht der Bericht bis zu diesem Datum")
        #expect(IngestWarning.currencyDiffers(source: "a.csv", mark: "$", count: 1, line: 2, expected: "EUR").germanDescription
            == "a.csv:2: 1 Betrag ist mit '$' ausgezeichnet, die Währung des Berichts ist aber EUR (--currency); sie werden addiert, wie sie sind")
        #expect(IngestWarning.mixedCurrencies(source: "a.csv", marks: ["'€' 3×", "'$' 1×"]).germanDescription
            == "a.csv: Beträge sind mit verschiedenen Währungen ausgezeichnet ('€' 3×, '$' 1×); sie werden addiert, wie sie sind")
    }
}
