extension TextEncoding {
    /// The bytes as UTF-8, in one pass (`bytes` must not start with a byte-order mark).
    ///
    /// UTF-16 surrogate pairs are joined, an unpaired surrogate becomes U+FFFD;
    /// Windows-1252 bytes map to their Unicode characters (`0x80` is `€`).
    /// Line breaks stay where they were, so line numbers do not change.
    ///
    /// Complexity: O(bytes).
    func transcodedToUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        switch self {
        case .utf8: return Array(bytes)
        case .windows1252: return Self.windows1252ToUTF8(bytes)
        case .utf16LittleEndian: return Self.utf16ToUTF8(bytes, bigEndian: false)
        case .utf16BigEndian: return Self.utf16ToUTF8(bytes, bigEndian: true)
        }
    }

    /// A `String` from bytes that should be UTF-8; when they are not (a Windows-1252 file
    /// whose head was plain ASCII), they are read as Windows-1252 instead of being garbled.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // ASCII, as nearly every id is, is UTF-8 as it stands; `String(validating:as:)` is generic
        // and not specialised, which costs more than the string itself.
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(decoding: windows1252ToUTF8(bytes), as: UTF8.self)
    }

    /// Text from the data made fit for a one-line message: line breaks and other control
    /// characters (C0, DEL and C1) are shown as escapes (`\n`, `\r`, `\u{1B}`), as the terminal shows messages.
    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || (0x7F ... 0x9F).contains($0.value) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F ... 0x9F).contains(scalar.value) {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Unicode scalars of Windows-1252 bytes 0x80 to 0x9F; the five unassigned ones keep their C1 code.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    private static func windows1252ToUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 16)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
            } else if byte < 0xA0 {
                appendUTF8(windows1252High[Int(byte - 0x80)], to: &output)
            } else {
                output.append(0xC0 | byte >> 6)
                output.append(0x80 | byte & 0x3F)
            }
        }
        return output
    }

    private static func utf16ToUTF8(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 2 + bytes.count / 8)
        let units = bytes.count / 2
        func unit(_ index: Int) -> UInt32 {
            let a = UInt32(bytes[2 * index]), b = UInt32(bytes[2 * index + 1])
            return bigEndian ? a << 8 | b : b << 8 | a
        }
        var i = 0
        while i < units {
            let first = unit(i)
            i += 1
            if first < 0x80 {
                output.append(UInt8(first))
            } else if first >= 0xD800 && first < 0xDC00 {
                if i < units, case let second = unit(i), second >= 0xDC00 && second < 0xE000 {
                    i += 1
                    appendUTF8(0x10000 + (first - 0xD800) << 10 + (second - 0xDC00), to: &output)
                } else {
                    appendUTF8(0xFFFD, to: &output)
                }
            } else if first >= 0xDC00 && first < 0xE000 {
                appendUTF8(0xFFFD, to: &output)
            } else {
                appendUTF8(first, to: &output)
            }
        }
        if bytes.count % 2 == 1 { appendUTF8(0xFFFD, to: &output) }
        return output
    }

    private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0 ..< 0x80:
            output.append(UInt8(scalar))
        case 0x80 ..< 0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800 ..< 0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
