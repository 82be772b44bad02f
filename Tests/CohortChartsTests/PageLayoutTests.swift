import CohortCharts
import CohortCore
import CohortVocabulary
import Foundation
import Testing

/// How the A4 pages are laid out, on documents made here (the reports module composes the real one):
/// tables that keep their newest rows, a heat map that takes the page, a broken logo, nothing
/// outside the margins.
struct PageLayoutTests {
    static let examples = ChartFixture.examples

    static func render(_ document: PageDocument, analysis: CohortAnalysis = examples, language: Language = .english) throws -> Data {
        try PageRenderer(document: document, analysis: analysis, style: ChartStyle(language: language, scale: 1, source: "orders.csv")).render()
    }

    static func write(_ pdf: Data, name: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-pages-\(name)-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        return file.path
    }

    /// A cover with one card and no sections.
    static func minimal(logo: [UInt8]? = nil) -> PageDocument {
        PageDocument(title: "Cohort report October 2026", company: nil, logoPNG: logo, subtitleLines: ["Source: orders.csv"], note: nil,
                     cardsHeading: "Headline KPIs: October 2026",
                     cards: [PageDocument.Card(name: "Churn rate", value: "7.1%", changes: ["+0.3 pp vs. previous month"], improvements: [false],
                                               status: .none, statusText: "")],
                     sections: [], footer: "Cohort report October 2026", pageWord: "Page")
    }

    @Test func aTableTooLongForThePageKeepsItsNewestRows() throws {
        var document = Self.minimal()
        let header = ["Period", "Start", "New", "Churned", "End"]
        let rows = (1 ... 60).map { ["P\(String(format: "%03d", $0))", "\($0 * 10)", "\($0)", "\($0 % 7)", "\($0 * 10 + 3)"] }
        document.sections = [PageDocument.Section(heading: "Long table", chart: .customerBridge, summary: ["One sentence."], table: [header] + rows)]
        let path = try Self.write(try Self.render(document), name: "long-table")
        guard let page = try Poppler.run("pdftotext", "-f", "2", "-l", "2", "-layout", path, "-") else { return }
        #expect(page.contains("P060"))
        #expect(page.contains("Churned"))
        #expect(!page.contains("P001"))
    }

    @Test func aHeatMapTakesThePageAndItsSummaryTheEmptyCornerOfTheGrid() throws {
        // 36 monthly cohorts leave the lower right of the grid empty (young cohorts have few ages).
        // A short summary and a one-row table fit there, so the chart may take the whole page.
        var document = Self.minimal()
        document.sections = [PageDocument.Section(heading: "Retention", chart: .retention,
                                                  summary: ["36 cohorts; on average 35.9% of a cohort buys again in its first month.",
                                                            "Rows are acquisition cohorts, columns the age in months."],
                                                  table: [["Average", "M1", "M2", "M12"], ["n = 2,000", "36%", "31%", "17%"]])]
        let path = try Self.write(try Self.render(document), name: "inset")
        guard let html = try Poppler.run("pdftotext", "-bbox", path, "-") else { return }
        let words = Self.words(inBoundingBoxHTML: html).filter { $0.page == 2 }
        let lastAgeLabel = try #require(words.first { $0.text == "M34" })
        let newestCohort = try #require(words.first { $0.text == "2026-10" })
        let oldestCohort = try #require(words.first { $0.text == "2023-11" })
        let summary = try #require(words.first { $0.text == "cohorts;" })
        let table = try #require(words.first { $0.text == "n" })
        // The content is 770 pt wide (842 − 2 × 36). Beside a summary column the grid's last label
        // ended near 534 pt; filling the page's height, the chart reaches past 600 pt.
        #expect(lastAgeLabel.xMax > 600)
        // Summary and table lie beside the grid's lower rows, right of the oldest cohort's label
        // and above the newest cohort's row, not under the chart.
        #expect(summary.yMin > oldestCohort.yMax && summary.yMax < newestCohort.yMin)
        #expect(table.yMin > summary.yMax && table.yMax < newestCohort.yMin)
        #expect(summary.xMin > 842 / 3)
    }

    @Test func aBrokenLogoIsAnErrorNotAnEmptyCorner() throws {
        let document = Self.minimal(logo: [0x89, 0x50, 0x4E, 0x47, 1, 2, 3])
        #expect(throws: ChartError.self) { try Self.render(document, analysis: ChartFixture.analysis) }
    }

    @Test func aCoverWithoutCardsOrSectionsIsOnePage() throws {
        let document = PageDocument(title: "Empty", company: nil, logoPNG: nil, subtitleLines: [], note: nil, cardsHeading: "",
                                    cards: [], sections: [], footer: "", pageWord: "Page")
        let path = try Self.write(try Self.render(document, analysis: ChartFixture.analysis), name: "empty")
        guard let info = try Poppler.run("pdfinfo", path) else { return }
        #expect(info.contains("Pages:           1"))
    }

    @Test func nothingLeavesTheMarginsEvenWithTooMuchText() throws {
        let document = Self.crowded(for: Self.examples)
        let path = try Self.write(try Self.render(document, language: .german), name: "crowded")
        guard let html = try Poppler.run("pdftotext", "-bbox", path, "-") else { return }
        let words = Self.words(inBoundingBoxHTML: html)
        #expect(words.count > 500)
        let margin = 36.0, tolerance = 3.0
        for word in words {
            #expect(word.xMin >= margin - tolerance && word.xMax <= 842 - margin + tolerance, "\(word.text) sticks out sideways on page \(word.page)")
            #expect(word.yMin >= margin - tolerance && word.yMax <= 595 - 18, "\(word.text) sticks out vertically on page \(word.page)")
        }
        // The cover still shows every card's value, the section pages their newest table row.
        let cover = words.filter { $0.page == 1 }.map(\.text)
        for card in document.cards { #expect(cover.contains(card.value.split(separator: " ").map(String.init)[0])) }
        #expect(words.contains { $0.page == 2 && $0.text == "Z40" })
    }

    /// Writes the crowded document for a human to look at; does nothing unless COHORT_REPORT_PDF_DIR is set.
    @Test func writeTheCrowdedDocumentWhenAsked() throws {
        guard let folder = ProcessInfo.processInfo.environment["COHORT_REPORT_PDF_DIR"] else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let crowded = try Self.render(Self.crowded(for: Self.examples), language: .german)
        try crowded.write(to: URL(fileURLWithPath: folder).appendingPathComponent("report-crowded-de.pdf"))
    }

    /// Words and their boxes (in points, origin top left) from `pdftotext -bbox` output.
    static func words(inBoundingBoxHTML html: String) -> [(page: Int, text: String, xMin: Double, yMin: Double, xMax: Double, yMax: Double)] {
        var result: [(page: Int, text: String, xMin: Double, yMin: Double, xMax: Double, yMax: Double)] = []
        var page = 0
        for line in html.split(separator: "\n") {
            if line.contains("<page ") { page += 1; continue }
            guard line.contains("<word ") else { continue }
            func number(_ name: String) -> Double {
                guard let start = line.range(of: "\(name)=\"") else { return .nan }
                return Double(line[start.upperBound...].prefix { $0 != "\"" }) ?? .nan
            }
            let text = line.split(separator: ">").dropFirst().first?.split(separator: "<").first.map(String.init) ?? ""
            result.append((page, text, number("xMin"), number("yMin"), number("xMax"), number("yMax")))
        }
        return result
    }

    /// Far more than a page holds: a long title and note, 15 cards with long German
    /// names, long summaries, and tables of 10 columns and 40 rows (Z01 … Z40, oldest first).
    static func crowded(for analysis: CohortAnalysis) -> PageDocument {
        let card = PageDocument.Card(
            name: "Durchschnittliche Kundenlebensdauer in Monaten (gleitender Durchschnitt, 12 Monate)", value: "1.234.567,89 €",
            changes: ["+12,3 % ggü. Vormonat (bereinigt um Sondereffekte)", "−4,5 Pp. ggü. Vorjahresmonat", "± 0,0 Pp. ggü. Planwert für das Geschäftsjahr"],
            improvements: [true, false, nil], status: .warning,
            statusText: "◐ knapp unter Ziel (Ziel 85,0 %, Toleranz 5 Pp., gemessen über 12 Monate)")
        let cards = (0 ..< 15).map { index -> PageDocument.Card in
            var card = card
            card.value = index.isMultiple(of: 3) ? "98.765.432 €" : "\(index),\(index) %"
            card.status = [.good, .warning, .bad, .none][index % 4]
            return card
        }
        let sentence = "Die Kundenbindungsrate über zwölf Monate liegt mit 49,8 % deutlich unter dem Zielwert von 85,0 %, "
            + "wobei die jüngeren Kohorten aus dem Frühjahr 2026 spürbar stärker starten als die Kohorten des Vorjahres."
        let header = ["Zeitraum", "Kunden am Anfang des Monats", "Neukunden", "Reaktivierte Kunden", "Abgewanderte Kunden",
                      "Kunden am Ende des Monats", "Abwanderungsrate", "Umsatz", "Ø Bestellwert", "Kundenwert (CLV)"]
        let rows = (1 ... 40).map { row in
            [String(format: "Z%02d", row), "1.234", "56", "78", "90", "1.278", "7,0 %", "1.234.567 €", "1.816,82 €", "12.345 €"]
        }
        let sections = ChartKind.allCases.map { kind in
            PageDocument.Section(heading: "Abschnitt \(kind.rawValue): eine sehr lange Überschrift, die so nie auf eine Zeile passen dürfte, "
                                   + "weil sie zu viel sagen will", chart: kind,
                                   summary: Array(repeating: sentence, count: 6), table: [header] + rows)
        }
        return PageDocument(
            title: "Kohortenbericht der Geschäftsbereiche Nord, Süd, West und International für den Oktober 2026 (vorläufige Fassung zur Abstimmung)",
            company: "Muster Handels- und Dienstleistungsgesellschaft für Bürobedarf und Zubehör mbH & Co. KG",
            logoPNG: PageLayoutTests.logo,
            subtitleLines: ["Quelle: /Volumes/Vertrieb/Auswertungen/2026/Oktober/Export_aus_dem_Warenwirtschaftssystem_vollständig_ungefiltert.csv",
                            "Stand 31. Oktober 2026 · Monatskohorten · Abwanderung nach 1 Monat ohne Bestellung · 36 Kohorten",
                            "17.176 Zeilen gelesen, 0 verworfen", "Erstellt am 3. November 2026 mit cohort 1.0"],
            note: Array(repeating: "Der laufende Monat ist noch nicht abgeschlossen; seine Werte sind vorläufig.", count: 8).joined(separator: " "),
            cardsHeading: "Kennzahlen im Überblick: Oktober 2026 (alle Geschäftsbereiche, vorläufig)", cards: cards, sections: sections,
            footer: "Kohortenbericht Oktober 2026 · Muster Handels- und Dienstleistungsgesellschaft für Bürobedarf und Zubehör mbH & Co. KG · vertraulich",
            pageWord: "Seite")
    }

    /// A 160 × 48 PNG logo: a blue rounded mark and three grey bars, as stored (uncompressed) deflate.
    static let logo: [UInt8] = {
        let width = 160, height = 48
        var raw: [UInt8] = []
        for y in 0 ..< height {
            raw.append(0) // filter: none
            for x in 0 ..< width {
                let inMark = x >= 4 && x < 44 && y >= 4 && y < 44 && !((x < 10 || x > 37) && (y < 10 || y > 37))
                let inBar = x >= 54 && (y >= 10 && y < 16 && x < 150 || y >= 22 && y < 28 && x < 130 || y >= 34 && y < 40 && x < 110)
                let inHole = x >= 16 && x < 32 && y >= 16 && y < 32
                let pixel: [UInt8] = inMark && !inHole ? [0x1F, 0x5A, 0x96, 255] : inBar ? [0x8C, 0x95, 0x9F, 255] : [0, 0, 0, 0]
                raw += pixel
            }
        }
        var zlib: [UInt8] = [0x78, 0x01]
        var offset = 0
        while offset < raw.count {
            let length = min(65_535, raw.count - offset)
            zlib.append(offset + length == raw.count ? 1 : 0)
            zlib += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            zlib += raw[offset ..< offset + length]
            offset += length
        }
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in raw { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        zlib += bigEndian(b << 16 | a)
        func bigEndian(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)] }
        func crc(_ bytes: [UInt8]) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes {
                crc ^= UInt32(byte)
                for _ in 0 ..< 8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            }
            return ~crc
        }
        func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
            let typed = Array(type.utf8) + body
            return bigEndian(UInt32(body.count)) + typed + bigEndian(crc(typed))
        }
        let header = bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 6, 0, 0, 0] // 8 bits, RGBA
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", zlib) + chunk("IEND", [])
    }()
}
