/// A `name=value` parameter of Content-Type or Content-Disposition, as header tokens:
/// quoted when the value is short printable ASCII, else RFC 2231 (`name*=UTF-8''…`, percent
/// encoded, split between characters into `name*0*`, `name*1*`, … continuations when long).
///
///     MIMEParameter.tokens("filename", "report.pdf")        // ["filename=\"report.pdf\""]
///     MIMEParameter.tokens("filename", "Bericht März.pdf")  // ["filename*=UTF-8''Bericht%20M%C3%A4rz.pdf"]
enum MIMEParameter {
    /// The longest value written quoted, and the longest continuation chunk.
    static let chunkLimit = 60

    static func tokens(_ name: String, _ value: String) -> [String] {
        let quotable = value.utf8.count <= chunkLimit
            && value.utf8.allSatisfy { (0x20...0x7E).contains($0) && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        if quotable { return ["\(name)=\"\(value)\""] }

        var pieces: [String] = []
        var current = ""
        for scalar in value.unicodeScalars {
            // A character's bytes stay in one piece, so each piece decodes on its own too.
            let encoded = String(scalar).utf8.map { isAttributeCharacter($0) ? String(UnicodeScalar($0)) : "%" + Hex.byte($0) }.joined()
            if !current.isEmpty && current.utf8.count + encoded.utf8.count > chunkLimit - name.utf8.count {
                pieces.append(current)
                current = ""
            }
            current += encoded
        }
        pieces.append(current)
        if pieces.count == 1 { return ["\(name)*=UTF-8''\(pieces[0])"] }
        return pieces.enumerated().map { index, piece in
            let charset = index == 0 ? "UTF-8''" : ""
            let separator = index == pieces.count - 1 ? "" : ";"
            return "\(name)*\(index)*=\(charset)\(piece)\(separator)"
        }
    }

    /// RFC 2231 attribute-char: an RFC 2045 token character other than `*`, `'` and `%`.
    private static func isAttributeCharacter(_ byte: UInt8) -> Bool {
        MailAddress.isLetterOrDigit(byte) || "!#$&+-.^_`|~".utf8.contains(byte)
    }
}
