import Foundation

/// Base64 (RFC 2045 §6.8) in lines of 76 characters joined by CRLF, no break after the last.
enum Base64Lines {
    static let lineLength = 76

    static func encode(_ data: Data) -> String {
        let plain = Array(data.base64EncodedString().utf8)
        var output = ""
        output.reserveCapacity(plain.count + plain.count / lineLength * 2)
        var start = 0
        while start < plain.count {
            let end = min(start + lineLength, plain.count)
            if start > 0 { output += "\r\n" }
            output += String(decoding: plain[start..<end], as: UTF8.self)
            start = end
        }
        return output
    }
}
