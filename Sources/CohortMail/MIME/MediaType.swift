/// Checks `type/subtype` media types (RFC 2045 §5.1 tokens), written in lower case.
enum MediaType {
    static func checked(_ text: String) throws(MailError) -> String {
        let parts = text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 127 && $0.allSatisfy(isTokenCharacter) }) else {
            throw .invalidMediaType(text)
        }
        return text.lowercased()
    }

    /// An RFC 2045 token character: printable ASCII other than space and tspecials.
    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        (0x21...0x7E).contains(byte) && !"()<>@,;:\\\"/[]?=".utf8.contains(byte)
    }
}
