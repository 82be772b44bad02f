import CohortCore
import CohortIngest
import CohortVocabulary
import Testing

/// How the reader's facts read in English and German; the sentences are worded by hand here.
struct InputWordingTests {
    private let day = { (text: String) in CivilDate(iso: text)! }
    private let english = Language.english.words
    private let german = Language.german.words

    @Test func formatsOfACsvFileAndOfAWorkbook() {
        var csv = SourceFormat(source: "orders.csv", encoding: "Windows-1252", delimiter: UInt8(ascii: ";"))
        csv.decimalSeparator = .comma
        csv.dateOrder = .dayMonthYear
        csv.dateOrderGiven = true
        csv.rows = 3
        #expect(german.describe(csv)
            == "orders.csv: CSV, Windows-1252, getrennt durch ';', Dezimalkomma (erkannt), Datum Tag zuerst (TT/MM/JJJJ, angegeben), 3 Zeilen")
        #expect(english.describe(csv)
            == "orders.csv: CSV, Windows-1252, ';' delimited, decimal comma (detected), dates day first (DD/MM/YYYY, given), 3 rows")
        var sheet = SourceFormat(source: "orders.xlsx", sheet: "Daten")
        sheet.rows = 1
        #expect(german.describe(sheet) == "orders.xlsx: Excel-Blatt 'Daten', 1 Zeile")
        #expect(english.describe(sheet) == "orders.xlsx: Excel sheet 'Daten', 1 row")
        var tabs = SourceFormat(source: "a.tsv", encoding: "UTF-8", delimiter: UInt8(ascii: "\t"))
        tabs.rows = 2
        #expect(german.describe(tabs) == "a.tsv: CSV, UTF-8, getrennt durch Tabulator, 2 Zeilen")
    }

    @Test func everyWarning() {
        let first = RejectedRow(source: "b.csv", line: 7, column: nil, reason: .repeats(RowLocation(source: "a.csv", line: 3)), rawText: "")
        #expect(german.describe(InputWarning.duplicateRows(count: 2, first: first))
            == "2 Zeilen wiederholen Zeilen einer früheren Datei und wurden übersprungen (gleiche Bestellnummer, Kunde, Datum und Betrag); erste: b.csv:7")
        #expect(english.describe(InputWarning.duplicateRows(count: 2, first: first))
            == "2 rows repeat rows of an earlier file and were skipped (same order id, customer, date and amount); first: b.csv:7 repeats a.csv:3 (same order id, customer, date and amount)")
        #expect(german.describe(InputWarning.datesFarInPast(count: 1, latest: day("2026-10-31"), earliest: day("1900-01-01"),
                                                              at: RowLocation(source: "a.csv", line: 4)))
            == "1 Zeile ist mehr als 20 Jahre vor der letzten Bestellung (2026-10-31) datiert; die früheste, 1900-01-01, steht in a.csv:4: ein Platzhalterdatum oder ein Tippfehler?")
        #expect(german.describe(InputWarning.datesInFuture(count: 2, today: day("2026-11-23"), latest: day("2062-01-05"),
                                                             at: RowLocation(source: "a.csv", line: 9)))
            == "2 Zeilen sind nach heute (2026-11-23) datiert, die späteste 2062-01-05 in a.csv:9; ohne --as-of reicht der Bericht bis zu diesem Datum")
        #expect(german.describe(InputWarning.currencyDiffers(source: "a.csv", mark: "$", count: 1, line: 2, expected: "EUR"))
            == "a.csv:2: 1 Betrag ist mit '$' ausgezeichnet, die Währung des Berichts ist aber EUR (--currency); sie werden addiert, wie sie sind")
        #expect(german.describe(InputWarning.mixedCurrencies(source: "a.csv", marks: [CurrencyCount(mark: "€", count: 3), CurrencyCount(mark: "$", count: 1)]))
            == "a.csv: Beträge sind mit verschiedenen Währungen ausgezeichnet ('€' 3×, '$' 1×); sie werden addiert, wie sie sind")
    }

    @Test func rejectReasonsNameTheEvidence() {
        #expect(english.reason(.separatorMismatch(text: "12.50", separator: .comma, evidence: .given))
            == "'12.50' does not fit the decimal comma of this column, as given with --decimal")
        #expect(german.reason(.separatorMismatch(text: "12.50", separator: .comma, evidence: .proven(line: 3, text: "1.234,56")))
            == "'12.50' passt nicht zum Dezimalkomma dieser Spalte, wie '1.234,56' in Zeile 3 zeigt; --decimal, falls das nicht stimmt")
        #expect(english.reason(.notADate(text: "13/13/2026", order: .dayMonthYear, evidence: .given))
            == "'13/13/2026' is not a date in the order DD/MM/YYYY as given with --date-format")
        #expect(english.reason(.notADate(text: "x", order: nil, evidence: nil))
            == "'x' is not a date (expected YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or MM/DD/YYYY)")
        let row = RejectedRow(source: "o.csv", line: 12, column: "Betrag", reason: .notANumber(text: "12,5O"), rawText: "")
        #expect(english.describe(row) == "o.csv:12: column 'Betrag': '12,5O' is not a number")
        #expect(german.describe(row) == "o.csv:12: Spalte 'Betrag': '12,5O' ist keine Zahl")
    }
}
