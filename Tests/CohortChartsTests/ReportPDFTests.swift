import CohortCharts
import CohortCore
import CohortIngest
import Foundation
import Testing

/// The A4 management report: pages, size, fonts, determinism and what the cover says.
///
/// Set COHORT_REPORT_PDF_DIR=/some/folder to also write the English and German
/// reports of examples/orders.csv there, for looking at them
/// (`pdftoppm -png -r 60 report-en.pdf page`).
struct ReportPDFTests {
    /// examples/orders.csv: 36 monthly cohorts, the size of a real report.
    static let examples: CohortAnalysis = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let csv = root.appendingPathComponent("examples/orders.csv").path
        // The example file always reads; a failure here is a broken fixture, not a test result.
        let read = try! OrderReader().read(sources: [csv])
        let input = InputSummary(sources: ["orders.csv"], rowsRead: read.rowsRead, rowsRejected: read.rejected.count)
        return try! CohortAnalysis(table: read.table, options: AnalysisOptions(), input: input)
    }()

    static func style(_ locale: ChartLocale) -> ChartStyle { ChartStyle(locale: locale, scale: 1, source: "orders.csv") }

    static func render(_ document: ReportDocument, analysis: CohortAnalysis = examples, locale: ChartLocale = .english) throws -> Data {
        try ReportPDF(document: document, analysis: analysis, style: style(locale)).render()
    }

    static func write(_ pdf: Data, name: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-report-\(name)-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        return file.path
    }

    @Test(arguments: ChartLocale.allCases)
    func onePageForTheCoverAndOnePerSectionAllA4Landscape(_ locale: ChartLocale) throws {
        let document = SampleReport.document(for: Self.examples, locale: locale)
        let pdf = try Self.render(document, locale: locale)
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        let path = try Self.write(pdf, name: locale.rawValue)
        guard let info = try Poppler.run("pdfinfo", "-l", "100", path) else { return } // poppler-utils not installed
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.dropFirst("Pages:".count)
            .trimmingCharacters(in: .whitespaces)
        #expect(pages == "\(1 + document.sections.count)")
        let sizes = info.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }
        #expect(sizes.count == 1 + document.sections.count)
        for line in sizes {
            #expect(line.contains("842 x 595 pts"), "not A4 landscape: \(line)")
        }
    }

    @Test func fontsAreEmbedded() throws {
        let path = try Self.write(try Self.render(SampleReport.document(for: Self.examples, locale: .german), locale: .german), name: "fonts")
        guard let fonts = try Poppler.run("pdffonts", path) else { return }
        let lines = fonts.split(separator: "\n").dropFirst(2)
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.contains("DejaVu"), "unexpected font: \(line)")
            #expect(line.contains(" yes yes "), "font not embedded: \(line)")
        }
    }

    @Test func sameInputGivesIdenticalBytes() throws {
        let document = SampleReport.document(for: Self.examples, locale: .english, logo: SampleReport.logo)
        let first = try Self.render(document)
        let second = try Self.render(document)
        #expect(first == second)
    }

    @Test func thirtySixCohortReportStaysUnderTwoMegabytes() throws {
        #expect(Self.examples.cohorts.count >= 36)
        let pdf = try Self.render(SampleReport.document(for: Self.examples, locale: .english, logo: SampleReport.logo))
        #expect(pdf.count < 2_000_000, "report is \(pdf.count) bytes")
    }

    @Test(arguments: ChartLocale.allCases)
    func coverShowsTitleCardValuesAndPageNumbers(_ locale: ChartLocale) throws {
        let document = SampleReport.document(for: Self.examples, locale: locale, logo: SampleReport.logo)
        let path = try Self.write(try Self.render(document, locale: locale), name: "cover-\(locale.rawValue)")
        guard let cover = try Poppler.run("pdftotext", "-f", "1", "-l", "1", "-layout", path, "-") else { return }
        #expect(cover.contains(document.title))
        #expect(cover.contains(try #require(document.cards.first).value))
        #expect(cover.contains(try #require(document.cards.last).value))
        #expect(cover.contains(document.cardsHeading))
        #expect(cover.contains("\(document.pageWord) 1 / \(1 + document.sections.count)"))
        guard let last = try Poppler.run("pdftotext", "-f", "9", "-l", "9", "-layout", path, "-") else { return }
        #expect(last.contains("\(document.pageWord) 9 / 9"))
        #expect(last.contains(document.sections[7].heading))
    }

    @Test func aTableTooLongForThePageKeepsItsNewestRows() throws {
        var document = SampleReport.document(for: Self.examples, locale: .english)
        let header = ["Period", "Start", "New", "Churned", "End"]
        let rows = (1 ... 60).map { ["P\(String(format: "%03d", $0))", "\($0 * 10)", "\($0)", "\($0 % 7)", "\($0 * 10 + 3)"] }
        document.sections = [ReportDocument.Section(heading: "Long table", chart: .customerBridge, summary: ["One sentence."], table: [header] + rows)]
        let path = try Self.write(try Self.render(document), name: "long-table")
        guard let page = try Poppler.run("pdftotext", "-f", "2", "-l", "2", "-layout", path, "-") else { return }
        #expect(page.contains("P060"))
        #expect(page.contains("Churned"))
        #expect(!page.contains("P001"))
    }

    @Test func aHeatMapTakesThePageAndItsSummaryTheEmptyCornerOfTheGrid() throws {
        // 36 monthly cohorts leave the lower right of the grid empty (young cohorts have few ages).
        // A short summary and a one-row table fit there, so the chart may take the whole page.
        var document = SampleReport.document(for: Self.examples, locale: .english)
        document.sections = [ReportDocument.Section(heading: "Retention", chart: .retention,
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
        let document = SampleReport.document(for: ChartFixture.analysis, locale: .english, logo: [0x89, 0x50, 0x4E, 0x47, 1, 2, 3])
        #expect(throws: ChartError.self) { try Self.render(document, analysis: ChartFixture.analysis) }
    }

    @Test func aCoverWithoutCardsOrSectionsIsOnePage() throws {
        let document = ReportDocument(title: "Empty", company: nil, logoPNG: nil, subtitleLines: [], note: nil, cardsHeading: "",
                                      cards: [], sections: [], footer: "", pageWord: "Page")
        let path = try Self.write(try Self.render(document, analysis: ChartFixture.analysis), name: "empty")
        guard let info = try Poppler.run("pdfinfo", path) else { return }
        #expect(info.contains("Pages:           1"))
    }

    @Test func nothingLeavesTheMarginsEvenWithTooMuchText() throws {
        let document = SampleReport.crowded(for: Self.examples)
        let path = try Self.write(try Self.render(document, locale: .german), name: "crowded")
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

    /// Writes the sample reports for a human to look at; does nothing unless asked.
    @Test func writeSampleReportsWhenAsked() throws {
        guard let folder = ProcessInfo.processInfo.environment["COHORT_REPORT_PDF_DIR"] else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for locale in ChartLocale.allCases {
            let pdf = try Self.render(SampleReport.document(for: Self.examples, locale: locale, logo: SampleReport.logo), locale: locale)
            try pdf.write(to: URL(fileURLWithPath: folder).appendingPathComponent("report-\(locale.rawValue).pdf"))
        }
        let small = try Self.render(SampleReport.document(for: ChartFixture.analysis, locale: .german), analysis: ChartFixture.analysis,
                                    locale: .german)
        try small.write(to: URL(fileURLWithPath: folder).appendingPathComponent("report-small-de.pdf"))
        let crowded = try Self.render(SampleReport.crowded(for: Self.examples), locale: .german)
        try crowded.write(to: URL(fileURLWithPath: folder).appendingPathComponent("report-crowded-de.pdf"))
    }
}

/// A report as the reports module would word it: ten cards, one section per chart,
/// tables of seven columns, in English or German, with the analysis's numbers.
enum SampleReport {
    static func document(for analysis: CohortAnalysis, locale: ChartLocale, logo: [UInt8]? = nil) -> ReportDocument {
        let de = locale == .german
        func pick(_ english: String, _ german: String) -> String { de ? german : english }
        let kpis = analysis.kpis.filter { !$0.partial }
        let latest = kpis[kpis.count - 1], previous = kpis[kpis.count - 2], yearAgo = kpis[max(0, kpis.count - 13)]
        let asOf = locale.longDate(analysis.asOf)
        let month = period(latest, analysis, locale, long: true)
        func percent(_ ratio: Ratio) -> String { ratio.value.map { locale.percent($0) } ?? "–" }
        func money(_ units: Double) -> String { locale.money(units, currency: "EUR") }
        func points(_ now: Ratio, _ then: Ratio, _ against: String) -> String {
            guard let now = now.value, let then = then.value else { return pick("n/a \(against)", "k. A. \(against)") }
            let delta = (now - then) * 100
            let sign = delta > 0.05 ? "+" : delta < -0.05 ? "−" : "±"
            return "\(sign)\(locale.decimal(abs(delta), places: 1)) \(pick("pp", "Pp.")) \(against)"
        }
        func better(_ now: Ratio, _ then: Ratio, higherIsBetter: Bool = true) -> Bool? {
            guard let now = now.value, let then = then.value, abs(now - then) >= 0.0005 else { return nil }
            return (now > then) == higherIsBetter
        }
        let vsMonth = pick("vs. previous month", "ggü. Vormonat"), vsYear = pick("vs. a year earlier", "ggü. Vorjahresmonat")
        func ratioCard(_ name: String, _ key: KeyPath<PeriodKPIs, Ratio>, higherIsBetter: Bool = true, target: Double? = nil) -> ReportDocument.Card {
            let now = latest[keyPath: key]
            var status = ReportDocument.Card.Status.none, statusText = ""
            if let target, let value = now.value {
                let targetText = locale.percent(target)
                if value >= target {
                    (status, statusText) = (.good, pick("✓ on target (target \(targetText))", "✓ im Ziel (Ziel \(targetText))"))
                } else if value >= target - 0.05 {
                    (status, statusText) = (.warning, pick("◐ close to target (target \(targetText))", "◐ knapp unter Ziel (Ziel \(targetText))"))
                } else {
                    (status, statusText) = (.bad, pick("○ off target (target \(targetText))", "○ Ziel verfehlt (Ziel \(targetText))"))
                }
            }
            return .init(name: name, value: percent(now),
                         changes: [points(now, previous[keyPath: key], vsMonth), points(now, yearAgo[keyPath: key], vsYear)],
                         improvements: [better(now, previous[keyPath: key], higherIsBetter: higherIsBetter),
                                        better(now, yearAgo[keyPath: key], higherIsBetter: higherIsBetter)],
                         status: status, statusText: statusText)
        }
        func change(_ now: Double, _ then: Double, _ against: String) -> String {
            guard then != 0 else { return pick("n/a \(against)", "k. A. \(against)") }
            let delta = (now / then - 1)
            return (delta > 0 ? "+" : delta < 0 ? "" : "±") + locale.percent(delta) + " " + against
        }
        func amountCard(_ name: String, _ value: (PeriodKPIs) -> Double, format: (Double) -> String) -> ReportDocument.Card {
            let now = value(latest), month = value(previous), year = value(yearAgo)
            return .init(name: name, value: format(now), changes: [change(now, month, vsMonth), change(now, year, vsYear)],
                         improvements: [now == month ? nil : now > month, now == year ? nil : now > year], status: .none, statusText: "")
        }

        let cards: [ReportDocument.Card] = [
            ratioCard(pick("Customer retention rate (12 months)", "Kundenbindungsrate (12 Monate)"), \.customerRetentionRate12,
                      target: analysis.options.period == .month ? 0.85 : nil),
            ratioCard(pick("Net revenue retention (NRR, 12 months)", "Nettoumsatzbindung (NRR, 12 Monate)"), \.netRevenueRetention12, target: 1.0),
            ratioCard(pick("Gross revenue retention (GRR, 12 months)", "Bruttoumsatzbindung (GRR, 12 Monate)"), \.grossRevenueRetention12, target: 0.9),
            ratioCard(pick("Customer churn rate per month", "Kundenabwanderungsrate je Monat"), \.churnRate, higherIsBetter: false),
            ratioCard(pick("Repeat purchase rate (12 months)", "Wiederkaufrate (12 Monate)"), \.repeatPurchaseRate12),
            amountCard(pick("Active customers at month end", "Aktive Kundinnen und Kunden am Monatsende"), { Double($0.customers.end) },
                       format: { locale.count(Int($0)) }),
            amountCard(pick("Revenue in the month", "Umsatz im Berichtsmonat"), { $0.revenue.units }, format: money),
            amountCard(pick("Average order value", "Durchschnittlicher Bestellwert (AOV)"), { $0.averageOrderValue.value ?? 0 },
                       format: { locale.money($0, currency: "EUR", places: 2) }),
            amountCard(pick("Customer lifetime value (CLV)", "Kundenlebenszeitwert (CLV, Deckungsbeitrag)"), { $0.customerLifetimeValue.value ?? 0 },
                       format: money),
            amountCard(pick("New customers", "Neukundinnen und Neukunden"), { Double($0.customers.new) }, format: { locale.count(Int($0)) }),
        ]

        let title = pick("Cohort report \(month)", "Kohortenbericht \(month)")
        let company = pick("Example Trading Ltd.", "Muster Handelsgesellschaft mbH")
        let read = locale.count(analysis.input.rowsRead)
        let subtitleLines = [
            pick("Source: orders.csv (\(read) rows read, 0 rejected)", "Quelle: orders.csv (\(read) Zeilen gelesen, 0 verworfen)"),
            pick("As of \(asOf) · monthly cohorts · churn after 1 month without an order · \(analysis.cohorts.count) cohorts",
                 "Stand \(asOf) · Monatskohorten · Abwanderung nach 1 Monat ohne Bestellung · \(analysis.cohorts.count) Kohorten"),
            pick("Generated on 3 November 2026 by cohort 1.0", "Erstellt am 3. November 2026 mit cohort 1.0"),
        ]
        let note: String? = analysis.endsWithPartialPeriod
            ? pick("The current month is still running (data until \(asOf)). Its figures are shown hatched in the charts and are not yet final; the headline KPIs refer to \(month).",
                   "Der laufende Monat ist noch nicht abgeschlossen (Daten bis \(asOf)). Seine Werte sind in den Diagrammen schraffiert und noch nicht endgültig; die Kennzahlen beziehen sich auf \(month).")
            : nil

        let recent = Array(analysis.cohorts.suffix(8).prefix(7))
        func cohortTable(_ value: (CohortCell) -> String, ages: [Int]) -> [[String]] {
            let letter = "M"
            return [[pick("Cohort", "Kohorte"), pick("Customers", "Kunden")] + ages.map { "\(letter)\($0)" }]
                + recent.map { row in
                    [row.label, locale.count(row.size)] + ages.map { age in row.cells.first { $0.age == age }.map(value) ?? "–" }
                }
        }
        let older = Array(analysis.cohorts.suffix(20).prefix(7))
        func olderTable(_ value: (CohortCell) -> String, ages: [Int]) -> [[String]] {
            [[pick("Cohort", "Kohorte"), pick("Customers", "Kunden")] + ages.map { "M\($0)" }]
                + older.map { row in [row.label, locale.count(row.size)] + ages.map { age in row.cells.first { $0.age == age }.map(value) ?? "–" } }
        }
        let last7 = Array(kpis.suffix(7))
        func p(_ k: PeriodKPIs) -> String { period(k, analysis, locale, long: false) }
        let customerBridge = [[pick("Month", "Monat"), pick("Customers at start", "Kunden am Anfang"), pick("New", "Neu"),
                               pick("Reactivated", "Reaktiviert"), pick("Churned", "Abgewandert"), pick("Customers at end", "Kunden am Ende"),
                               pick("Churn rate", "Abwanderungsrate")]]
            + last7.map { k in [p(k), locale.count(k.customers.start), locale.count(k.customers.new), locale.count(k.customers.reactivated),
                                locale.count(k.customers.churned), locale.count(k.customers.end), percent(k.churnRate)] }
        let revenueBridge = [[pick("Month", "Monat"), pick("Revenue at start", "Umsatz am Anfang"), pick("New", "Neu"),
                              pick("Expansion", "Ausweitung"), pick("Contraction", "Rückgang"), pick("Churned", "Abgewandert"),
                              pick("Revenue at end", "Umsatz am Ende")]]
            + last7.map { k in [p(k), money(k.revenueBridge.start.units), money(k.revenueBridge.new.units), money(k.revenueBridge.expansion.units),
                                money(-k.revenueBridge.contraction.units), money(-k.revenueBridge.churned.units), money(k.revenueBridge.end.units)] }
        let trends = [[pick("Month", "Monat"), pick("Churn", "Abwanderung"), "CRR", "CRR 12", "NRR 12", "GRR 12", pick("Avg. order value", "Ø Bestellwert")]]
            + last7.map { k in [p(k), percent(k.churnRate), percent(k.customerRetentionRate), percent(k.customerRetentionRate12),
                                percent(k.netRevenueRetention12), percent(k.grossRevenueRetention12),
                                k.averageOrderValue.value.map { locale.money($0, currency: "EUR", places: 2) } ?? "–"] }
        let pct: (Ratio) -> String = { $0.value.map { locale.percent($0) } ?? "–" }
        let crr = latest.customerRetentionRate12.value.map { locale.percent($0) } ?? "–"

        let sections: [ReportDocument.Section] = [
            .init(heading: pick("Customer retention by cohort", "Kundenbindung je Kohorte"), chart: .retention,
                  summary: [pick("Of the customers won in a month, on average \(pct(analysis.averages.first { $0.age == 1 }?.retention ?? .empty)) buy again in the following month and \(pct(analysis.averages.first { $0.age == 12 }?.retention ?? .empty)) are still active after a year.",
                                 "Von den in einem Monat gewonnenen Kunden kaufen im Schnitt \(pct(analysis.averages.first { $0.age == 1 }?.retention ?? .empty)) im Folgemonat erneut, nach einem Jahr sind noch \(pct(analysis.averages.first { $0.age == 12 }?.retention ?? .empty)) aktiv."),
                            pick("Recent cohorts start stronger than those of last year.", "Jüngere Kohorten starten stärker als die des Vorjahres."),
                            pick("Read along a row to follow one cohort; read down a column to compare cohorts at the same age.",
                                 "Eine Zeile zeigt den Verlauf einer Kohorte; eine Spalte vergleicht Kohorten im gleichen Alter.")],
                  table: cohortTable({ pct($0.retention) }, ages: [1, 2, 3, 6, 12])),
            .init(heading: pick("Revenue retention by cohort (NRR)", "Umsatzbindung je Kohorte (NRR)"), chart: .revenueRetention,
                  summary: [pick("Revenue retention includes expansion: above 100 % a cohort spends more than in its first month.",
                                 "Die Umsatzbindung enthält Ausweitung: Über 100 % gibt eine Kohorte mehr aus als im ersten Monat."),
                            pick("Most cohorts settle between 40 % and 70 % of their first-month revenue.",
                                 "Die meisten Kohorten pendeln sich bei 40 % bis 70 % ihres Umsatzes im ersten Monat ein.")],
                  table: olderTable({ pct($0.revenueRetention) }, ages: [1, 2, 3, 6, 12])),
            .init(heading: pick("Gross revenue retention by cohort (GRR)", "Bruttoumsatzbindung je Kohorte (GRR)"), chart: .grr,
                  summary: [pick("GRR ignores expansion, so it never exceeds 100 %; it shows how much revenue is kept.",
                                 "Die GRR lässt Ausweitung außen vor und liegt daher nie über 100 %; sie zeigt, wie viel Umsatz gehalten wird.")],
                  table: olderTable({ pct($0.grossRevenueRetention) }, ages: [1, 2, 3, 6, 12])),
            .init(heading: pick("Retention curves", "Bindungskurven"), chart: .curves,
                  summary: [pick("Each line is one cohort; the dark line is the weighted average.",
                                 "Jede Linie ist eine Kohorte, die dunkle Linie der gewichtete Durchschnitt."),
                            pick("Curves flatten after about six months: customers who stay that long tend to stay.",
                                 "Nach etwa sechs Monaten flachen die Kurven ab: Wer so lange bleibt, bleibt meist auch länger.")],
                  table: cohortTable({ pct($0.retention) }, ages: [1, 2, 3, 4, 5])),
            .init(heading: pick("Customer bridge", "Kundenbrücke"), chart: .customerBridge,
                  summary: [pick("In \(month), \(locale.count(latest.customers.new)) new and \(locale.count(latest.customers.reactivated)) reactivated customers made up for \(locale.count(latest.customers.churned)) who churned.",
                                 "Im \(month) glichen \(locale.count(latest.customers.new)) neue und \(locale.count(latest.customers.reactivated)) reaktivierte Kunden \(locale.count(latest.customers.churned)) Abwanderungen aus."),
                            pick("The customer base ended the month at \(locale.count(latest.customers.end)).",
                                 "Der Kundenbestand lag am Monatsende bei \(locale.count(latest.customers.end)).")],
                  table: customerBridge),
            .init(heading: pick("Revenue bridge", "Umsatzbrücke"), chart: .revenueBridge,
                  summary: [pick("Revenue moved from \(money(latest.revenueBridge.start.units)) to \(money(latest.revenueBridge.end.units)) in \(month).",
                                 "Der Umsatz veränderte sich im \(month) von \(money(latest.revenueBridge.start.units)) auf \(money(latest.revenueBridge.end.units))."),
                            pick("New customers and expansion outweighed contraction and churn.",
                                 "Neukunden und Ausweitung überwogen Rückgang und Abwanderung.")],
                  table: revenueBridge),
            .init(heading: pick("KPI trends", "KPI-Verlauf"), chart: .trends,
                  summary: [pick("The customer retention rate over 12 months stands at \(crr) against a target of 85.0%.",
                                 "Die Kundenbindungsrate über 12 Monate liegt bei \(crr), das Ziel sind 85,0 %."),
                            pick("Churn per month has been stable; the average order value rose slightly.",
                                 "Die monatliche Abwanderung ist stabil, der durchschnittliche Bestellwert stieg leicht."),
                            pick("Values of the running month are provisional.", "Werte des laufenden Monats sind vorläufig.")],
                  table: trends),
            .init(heading: pick("Cumulative revenue per customer (LTV curves)", "Kumulierter Umsatz je Kunde (LTV-Kurven)"), chart: .ltv,
                  summary: [pick("Revenue per acquired customer keeps growing for two years; younger cohorts are on a similar path.",
                                 "Der Umsatz je gewonnenem Kunden wächst über zwei Jahre weiter; jüngere Kohorten liegen auf einem ähnlichen Pfad.")],
                  table: olderTable({ $0.cumulativeRevenuePerCustomer.value.map { money($0) } ?? "–" }, ages: [0, 1, 3, 6, 12])),
        ]
        return ReportDocument(title: title, company: company, logoPNG: logo, subtitleLines: subtitleLines, note: note,
                              cardsHeading: pick("Headline KPIs: \(month)", "Kennzahlen im Überblick: \(month)"), cards: cards,
                              sections: sections, footer: "\(title) · \(company)", pageWord: pick("Page", "Seite"))
    }

    /// Far more than a page holds: a long title and note, 15 cards with long German
    /// names, long summaries, and tables of 10 columns and 40 rows (Z01 … Z40, oldest first).
    static func crowded(for analysis: CohortAnalysis) -> ReportDocument {
        let card = ReportDocument.Card(
            name: "Durchschnittliche Kundenlebensdauer in Monaten (gleitender Durchschnitt, 12 Monate)", value: "1.234.567,89 €",
            changes: ["+12,3 % ggü. Vormonat (bereinigt um Sondereffekte)", "−4,5 Pp. ggü. Vorjahresmonat", "± 0,0 Pp. ggü. Planwert für das Geschäftsjahr"],
            improvements: [true, false, nil], status: .warning,
            statusText: "◐ knapp unter Ziel (Ziel 85,0 %, Toleranz 5 Pp., gemessen über 12 Monate)")
        let cards = (0 ..< 15).map { index -> ReportDocument.Card in
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
            ReportDocument.Section(heading: "Abschnitt \(kind.rawValue): eine sehr lange Überschrift, die so nie auf eine Zeile passen dürfte, "
                                   + "weil sie zu viel sagen will", chart: kind,
                                   summary: Array(repeating: sentence, count: 6), table: [header] + rows)
        }
        return ReportDocument(
            title: "Kohortenbericht der Geschäftsbereiche Nord, Süd, West und International für den Oktober 2026 (vorläufige Fassung zur Abstimmung)",
            company: "Muster Handels- und Dienstleistungsgesellschaft für Bürobedarf und Zubehör mbH & Co. KG",
            logoPNG: logo,
            subtitleLines: ["Quelle: /Volumes/Vertrieb/Auswertungen/2026/Oktober/Export_aus_dem_Warenwirtschaftssystem_vollständig_ungefiltert.csv",
                            "Stand 31. Oktober 2026 · Monatskohorten · Abwanderung nach 1 Monat ohne Bestellung · 36 Kohorten",
                            "17.176 Zeilen gelesen, 0 verworfen", "Erstellt am 3. November 2026 mit cohort 1.0"],
            note: Array(repeating: "Der laufende Monat ist noch nicht abgeschlossen; seine Werte sind vorläufig.", count: 8).joined(separator: " "),
            cardsHeading: "Kennzahlen im Überblick: Oktober 2026 (alle Geschäftsbereiche, vorläufig)", cards: cards, sections: sections,
            footer: "Kohortenbericht Oktober 2026 · Muster Handels- und Dienstleistungsgesellschaft für Bürobedarf und Zubehör mbH & Co. KG · vertraulich",
            pageWord: "Seite")
    }

    private static func period(_ kpis: PeriodKPIs, _ analysis: CohortAnalysis, _ locale: ChartLocale, long: Bool) -> String {
        let info = analysis.periods[kpis.period]
        guard analysis.options.period == .month else { return info.label }
        return long ? "\(locale.monthNames[info.firstDay.month - 1]) \(info.firstDay.year)" : locale.shortPeriod(info, kind: .month)
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
