/// Quoted-printable (RFC 2045 §6.7) for UTF-8 text: printable ASCII stays as it is, other
/// bytes become `=XX`, lines end in CRLF and are soft-broken with `=` to at most 76 characters.
///
///     QuotedPrintable.encode("Kündigungen: 12 %\n")   // "K=C3=BCndigungen: 12 %\r\n"
///
/// Any line break of the text (CRLF, LF or CR) becomes CRLF. Space or tab at the end of a
/// line is encoded so no transport can strip it; `From ` at the start of a line is written
/// `=46rom ` so no mbox file mangles it.
enum QuotedPrintable {
    static let lineLimit = 76

    static func encode(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        for (index, line) in lines(of: text).enumerated() {
            if index > 0 { output += "\r\n" }
            encodeLine(line, into: &output)
        }
        return output
    }

    /// The lines of `text` without their breaks; a text ending in a break ends with an empty line.
    static func lines(of text: String) -> [ArraySlice<UInt8>] {
        let bytes = Array(text.utf8)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D || byte == 0x0A {
                lines.append(bytes[start..<index])
                index += (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) ? 2 : 1
                start = index
            } else {
                index += 1
            }
        }
        lines.append(bytes[start..<bytes.count])
        return lines
    }

    private static func encodeLine(_ line: ArraySlice<UInt8>, into output: inout String) {
        let startsWithFrom = line.starts(with: "From ".utf8)
        var lineLength = 0
        for index in line.indices {
            let byte = line[index]
            let token: String
            let isLast = index == line.index(before: line.endIndex)
            switch byte {
            case 0x20 where !isLast, 0x09 where !isLast:
                token = String(UnicodeScalar(byte))
            case 0x21...0x7E where byte != UInt8(ascii: "=") && !(startsWithFrom && index == line.startIndex):
                token = String(UnicodeScalar(byte))
            default:
                token = "=" + Hex.byte(byte)
            }
            // Leave room for the `=` of a soft break, unless this is the line's last token.
            let room = isLast ? lineLimit : lineLimit - 1
            if lineLength + token.utf8.count > room {
                output += "=\r\n"
                lineLength = 0
            }
            output += token
            lineLength += token.utf8.count
        }
    }
}
