@testable import CohortIngest
import Testing

struct TextEncodingTests {
    private func detect(_ bytes: [UInt8]) -> Result<TextEncoding.Detection, TextEncoding.DetectionFailure> {
        bytes.withUnsafeBufferPointer { TextEncoding.detect($0) }
    }

    private func utf8(_ bytes: [UInt8], from encoding: TextEncoding) -> String {
        String(decoding: bytes.withUnsafeBufferPointer { encoding.transcodedToUTF8($0) }, as: UTF8.self)
    }

    @Test func byteOrderMarksDecide() {
        #expect(detect([0xEF, 0xBB, 0xBF, 0x61]) == .success(.init(encoding: .utf8, byteOrderMarkLength: 3)))
        #expect(detect([0xFF, 0xFE, 0x61, 0x00]) == .success(.init(encoding: .utf16LittleEndian, byteOrderMarkLength: 2)))
        #expect(detect([0xFE, 0xFF, 0x00, 0x61]) == .success(.init(encoding: .utf16BigEndian, byteOrderMarkLength: 2)))
    }

    @Test func withoutAMarkTheHeadDecides() {
        #expect(detect(Array("Kunde;Betrag\nMüller;1\n".utf8)) == .success(.init(encoding: .utf8, byteOrderMarkLength: 0)))
        // "Müller" in Windows-1252: 0xFC is no UTF-8 but a Windows-1252 letter.
        #expect(detect([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x0A]) == .success(.init(encoding: .windows1252, byteOrderMarkLength: 0)))
        // "ab\n" in UTF-16 without a mark: NUL after every letter (little-endian) or before it (big-endian).
        #expect(detect([0x61, 0x00, 0x62, 0x00, 0x0A, 0x00]) == .success(.init(encoding: .utf16LittleEndian, byteOrderMarkLength: 0)))
        #expect(detect([0x00, 0x61, 0x00, 0x62, 0x00, 0x0A]) == .success(.init(encoding: .utf16BigEndian, byteOrderMarkLength: 0)))
    }

    @Test func neitherUTF8NorWindows1252IsUnknownOnItsLine() {
        // 0x81 is unassigned in Windows-1252 and cannot start a UTF-8 character.
        #expect(detect(Array("a,b\nc,d\n".utf8) + [0x81, 0x0A]) == .failure(.unknown(byte: 0x81, line: 3)))
        #expect(detect([0x61, 0x00, 0x00, 0x00, 0x62, 0x00, 0x00, 0x01]) == .failure(.binary))
    }

    @Test func aCharacterCutByTheEndOfTheSampleIsNoError() {
        let head = [UInt8](repeating: 0x61, count: TextEncoding.sampleLength - 1) + [0xC3, 0xBC] // "ü" across the boundary
        #expect(detect(head) == .success(.init(encoding: .utf8, byteOrderMarkLength: 0)))
    }

    @Test func transcodingKeepsEveryCharacterAndLineBreak() {
        #expect(utf8([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x3B, 0x80, 0x0D, 0x0A], from: .windows1252) == "Müller;€\r\n")
        #expect(utf8([0x93, 0x61, 0x94, 0x96, 0xDF], from: .windows1252) == "“a”–ß")
        // "Kö€😀\n" in UTF-16LE: ö U+00F6, € U+20AC, 😀 U+1F600 as the surrogate pair D83D DE00.
        #expect(utf8([0x4B, 0x00, 0xF6, 0x00, 0xAC, 0x20, 0x3D, 0xD8, 0x00, 0xDE, 0x0A, 0x00], from: .utf16LittleEndian) == "Kö€😀\n")
        #expect(utf8([0x00, 0x4B, 0x00, 0xF6], from: .utf16BigEndian) == "Kö")
        #expect(utf8([0x3D, 0xD8, 0x41, 0x00], from: .utf16LittleEndian) == "\u{FFFD}A") // an unpaired surrogate
    }

    @Test func stringsThatAreNoUTF8AreReadAsWindows1252() {
        #expect([UInt8]([0x47, 0x72, 0x6F, 0xDF]).withUnsafeBufferPointer { TextEncoding.string($0) } == "Groß")
        #expect(Array("Groß".utf8).withUnsafeBufferPointer { TextEncoding.string($0) } == "Groß")
    }
}
