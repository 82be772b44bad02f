import CohortCore
import CohortMail
import CohortVocabulary
import Foundation

/// report.eml: the report as a message ready to send. The subject names the company, the
/// period and the figure the written summary leads with; the HTML body shows the summary, the
/// headline cards and the retention heat map (an inline `cid:` image), the plain text says the
/// same in words, and report.pdf is attached.
///
///     let message = try ReportMail(analysis: analysis, settings: settings, model: htmlModel,
///                                  addresses: ReportMailAddresses(), heatMapPNG: png, pdf: pdf,
///                                  templates: ReportTemplates()).message()
///     message.rendered()    // the bytes of report.eml
///
/// Deterministic: the Date is the report's generation time and the Message-ID a hash of the
/// content, so a report rendered twice gives the same bytes.
///
///     multipart/mixed
///     ├─ multipart/related
///     │  ├─ multipart/alternative: text/plain, text/html
///     │  └─ image/png (the heat map; the logo when it is a PNG)
///     └─ application/pdf (report.pdf)
struct ReportMail {
    static let fileName = "report.eml"
    static let pdfName = "report.pdf"
    /// Headline cards per row of the HTML body.
    static let cardsPerRow = 4

    let analysis: CohortAnalysis
    let settings: ReportSettings
    /// The report's HTML model (text not escaped: the template does that).
    let model: ReportModel
    let addresses: ReportMailAddresses
    /// The retention heat map as PNG, at the size it is shown; nil for none.
    let heatMapPNG: Data?
    let pdf: Data
    let templates: ReportTemplates

    var words: any Vocabulary { settings.language.words }

    /// The message.
    func message() throws(ReportError) -> MailMessage {
        let from = addresses.sender(name: settings.company)
        let lead = leadFigure()
        let subject = words.mailSubject(company: settings.company, title: model.title, figure: lead?.words)
        let images = inlineImages(domain: String(from.domain))
        let html = try templates.render(mailModel(subject: subject, preview: lead?.sentence ?? model.summary.first ?? "",
                                                  heatMap: images.heatMap, logo: images.logo), as: .mail)
        // "application/pdf" is a valid media type: this cannot throw.
        let attachment = try! Attachment(fileName: Self.pdfName, mediaType: "application/pdf", data: pdf)
        return MailMessage(from: from, to: addresses.to, subject: subject, date: settings.generatedAt,
                           textBody: textBody(heatMapTitle: images.heatMap?.title), htmlBody: html,
                           inlineImages: images.parts, attachments: [attachment], isDraft: addresses.isDraft)
    }

    // MARK: Subject

    /// The first headline figure the written summary speaks of (active customers, unless they
    /// are missing), as the subject says it, and the sentence that says it in the summary.
    func leadFigure() -> (words: String, sentence: String)? {
        let kind = analysis.options.period
        for fact in Summary(analysis: analysis, targets: settings.targets).facts {
            let key: HeadlineKey
            switch fact {
            case .activeCustomers: key = .activeCustomers
            case .churn: key = .customersKept
            case .revenue: key = .revenue
            case .revenueRetention: key = .nrr
            default: continue // the churn window, the drivers, segments: no headline figure of their own
            }
            guard let card = model.cards.first(where: { $0.key == key.rawValue && $0.hasValue }) else { continue }
            let change = card.changeFromPrevious.isEmpty ? nil : card.changeFromPrevious
            return (words.mailFigure(key, value: card.value, change: change), words.sentence(fact, kind, currency: settings.currency))
        }
        return nil
    }

    // MARK: Images

    /// The heat map and a PNG logo as parts of the message, and as the HTML shows them.
    private func inlineImages(domain: String) -> (parts: [InlineImage], heatMap: MailImage?, logo: MailImage?) {
        var parts: [InlineImage] = [], heatMap: MailImage?, logo: MailImage?
        let stamp = analysis.asOf.description
        if let png = heatMapPNG, let chart = model.matrices.first(where: { $0.id == "retention" })?.chart, let size = Self.pngSize(png) {
            let image = Self.inlineImage("retention-\(stamp)@\(domain)", fileName: "retention.png", data: png)
            parts.append(image)
            heatMap = MailImage(src: image.url, title: chart.title, alt: chart.description, width: size.width, height: size.height)
        }
        if let file = settings.logo, file.kind == .png, let size = Self.pngSize(file.data) {
            let image = Self.inlineImage("logo-\(stamp)@\(domain)", fileName: "logo.png", data: file.data)
            parts.append(image)
            // At most 56 pixels high and 180 wide, as in the HTML report; a 2× logo stays sharp.
            let shrink = min(1, 56 / Double(size.height), 180 / Double(size.width))
            logo = MailImage(src: image.url, title: settings.company ?? "", alt: (settings.company.map { "\($0) " } ?? "") + "Logo",
                             width: Int((Double(size.width) * shrink).rounded()), height: Int((Double(size.height) * shrink).rounded()))
        }
        return (parts, heatMap, logo)
    }

    private static func inlineImage(_ contentID: String, fileName: String, data: Data) -> InlineImage {
        // The id is a date and a checked domain around fixed words, and image/png a valid type: this cannot throw.
        try! InlineImage(contentID: MailIdentifier(contentID), fileName: fileName, mediaType: "image/png", data: data)
    }

    /// Width and height from a PNG's IHDR chunk; nil when `data` is not a PNG.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), bytes[12 ..< 16].elementsEqual("IHDR".utf8) else { return nil }
        func integer(_ offset: Int) -> Int { bytes[offset ..< offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (integer(16), integer(20))
    }
}
