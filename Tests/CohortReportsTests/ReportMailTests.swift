import CohortCharts
import CohortCore
import CohortMail
@testable import CohortReports
import CohortVocabulary
import Foundation
import Testing

/// report.eml of examples/orders.csv as Python's `email` package reads it: its parts, the
/// inline heat map and the attached report.pdf, the subject, both bodies, recipients or draft,
/// and the same bytes for the same report.
struct ReportMailTests {
    static let generatedAt = Date(timeIntervalSince1970: 1_767_225_600) // 2026-01-01 00:00 UTC
    static let nested = "multipart/mixed(multipart/related(multipart/alternative(text/plain,text/html),image/png),application/pdf)"

    static func bundle(_ language: Language, generatedAt: Date = generatedAt, logo: Logo? = nil) -> ReportBundle {
        let settings = ReportSettings(language: language, company: "Muster GmbH", logo: logo, generatedAt: generatedAt, sources: ["orders.csv"])
        return ReportBundle(analysis: ReportPDFTests.examples, settings: settings,
                            chartStyle: ChartStyle(language: language, source: "orders.csv"), templates: try! ReportTemplates())
    }

    /// Every document of the report folder, report.eml among them (charts are not needed for it).
    static let documents: [Language: [String: Data]] = Dictionary(uniqueKeysWithValues: Language.all.map { language in
        (language, try! bundle(language).documentFiles(svgs: [:]))
    })

    /// report.eml of a bundle with a stand-in for report.pdf, for the variants.
    static func message(_ bundle: ReportBundle) throws -> Data {
        try bundle.mail(bundle.model(.html, svgs: [:]), pdf: Data("%PDF-1.7 stand-in".utf8))
    }

    static func monthName(_ month: Int, _ language: Language) -> String {
        (language == .german
            ? ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
            : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"])[month - 1]
    }

    @Test(arguments: Language.all)
    func reportEMLIsAMIMEMessageWithTheHeatMapInlineAndThePDFAttached(_ language: Language) throws {
        let files = try #require(Self.documents[language])
        let eml = try #require(files["report.eml"])
        let mail = try ReadMail.read(eml)
        #expect(mail.structure == Self.nested)
        #expect(mail.defects.isEmpty, "\(mail.defects)")

        let image = try #require(mail.images.first)
        #expect(mail.images.count == 1)
        #expect(image.type == "image/png" && image.filename == "retention.png")
        // Drawn at one pixel per point: 36 monthly cohorts make a heat map about 1,100 pixels wide.
        let width = try #require(image.size?.first)
        #expect((900 ... 1200).contains(width))
        let contentID = try #require(image.content_id).trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
        #expect(mail.html_urls == ["cid:\(contentID)"])

        let pdf = try #require(mail.attachments.first)
        #expect(mail.attachments.count == 1)
        #expect(pdf.type == "application/pdf" && pdf.filename == "report.pdf")
        #expect(pdf.bytes == files["report.pdf"])
        #expect(pdf.bytes.starts(with: Data("%PDF-".utf8)))
        // Small enough for any mailbox: the PDF (about 130 KB), the heat map and the bodies, in base64.
        #expect(eml.count < 600_000, "report.eml has \(eml.count) bytes")
    }

    @Test(arguments: Language.all)
    func subjectNamesTheCompanyThePeriodAndTheFigureTheSummaryLeadsWith(_ language: Language) throws {
        let analysis = ReportPDFTests.examples
        let mail = try ReadMail.read(try #require(Self.documents[language]?["report.eml"]))
        let headline = try #require(analysis.headline)
        let active = analysis.kpis[headline.period].customers.end
        let before = analysis.kpis[headline.period - 1].customers.end
        // The summary's first figure: the customers active at the end of the period, and their change.
        let change = String(format: "%.1f", 100 * Double(active - before) / Double(before))
        let month = analysis.periods[headline.period].firstDay
        let period = "\(Self.monthName(month.month, language)) \(month.year)"
        let grouped = active >= 1000 ? "\(active / 1000)\(language == .german ? "." : ",")\(String(format: "%03d", active % 1000))" : "\(active)"
        let figure = language == .german
            ? "\(grouped) aktive Kunden (+\(change.replacingOccurrences(of: ".", with: ",")) %)"
            : "\(grouped) active customers (+\(change)%)"
        let title = language == .german ? "Kohortenbericht" : "Cohort report"
        #expect(mail.subject == "Muster GmbH · \(title) \(period) · \(figure)")
        #expect(mail.html_text.contains(period) && mail.text?.contains(period) == true)
    }

    @Test(arguments: Language.all)
    func bothBodiesCarryTheWrittenSummaryAndTheHeadlineCards(_ language: Language) throws {
        let mail = try ReadMail.read(try #require(Self.documents[language]?["report.eml"]))
        let model = Self.bundle(language).model(.html, svgs: [:])
        let text = try #require(mail.text)
        #expect(mail.html_lang == language.code)
        #expect(model.summary.count >= 4)
        for sentence in model.summary {
            #expect(text.contains(sentence), "plain text lacks: \(sentence)")
            #expect(mail.html_text.contains(sentence), "HTML lacks: \(sentence)")
        }
        #expect(model.cards.count == HeadlineKey.allCases.count)
        for card in model.cards {
            #expect(text.contains("\(card.name): \(card.value)"), "plain text lacks the card \(card.name)")
            #expect(mail.html_text.contains("\(card.name) \(card.value)"), "HTML lacks the card \(card.name)")
        }
        #expect(text.contains("report.pdf") && mail.html_text.contains("report.pdf"))
    }

    @Test func theHTMLBodyLoadsNothingAndRunsNothing() throws {
        let mail = try ReadMail.read(try #require(Self.documents[.english]?["report.eml"]))
        for tag in ["script", "link", "iframe", "object", "embed", "form", "video", "audio"] {
            #expect(!mail.html_tags.contains(tag), "<\(tag)> in the HTML body")
        }
        #expect(!mail.html.contains("http://") && !mail.html.contains("https://") && !mail.html.contains("url("))
        #expect(mail.html_urls.allSatisfy { $0.hasPrefix("cid:") })
        // Layout in tables with inline styles: mail programs drop or ignore style sheets and grids.
        #expect(mail.html_tags.contains("table"))
        #expect(!mail.html.contains("display:grid") && !mail.html.contains("display: grid") && !mail.html.contains("var(--"))
    }

    @Test func withoutRecipientsItIsADraftForAMailProgram() throws {
        let mail = try ReadMail.read(try #require(Self.documents[.english]?["report.eml"]))
        #expect(mail.to.isEmpty)
        #expect(mail.x_unsent == "1")
        #expect(mail.from == [ReportMailAddresses.placeholderSender])
        #expect(mail.from_names == ["Muster GmbH"])
    }

    @Test func withRecipientsItIsReadyToSend() throws {
        var bundle = Self.bundle(.english)
        bundle.mailAddresses = ReportMailAddresses(from: try MailAddress("reports@acme.example", displayName: "Reports"),
                                                   to: [try MailAddress("controlling@acme.example"), try MailAddress("board@acme.example")])
        let mail = try ReadMail.read(try Self.message(bundle))
        #expect(mail.defects.isEmpty)
        #expect(mail.to == ["controlling@acme.example", "board@acme.example"])
        #expect(mail.x_unsent == nil)
        #expect(mail.from == ["reports@acme.example"] && mail.from_names == ["Reports"])
        #expect(mail.message_id?.hasSuffix("@acme.example>") == true)
    }

    @Test func dateAndMessageIDComeFromTheReportNotFromTheClock() throws {
        let first = try Self.message(Self.bundle(.english)), second = try Self.message(Self.bundle(.english))
        #expect(first == second)
        let mail = try ReadMail.read(first)
        #expect(mail.date == "2026-01-01T00:00:00+00:00")
        let later = try ReadMail.read(try Self.message(Self.bundle(.english, generatedAt: Self.generatedAt.addingTimeInterval(60))))
        #expect(later.date == "2026-01-01T00:01:00+00:00")
        #expect(later.message_id != nil && later.message_id != mail.message_id)
    }

    @Test func aPNGLogoIsASecondInlineImage() throws {
        let mail = try ReadMail.read(try Self.message(Self.bundle(.english, logo: ReportPDFTests.logo)))
        #expect(mail.images.count == 2)
        let ids = mail.images.compactMap { $0.content_id?.trimmingCharacters(in: CharacterSet(charactersIn: "<>")) }
        #expect(Set(mail.html_urls) == Set(ids.map { "cid:\($0)" }))
        #expect(mail.images.contains { $0.filename == "logo.png" && $0.type == "image/png" })
    }

    @Test func withoutTheRetentionChartTheMessageHasNoImage() throws {
        var bundle = Self.bundle(.english)
        bundle.charts = [.trends]
        let mail = try ReadMail.read(try Self.message(bundle))
        #expect(mail.structure == "multipart/mixed(multipart/alternative(text/plain,text/html),application/pdf)")
        #expect(mail.html_urls.isEmpty)
        #expect(mail.images.isEmpty)
    }
}
