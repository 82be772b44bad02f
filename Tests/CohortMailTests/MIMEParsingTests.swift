import CohortMail
import Foundation
import Testing

/// `rendered()` read back by an independent, standard MIME parser: Python's `email` package.
@Suite(.enabled(if: Python.interpreter() != nil, "needs python3 (standard library only)"))
struct MIMEParsingTests {
    @Test func standardParserFindsEveryPartOfTheReport() throws {
        let message = try SampleMessages.report()
        let parsed = try ParsedMessage.parse(message.rendered())

        #expect(parsed.defects == [])
        #expect(parsed.structure == "multipart/mixed(multipart/related(multipart/alternative(text/plain,text/html),image/png),application/pdf)")
        #expect(parsed.mime_version == "1.0")
        #expect(parsed.subject == SampleMessages.subject)
        #expect(parsed.from == ["Cohort Berichte <reports@acme.example>"])
        #expect(parsed.to == ["Jürgen Groß <controlling@acme.example>", "ceo@acme.example"])
        #expect(parsed.date == "2026-03-31T10:00:00+02:00")
        #expect(parsed.message_id == "<\(message.resolvedMessageID.value)>")
        #expect(parsed.text == SampleMessages.text)
        #expect(parsed.html == SampleMessages.html)

        #expect(parsed.inline.count == 1)
        let image = try #require(parsed.inline.first)
        #expect(image.type == "image/png")
        #expect(image.filename == "heatmap.png")
        #expect(image.content_id == "<heatmap@report.cohort>")
        #expect(image.bytes == SampleMessages.imageBytes)
        #expect(try #require(parsed.html).contains("src=\"cid:heatmap@report.cohort\""))

        #expect(parsed.attachments.count == 1)
        let pdf = try #require(parsed.attachments.first)
        #expect(pdf.type == "application/pdf")
        #expect(pdf.filename == "report.pdf")
        #expect(pdf.bytes == SampleMessages.pdfBytes)
    }

    @Test func nonASCIINamesAndLongValuesSurviveFoldingAndEncoding() throws {
        let longFileName = "Kohortenbericht März 2026 – Müller & Söhne GmbH, Gesamtübersicht aller Vertriebskanäle.pdf"
        let longSubject = String(repeating: "Kündigungsquote je Kohorte, ", count: 6) + "🙂 \"Ende\" = 100 %?"
        let message = MailMessage(
            from: try MailAddress("reports@acme.example", displayName: "Bericht \"Kohorte\", Team (intern)"),
            to: [try MailAddress("a@acme.example", displayName: "Ünal Çelik-Øster"),
                 try MailAddress("b.c+report@sub.acme.example", displayName: "Doe, Jane")],
            subject: longSubject, date: SampleMessages.date,
            textBody: "Nur Text.", htmlBody: "<p>Nur HTML.</p>",
            attachments: [try Attachment(fileName: longFileName, mediaType: "application/pdf", data: Data([0, 1, 2]))])

        let rendered = message.rendered()
        let parsed = try ParsedMessage.parse(rendered)
        #expect(parsed.defects == [])
        #expect(parsed.structure == "multipart/mixed(multipart/alternative(text/plain,text/html),application/pdf)")
        #expect(parsed.subject == longSubject)
        #expect(parsed.from == ["\"Bericht \\\"Kohorte\\\", Team (intern)\" <reports@acme.example>"])
        #expect(parsed.to_addresses == ["a@acme.example", "b.c+report@sub.acme.example"])
        #expect(parsed.to == ["Ünal Çelik-Øster <a@acme.example>", "\"Doe, Jane\" <b.c+report@sub.acme.example>"])
        #expect(parsed.attachments.first?.filename == longFileName)
        #expect(parsed.attachments.first?.bytes == Data([0, 1, 2]))
        // The long values were folded: no line is longer than 78.
        let text = String(decoding: rendered, as: UTF8.self)
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(text.contains("filename*0*=UTF-8''"))
        #expect(text.contains("Subject: =?UTF-8?Q?K=C3=BCndigungsquote"))
    }

    @Test func plainTextMessageIsASinglePart() throws {
        let message = MailMessage(
            from: try MailAddress("reports@acme.example"), to: [try MailAddress("ceo@acme.example")],
            subject: "Plain", date: SampleMessages.date, textBody: "Zeile 1\nZeile 2\n")
        let parsed = try ParsedMessage.parse(message.rendered())
        #expect(parsed.defects == [])
        #expect(parsed.structure == "text/plain")
        #expect(parsed.text == "Zeile 1\nZeile 2\n")
        #expect(parsed.subject == "Plain")
    }

    @Test func inlineImagesWithoutHTMLStillRelate() throws {
        var message = try SampleMessages.report()
        message.htmlBody = nil
        message.attachments = []
        let parsed = try ParsedMessage.parse(message.rendered())
        #expect(parsed.defects == [])
        #expect(parsed.structure == "multipart/related(text/plain,image/png)")
        #expect(parsed.inline.first?.bytes == SampleMessages.imageBytes)
    }
}
