import Foundation
import NIOCore

/// The DATA payload for a message (RFC 5321 §4.5.2): every line end CRLF (a lone CR or LF
/// becomes one), a `.` doubled at the start of a line, and the closing `CRLF . CRLF`.
///
///     DotStuffing.payload(Data("Hi\r\n.\r\n".utf8))   // "Hi\r\n..\r\n.\r\n"
enum DotStuffing {
    static func payload(_ message: Data) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(message.count + message.count / 64 + 8)
        var atLineStart = true
        var previousWasCR = false
        for byte in message {
            switch byte {
            case 0x0D:
                if previousWasCR { buffer.writeInteger(UInt8(0x0A)) } // lone CR before this one
                buffer.writeInteger(byte)
                previousWasCR = true
                continue
            case 0x0A:
                if !previousWasCR { buffer.writeInteger(UInt8(0x0D)) }
                buffer.writeInteger(byte)
                atLineStart = true
            default:
                if previousWasCR { buffer.writeInteger(UInt8(0x0A)); atLineStart = true }
                if atLineStart && byte == UInt8(ascii: ".") { buffer.writeInteger(byte) }
                buffer.writeInteger(byte)
                atLineStart = false
            }
            previousWasCR = false
        }
        if previousWasCR {
            buffer.writeInteger(UInt8(0x0A))
        } else if !atLineStart {
            buffer.writeString("\r\n")
        }
        buffer.writeString(".\r\n")
        return buffer
    }
}
