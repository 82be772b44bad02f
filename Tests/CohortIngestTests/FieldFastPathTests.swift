@testable import CohortIngest
import CohortCore
import Testing

/// The fast paths of the field parsers give what the general ones give, on every text
/// they accept: random short texts over the bytes that matter, both decimal separators.
@Suite struct FieldFastPathTests {
    static let alphabet: [UInt8] = Array("0123456789-+.,' ()€".utf8) + [0x20, 0x09, 0xC2, 0xA0, 0xE2, 0x80, 0xAF, 0x89, 0x88, 0x92]

    @Test func plainAmountsReadAsTheGeneralParserReadsThem() {
        var state: UInt64 = 7
        var accepted = 0
        for _ in 0 ..< 200_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 60)                       // 0 ... 15 bytes
            var random = state
            let bytes: [UInt8] = (0 ..< length).map { _ in
                random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let pick = Int(random >> 59)
                return pick < 16 ? UInt8(ascii: "0") + UInt8(pick % 10) : Self.alphabet[Int(random >> 33) % Self.alphabet.count]
            }
            bytes.withUnsafeBufferPointer { text in
                for decimal in [DecimalSeparator.point, .comma] {
                    let trimmed = FieldParser.trimmed(text)
                    if let fast = FieldParser.plainAmount(trimmed, decimal: decimal) {
                        accepted += 1
                        #expect(fast == FieldParser.anyAmount(trimmed, decimal: decimal), "\(String(decoding: bytes, as: UTF8.self))")
                    }
                    #expect(FieldParser.amount(text, decimal: decimal) == FieldParser.anyAmount(trimmed, decimal: decimal))
                }
            }
        }
        #expect(accepted > 5_000)
    }

    @Test func trimmingAtAGlanceMatchesTrimmingByteByByte() {
        let blanks: [[UInt8]] = [[0x20], [0x09], [0xC2, 0xA0], [0xE2, 0x80, 0xAF], [0xE2, 0x80, 0x89], [0xC2], [0xE2, 0x80]]
        let cores: [[UInt8]] = [[], Array("C1".utf8), [0xC2, 0x41], [0x41, 0xA0], [0x41, 0xAF], Array("a b".utf8)]
        for lead in [[]] + blanks {
            for core in cores {
                for trail in [[]] + blanks {
                    let field = lead + core + trail
                    field.withUnsafeBufferPointer { bytes in
                        let got = Array(FieldParser.trimmed(bytes))
                        // byte by byte: strip what blankLength finds at the start, the three trailing forms at the end
                        var start = 0, end = bytes.count
                        while start < end, FieldParser.blankLength(bytes, at: start, end: end) > 0 {
                            start += FieldParser.blankLength(bytes, at: start, end: end)
                        }
                        while end > start {
                            if bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1; continue }
                            if end - start >= 2 && bytes[end - 2] == 0xC2 && bytes[end - 1] == 0xA0 { end -= 2; continue }
                            if end - start >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && bytes[end - 1] == 0xAF { end -= 3; continue }
                            break
                        }
                        #expect(got == Array(bytes[start ..< end]), "\(field)")
                    }
                }
            }
        }
    }
}
