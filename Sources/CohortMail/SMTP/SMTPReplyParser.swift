import NIOCore

/// Cuts the bytes a server sends into `SMTPReply` values (RFC 5321 §4.2): lines of a
/// three-digit code, `-` while more lines follow, a space (or nothing) on the last.
///
///     var parser = SMTPReplyParser()
///     parser.append(ByteBuffer(string: "250-hello\r\n250 SIZE 1000\r\n"))
///     try parser.next()   // SMTPReply(code: 250, lines: ["hello", "SIZE 1000"])
struct SMTPReplyParser {
    /// A line longer than this (RFC 5321 allows 512) is not SMTP.
    static let maximumLineLength = 64 * 1024

    private var buffer = ByteBuffer()
    private var code: Int?
    private var lines: [String] = []

    /// Bytes received and not yet part of a complete reply.
    var bufferedBytes: Int { buffer.readableBytes }

    mutating func append(_ bytes: ByteBuffer) {
        var bytes = bytes
        buffer.writeBuffer(&bytes)
    }

    /// The next complete reply, nil when more bytes are needed; throws
    /// `SMTPProtocolViolation` for anything that is not a reply line.
    mutating func next() throws -> SMTPReply? {
        while let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
            var line = Array(buffer.readBytes(length: newline - buffer.readerIndex + 1)!.dropLast())
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            let text = String(decoding: line, as: UTF8.self)
            guard line.count >= 3, line.prefix(3).allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
                  line.count == 3 || line[3] == UInt8(ascii: " ") || line[3] == UInt8(ascii: "-"),
                  let lineCode = Int(String(decoding: line.prefix(3), as: UTF8.self)), (200...599).contains(lineCode),
                  code == nil || code == lineCode
            else { throw SMTPProtocolViolation(text: text) }
            code = lineCode
            lines.append(line.count > 4 ? String(decoding: line[4...], as: UTF8.self) : "")
            if line.count == 3 || line[3] == UInt8(ascii: " ") {
                defer { code = nil; lines = [] }
                return SMTPReply(code: lineCode, lines: lines)
            }
        }
        if buffer.readableBytes > Self.maximumLineLength {
            throw SMTPProtocolViolation(text: String(decoding: buffer.readableBytesView.prefix(80), as: UTF8.self))
        }
        buffer.discardReadBytes()
        return nil
    }
}

/// What the server sent instead of an SMTP reply (one line of it).
struct SMTPProtocolViolation: Error {
    var text: String
}
