import Foundation

extension MailMessage {
    /// The whole message, header and body, with CRLF line ends and no line longer than 78
    /// characters (the 998 of RFC 5322 is never reached), ending in CRLF.
    ///
    /// Complexity: O(n) in the size of bodies and files.
    public func rendered() -> Data {
        let body = bodyPart().rendered()
        var output = Array(headerFields(messageID: messageID ?? derivedMessageID(body: body)).joined(separator: "\r\n").utf8)
        output += Array("\r\n".utf8)
        output += body
        if !output.suffix(2).elementsEqual("\r\n".utf8) { output += Array("\r\n".utf8) }
        return Data(output)
    }

    /// The Message-ID `rendered()` writes: `messageID`, or the one derived from the content.
    public var resolvedMessageID: MailIdentifier {
        messageID ?? derivedMessageID(body: bodyPart().rendered())
    }

    /// 32 hexadecimal digits hashed from the header values and the rendered body, at the
    /// domain of `from`: stable for the same message, different when anything changes.
    private func derivedMessageID(body: [UInt8]) -> MailIdentifier {
        var first = ContentHash()
        var second = ContentHash(seed: 0x6c62_272e_07bb_0142)
        for hash in [0, 1] {
            var fingerprint = hash == 0 ? first : second
            fingerprint.combine(MailDate.format(date, in: timeZone))
            fingerprint.combine(from.address)
            for recipient in to { fingerprint.combine(recipient.address) }
            fingerprint.combine(subject)
            if isDraft { fingerprint.combine("X-Unsent: 1") }
            fingerprint.combine(body)
            if hash == 0 { first = fingerprint } else { second = fingerprint }
        }
        // Both halves are hex digits and the domain a checked host name: always valid.
        return try! MailIdentifier("\(first.hex)\(second.hex)@\(from.domain)")
    }

    private func headerFields(messageID: MailIdentifier) -> [String] {
        var fields = ["Date: " + MailDate.format(date, in: timeZone)]
        fields.append(HeaderText.field("From", HeaderText.addressList([from], firstLimit: HeaderText.lineLimit - 6)))
        if !to.isEmpty {
            fields.append(HeaderText.field("To", HeaderText.addressList(to, firstLimit: HeaderText.lineLimit - 4)))
        }
        fields.append(HeaderText.field("Subject", HeaderText.unstructured(subject, firstLimit: HeaderText.lineLimit - 9)))
        fields.append("Message-ID: " + messageID.bracketed)
        fields.append("MIME-Version: 1.0")
        if isDraft { fields.append("X-Unsent: 1") }
        return fields
    }

    /// The MIME tree, each multipart left out when it would hold a single part.
    func bodyPart() -> MIMEPart {
        var content = Self.textPart(textBody, subtype: "plain")
        if let htmlBody {
            content = MIMEPart(fields: [], body: .multipart(
                subtype: "alternative", parameters: [], parts: [content, Self.textPart(htmlBody, subtype: "html")]))
        }
        if !inlineImages.isEmpty {
            let rootType = htmlBody == nil ? "text/plain" : "multipart/alternative"
            let images = inlineImages.map { image in
                Self.filePart(image.data, mediaType: image.mediaType, fileName: image.fileName,
                              disposition: "inline", contentID: image.contentID)
            }
            content = MIMEPart(fields: [], body: .multipart(
                subtype: "related", parameters: [("type", rootType)], parts: [content] + images))
        }
        if !attachments.isEmpty {
            let files = attachments.map { file in
                Self.filePart(file.data, mediaType: file.mediaType, fileName: file.fileName,
                              disposition: "attachment", contentID: nil)
            }
            content = MIMEPart(fields: [], body: .multipart(subtype: "mixed", parameters: [], parts: [content] + files))
        }
        return content
    }

    private static func textPart(_ text: String, subtype: String) -> MIMEPart {
        MIMEPart(
            fields: ["Content-Type: text/\(subtype); charset=utf-8", "Content-Transfer-Encoding: quoted-printable"],
            body: .encoded(QuotedPrintable.encode(text)))
    }

    private static func filePart(
        _ data: Data, mediaType: String, fileName: String, disposition: String, contentID: MailIdentifier?
    ) -> MIMEPart {
        var fields = [
            HeaderText.field("Content-Type", [mediaType + ";"] + MIMEParameter.tokens("name", fileName)),
            "Content-Transfer-Encoding: base64",
        ]
        if let contentID { fields.append("Content-ID: " + contentID.bracketed) }
        fields.append(HeaderText.field("Content-Disposition", [disposition + ";"] + MIMEParameter.tokens("filename", fileName)))
        return MIMEPart(fields: fields, body: .encoded(Base64Lines.encode(data)))
    }
}
