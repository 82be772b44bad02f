@testable import CohortMail
import Foundation
import Testing

/// The bytes `rendered()` writes, checked against RFC 5322 / 2045 / 2047 / 2231 by hand.
struct MailMessageTests {
    @Test func sameValuesGiveTheSameBytes() throws {
        let first = try SampleMessages.report().rendered()
        let second = try SampleMessages.report().rendered()
        #expect(first == second)

        var changed = try SampleMessages.report()
        changed.textBody += "!"
        let other = changed.rendered()
        #expect(other != first)
        #expect(try SampleMessages.report().resolvedMessageID != changed.resolvedMessageID)
        #expect(boundaries(in: first).isDisjoint(with: boundaries(in: other)))
    }

    @Test func everyLineEndsInCRLFAndFitsInto78Characters() throws {
        let rendered = Array(try SampleMessages.report().rendered())
        #expect(rendered.suffix(2) == [0x0D, 0x0A])
        var lineLength = 0, longest = 0
        for (index, byte) in rendered.enumerated() {
            if byte == 0x0A {
                #expect(index > 0 && rendered[index - 1] == 0x0D, "bare LF at \(index)")
                longest = max(longest, lineLength - 1)
                lineLength = 0
            } else {
                if byte == 0x0D { #expect(index + 1 < rendered.count && rendered[index + 1] == 0x0A, "bare CR at \(index)") }
                #expect(byte < 0x80, "8-bit byte at \(index)")
                lineLength += 1
            }
        }
        #expect(longest <= 78)
    }

    @Test func headerIsWrittenAsExpected() throws {
        let message = MailMessage(
            from: try MailAddress("reports@acme.example", displayName: "Cohort"),
            to: [try MailAddress("ceo@acme.example")],
            subject: "Bericht März", date: SampleMessages.date, timeZone: TimeZone(identifier: "Europe/Berlin")!,
            messageID: try MailIdentifier("<report-2026-03@acme.example>"),
            textBody: "Hallo")
        let text = String(decoding: message.rendered(), as: UTF8.self)
        #expect(text == """
            Date: Tue, 31 Mar 2026 10:00:00 +0200\r
            From: Cohort <reports@acme.example>\r
            To: ceo@acme.example\r
            Subject: =?UTF-8?Q?Bericht_M=C3=A4rz?=\r
            Message-ID: <report-2026-03@acme.example>\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Hallo\r

            """)
    }

    @Test func aDraftHasNoRecipientsAndSaysItIsUnsent() throws {
        var draft = try SampleMessages.report(to: [])
        draft.isDraft = true
        let text = String(decoding: draft.rendered(), as: UTF8.self)
        let header = text.components(separatedBy: "\r\n\r\n")[0]
        #expect(header.contains("\r\nMIME-Version: 1.0\r\nX-Unsent: 1\r\n"))
        #expect(!header.contains("\r\nTo:"))
        let sendable = try SampleMessages.report(to: [])
        #expect(!String(decoding: sendable.rendered(), as: UTF8.self).contains("X-Unsent"))
        #expect(draft.resolvedMessageID != sendable.resolvedMessageID)
    }

    @Test func derivedMessageIDIsAtTheSendersDomain() throws {
        let id = try SampleMessages.report().resolvedMessageID.value
        #expect(id.hasSuffix("@acme.example"))
        #expect(id.count == 32 + "@acme.example".count)
        #expect(String(decoding: try SampleMessages.report().rendered(), as: UTF8.self).contains("Message-ID: <\(id)>\r\n"))
    }

    @Test func quotedPrintableEncodesWhatItMust() {
        #expect(QuotedPrintable.encode("a = b") == "a =3D b")
        #expect(QuotedPrintable.encode("trailing \nspace\t") == "trailing=20\r\nspace=09")
        #expect(QuotedPrintable.encode("From here\nnot From here") == "=46rom here\r\nnot From here")
        #expect(QuotedPrintable.encode("ä\r\n\rx\n") == "=C3=A4\r\n\r\nx\r\n")
        #expect(QuotedPrintable.encode(".\n..") == ".\r\n..") // dots are SMTP's business, not MIME's
    }

    @Test func quotedPrintableSoftBreaksAt76WithoutSplittingAnEscape() {
        let encoded = QuotedPrintable.encode(String(repeating: "x", count: 74) + "äää" + String(repeating: "y", count: 200))
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        #expect(lines[0] == String(repeating: "x", count: 74) + "=")
        #expect(lines[1].hasPrefix("=C3=A4=C3=A4=C3=A4yyy"))
        // A line that fits into 76 exactly needs no soft break.
        #expect(QuotedPrintable.encode(String(repeating: "z", count: 76)) == String(repeating: "z", count: 76))
    }

    @Test func base64LinesAre76CharactersLong() {
        let encoded = Base64Lines.encode(Data(repeating: 0xFF, count: 200))
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.map(\.count) == [76, 76, 76, 40])
        #expect(Base64Lines.encode(Data()) == "")
    }

    @Test func encodedWordsAreAtMost75AndSplitBetweenCharacters() {
        let words = HeaderText.encodedWords(String(repeating: "ü", count: 40) + "👩‍💻", firstLimit: 60)
        #expect(words[0].count <= 60)
        #expect(words.dropFirst().allSatisfy { $0.count <= 75 })
        for word in words {
            #expect(word.hasPrefix("=?UTF-8?Q?") && word.hasSuffix("?="))
            // Each word decodes on its own: its escapes form whole UTF-8 characters.
            let payload = word.dropFirst(10).dropLast(2)
            var bytes: [UInt8] = []
            var index = payload.startIndex
            while index < payload.endIndex {
                if payload[index] == "=" {
                    let hex = payload[payload.index(after: index)..<payload.index(index, offsetBy: 3)]
                    bytes.append(UInt8(hex, radix: 16)!)
                    index = payload.index(index, offsetBy: 3)
                } else {
                    bytes.append(payload[index].asciiValue!)
                    index = payload.index(after: index)
                }
            }
            #expect(String(validating: bytes, as: UTF8.self) != nil)
        }
    }

    @Test func subjectStaysPlainWhenItCan() {
        #expect(HeaderText.unstructured("Cohort report March 2026", firstLimit: 69) == ["Cohort", "report", "March", "2026"])
        #expect(HeaderText.unstructured("two  spaces", firstLimit: 69).allSatisfy { $0.hasPrefix("=?UTF-8?Q?") })
        #expect(HeaderText.unstructured("looks =?encoded?= but is not", firstLimit: 69).first?.hasPrefix("=?UTF-8?Q?") == true)
        #expect(HeaderText.unstructured("line\nbreak", firstLimit: 69) == ["line", "break"])
        #expect(HeaderText.field("Subject", HeaderText.unstructured("", firstLimit: 69)) == "Subject:")
    }

    @Test func fileNamesUseRFC2231WhenNotPlainASCII() {
        #expect(MIMEParameter.tokens("filename", "report.pdf") == ["filename=\"report.pdf\""])
        #expect(MIMEParameter.tokens("filename", "Bericht März.pdf") == ["filename*=UTF-8''Bericht%20M%C3%A4rz.pdf"])
        #expect(MIMEParameter.tokens("filename", "say \"hi\".pdf") == ["filename*=UTF-8''say%20%22hi%22.pdf"])
        let long = MIMEParameter.tokens("filename", String(repeating: "ä", count: 30))
        #expect(long.count == 4)
        #expect(long[0].hasPrefix("filename*0*=UTF-8''%C3%A4"))
        #expect(long[1].hasPrefix("filename*1*=%C3%A4"))
        #expect(long.dropLast().allSatisfy { $0.hasSuffix(";") } && !long.last!.hasSuffix(";"))
    }

    @Test func dateIsWrittenInTheGivenZone() {
        #expect(MailDate.format(SampleMessages.date, in: TimeZone(identifier: "UTC")!) == "Tue, 31 Mar 2026 08:00:00 +0000")
        #expect(MailDate.format(SampleMessages.date, in: TimeZone(identifier: "America/St_Johns")!) == "Tue, 31 Mar 2026 05:30:00 -0230")
    }

    @Test func headerInjectionIsImpossible() throws {
        var message = try SampleMessages.report()
        message.subject = "Hi\r\nBcc: victim@evil.example"
        let header = String(decoding: message.rendered(), as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        #expect(!header.contains("\r\nBcc:"))
        #expect(try MailAddress("a@b.example", displayName: "x\r\nBcc: y@z.example").displayName == "x  Bcc: y@z.example")
    }

    private func boundaries(in message: Data) -> Set<String> {
        let text = String(decoding: message, as: UTF8.self)
        return Set(text.components(separatedBy: "boundary=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
    }
}
