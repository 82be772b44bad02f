/// One part of a MIME message: its header fields and either an encoded body or child parts.
///
/// A multipart's boundary is `=_<subtype>_<hash of its rendered children>`: the same
/// content gives the same bytes, and since neither quoted-printable nor base64 output can
/// hold `=_`, no boundary can occur inside a part.
struct MIMEPart {
    enum Body {
        /// Already transfer-encoded: ASCII lines joined by CRLF, without a final CRLF.
        case encoded(String)
        /// `multipart/<subtype>` with these parameters besides the boundary.
        case multipart(subtype: String, parameters: [(String, String)], parts: [MIMEPart])
    }

    /// Folded header fields, each without its final CRLF; Content-Type of a multipart is added.
    var fields: [String]
    var body: Body

    /// The part with `leadingFields` before its own: a whole message when those are the
    /// message's header fields.
    func rendered(leadingFields: [String] = []) -> [UInt8] {
        var fields = leadingFields + self.fields
        var body: [UInt8] = []
        switch self.body {
        case .encoded(let text):
            body = Array(text.utf8)
        case .multipart(let subtype, let parameters, let parts):
            let children = parts.map { $0.rendered() }
            var hash = ContentHash()
            for child in children { hash.combine(child) }
            let boundary = "=_\(subtype)_\(hash.hex)"
            var contentType = ["multipart/\(subtype);"]
            for (name, value) in parameters {
                contentType += MIMEParameter.tokens(name, value)
                contentType[contentType.count - 1] += ";"
            }
            contentType += MIMEParameter.tokens("boundary", boundary)
            fields.append(HeaderText.field("Content-Type", contentType))
            for child in children {
                body += Array("--\(boundary)\r\n".utf8)
                body += child
                body += Array("\r\n".utf8)
            }
            body += Array("--\(boundary)--".utf8)
        }
        var output: [UInt8] = []
        output.reserveCapacity(body.count + 1024)
        for field in fields { output += Array((field + "\r\n").utf8) }
        output += Array("\r\n".utf8)
        output += body
        return output
    }
}
