/// Header fields as RFC 5322 wants them: printable ASCII, folded at whitespace into lines of
/// at most 78 characters; text that is not plain ASCII goes into RFC 2047 encoded-words.
enum HeaderText {
    /// The longest line a folded header aims for (RFC 5322 §2.1.1: SHOULD ≤ 78, MUST ≤ 998).
    static let lineLimit = 78
    /// The longest encoded-word (RFC 2047 §2).
    static let encodedWordLimit = 75

    /// `text` on one line: CR, LF, tab and other control characters become spaces.
    static func singleLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// `Name: token token …`, folded before a token that would pass `lineLimit`.
    /// A token is never split; folding puts CRLF + space where a single space was.
    static func field(_ name: String, _ tokens: [String]) -> String {
        var result = name + ":"
        var lineLength = result.utf8.count
        for token in tokens {
            if lineLength + 1 + token.utf8.count > lineLimit && lineLength > name.utf8.count + 1 {
                result += "\r\n " + token
                lineLength = 1 + token.utf8.count
            } else {
                result += " " + token
                lineLength += 1 + token.utf8.count
            }
        }
        return result
    }

    /// Tokens for unstructured text (Subject): its words when it is plain ASCII that folds
    /// back to itself, otherwise encoded-words, the first at most `firstLimit` long.
    static func unstructured(_ text: String, firstLimit: Int) -> [String] {
        let text = singleLine(text)
        if text.isEmpty { return [] }
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        let plain = !text.contains("=?")
            && words.allSatisfy { word in
                !word.isEmpty && word.utf8.count <= lineLimit - 2
                    && word.utf8.allSatisfy { (0x21...0x7E).contains($0) }
            }
        return plain ? words.map(String.init) : encodedWords(text, firstLimit: firstLimit)
    }

    /// Tokens for a display name (an RFC 5322 phrase): atoms as they are, other ASCII as
    /// one quoted string, anything else as encoded-words.
    static func phrase(_ text: String, firstLimit: Int) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        if words.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(MailAddress.isAtext) }) {
            return words.map(String.init)
        }
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) && text.utf8.count <= 60 {
            var quoted = "\""
            for character in text {
                if character == "\"" || character == "\\" { quoted.append("\\") }
                quoted.append(character)
            }
            return [quoted + "\""]
        }
        return encodedWords(text, firstLimit: firstLimit)
    }

    /// `text` as RFC 2047 "Q" encoded-words in UTF-8, each at most `encodedWordLimit`
    /// characters (the first at most `firstLimit`), split between Unicode scalars so
    /// each word decodes on its own. Only letters, digits and `!*+-/` stay literal, the
    /// set allowed in a phrase too; a space becomes `_`.
    static func encodedWords(_ text: String, firstLimit: Int) -> [String] {
        let prefix = "=?UTF-8?Q?", suffix = "?="
        var words: [String] = []
        var current = ""
        var limit = min(firstLimit, encodedWordLimit) - prefix.utf8.count - suffix.utf8.count
        for scalar in text.unicodeScalars {
            var encoded = ""
            for byte in String(scalar).utf8 {
                if byte == 0x20 {
                    encoded += "_"
                } else if MailAddress.isLetterOrDigit(byte) || "!*+-/".utf8.contains(byte) {
                    encoded.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    encoded += "=" + Hex.byte(byte)
                }
            }
            if !current.isEmpty && current.utf8.count + encoded.utf8.count > limit {
                words.append(prefix + current + suffix)
                current = ""
                limit = encodedWordLimit - prefix.utf8.count - suffix.utf8.count
            }
            current += encoded
        }
        if !current.isEmpty || words.isEmpty { words.append(prefix + current + suffix) }
        return words
    }

    /// Tokens for an address list: `Name <local@domain>` or `local@domain`, comma-separated.
    static func addressList(_ addresses: [MailAddress], firstLimit: Int) -> [String] {
        var tokens: [String] = []
        for (index, address) in addresses.enumerated() {
            if index > 0 { tokens[tokens.count - 1] += "," }
            if let name = address.displayName {
                tokens += phrase(name, firstLimit: tokens.isEmpty ? firstLimit : encodedWordLimit)
                tokens.append("<\(address.address)>")
            } else {
                tokens.append(address.address)
            }
        }
        return tokens
    }
}

/// Upper-case hexadecimal digits, as quoted-printable and encoded-words write them.
enum Hex {
    private static let digits = Array("0123456789ABCDEF".unicodeScalars)

    static func byte(_ byte: UInt8) -> String {
        String(String.UnicodeScalarView([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]))
    }
}
