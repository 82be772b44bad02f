import CohortVocabulary
import Foundation

extension ReportMail {
    /// The model `mail.html.mustache` renders: the report model's texts, the cards in rows
    /// with their colors, and the images by their `cid:` URLs.
    func mailModel(subject: String, preview: String, heatMap: MailImage?, logo: MailImage?) -> MailModel {
        let labels = model.labels
        let width = 100 / Self.cardsPerRow
        let cards = model.cards.map { card in
            MailCard(name: card.name, value: card.value, hasValue: card.hasValue, note: card.note,
                     changes: card.changes.map { MailChange(text: $0.text, color: Self.trendColor($0.trend)) },
                     status: card.statusText.isEmpty ? "" : "\(card.statusSymbol) \(card.statusText)", hasStatus: !card.statusText.isEmpty,
                     accent: Self.statusColors(card.status).accent, statusBackground: Self.statusColors(card.status).background,
                     statusColor: Self.statusColors(card.status).text, width: width)
        }
        let rows = stride(from: 0, to: cards.count, by: Self.cardsPerRow).map { start in
            let row = Array(cards[start ..< min(start + Self.cardsPerRow, cards.count)])
            return MailCardRow(cards: row, fillers: Array(repeating: MailFiller(width: width), count: Self.cardsPerRow - row.count))
        }
        return MailModel(
            lang: model.lang, subject: subject, preview: preview, company: model.company, logo: logo, title: model.title,
            meta: "\(labels.asOf) \(model.asOf) · \(model.periodSettings)", partialNote: model.partialNote,
            summaryHeading: labels.summary, summary: model.summary,
            headlineHeading: "\(labels.headline): \(model.periodName)", cardRows: rows,
            customers: model.toActOn.map { MailParagraph(heading: $0.title, text: $0.summary) },
            heatMap: heatMap, attachmentNote: words.mailAttachmentNote(file: Self.pdfName),
            footer: words.mailFooter(generated: model.generatedAt, sources: model.sources))
    }

    /// The colors of the report's stylesheet (report.html), for inline styles.
    static func statusColors(_ status: String) -> (accent: String, background: String, text: String) {
        switch status {
        case "good": return ("#1a7f37", "#dafbe1", "#116329")
        case "warning": return ("#9a6700", "#fff8c5", "#7d4e00")
        case "bad": return ("#cf222e", "#ffebe9", "#a40e26")
        default: return ("#d8dee4", "#f6f8fa", "#59636e")
        }
    }

    static func trendColor(_ trend: String) -> String {
        switch trend {
        case "better": return "#1a7f37"
        case "worse": return "#cf222e"
        default: return "#59636e"
        }
    }
}
