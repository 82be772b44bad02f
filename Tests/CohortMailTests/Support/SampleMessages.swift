import CohortMail
import Foundation

/// Messages the tests send and parse, with the values that went into them.
enum SampleMessages {
    /// Every byte value, several times: what base64 must carry unchanged.
    static let imageBytes = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
    static let pdfBytes = Data("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8) + Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 5) })

    static let subject = "Müller & Söhne GmbH · März 2026 · Kundenbindung 84,3 % (Ø 12 Monate)"
    static let text = """
        Kohortenbericht März 2026

        Die Kundenbindung nach 12 Monaten liegt bei 84,3 % (Vormonat 82,9 %).
        From now on this line starts with From and must survive mbox tools.
        .a line that starts with a dot, and the next one is a lone dot:
        .
        Trailing spaces stay:\u{20}\u{20}
        A long line: \(String(repeating: "Umsatz je Kunde steigt, ", count: 8))Ende.
        Größen: ½ ¾ € — 👩‍💻
        """
    static let html = """
        <!DOCTYPE html>
        <html lang="de"><head><meta charset="utf-8"><title>Kohortenbericht</title></head>
        <body><h1>Kohortenbericht März 2026</h1>
        <p>Die Kundenbindung nach 12 Monaten liegt bei <strong>84,3 %</strong>.</p>
        <img src="cid:heatmap@report.cohort" alt="Retention heat map" width="600">
        <p style="font-family: 'DejaVu Sans', sans-serif">=3D is not an escape here; \(String(repeating: "x", count: 120))</p>
        </body></html>

        """

    /// 31 March 2026, 08:00 UTC: 10:00 in Berlin (summer time began on the 29th).
    static let date = Date(timeIntervalSince1970: 1_774_944_000)

    static func report(to recipients: [MailAddress]? = nil) throws -> MailMessage {
        MailMessage(
            from: try MailAddress("reports@acme.example", displayName: "Cohort Berichte"),
            to: try recipients ?? [
                MailAddress("controlling@acme.example", displayName: "Jürgen Groß"),
                MailAddress("ceo@acme.example"),
            ],
            subject: subject,
            date: date,
            timeZone: TimeZone(identifier: "Europe/Berlin")!,
            textBody: text,
            htmlBody: html,
            inlineImages: [try InlineImage(contentID: MailIdentifier("heatmap@report.cohort"),
                                           fileName: "heatmap.png", mediaType: "image/png", data: imageBytes)],
            attachments: [try Attachment(fileName: "report.pdf", mediaType: "application/pdf", data: pdfBytes)])
    }
}
