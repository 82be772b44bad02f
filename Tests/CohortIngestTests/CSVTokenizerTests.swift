@testable import CohortIngest
import Testing

struct CSVTokenizerTests {
    /// Splits `text` into records of field strings, with each record's first line.
    private func records(_ text: String, delimiter: Character = ",") throws -> [(line: Int, fields: [String])] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = CSVTokenizer(bytes: buffer, delimiter: UInt8(ascii: delimiter.unicodeScalars.first!))
            let fields = FieldList()
            var result: [(Int, [String])] = []
            while let record = try tokenizer.nextRecord(into: fields) {
                result.append((record.line, fields.map {
                    String(decoding: buffer[$0.start ..< $0.end], as: UTF8.self).replacingOccurrences(of: "\"\"", with: "\"")
                }))
            }
            return result
        }
    }

    @Test func quotedFieldsKeepDelimitersQuotesAndLineBreaks() throws {
        let parsed = try records("a,\"b,1\",\"say \"\"hi\"\"\"\n\"two\nlines\",x,y\nlast,1,2")
        #expect(parsed.map(\.fields) == [["a", "b,1", "say \"hi\""], ["two\nlines", "x", "y"], ["last", "1", "2"]])
        // The record after a quoted line break starts on physical line 4.
        #expect(parsed.map(\.line) == [1, 2, 4])
    }

    @Test func crlfLineEndsAreStripped() throws {
        let parsed = try records("a;b\r\n1;\"2\"\r\n", delimiter: ";")
        #expect(parsed.map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func emptyFieldsAreKept() throws {
        #expect(try records(",x,\n").map(\.fields) == [["", "x", ""]])
    }

    @Test func fieldsOfEveryLengthSplitLikeANaiveSplit() throws {
        // The unquoted scan tests eight bytes at a time; a naive split by line and delimiter is the reference.
        var state: UInt64 = 7
        for _ in 0 ..< 300 {
            var text = ""
            for _ in 0 ..< 6 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let length = Int(state >> 60) + Int(state >> 40 & 7) // 0 ... 22 bytes
                text += String(repeating: "x", count: length) + ((state >> 20) % 3 == 0 ? "\n" : ";")
            }
            text += "tail"
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
            #expect(try records(text, delimiter: ";").map(\.fields) == expected, "\(text)")
        }
    }

    @Test func unterminatedQuoteNamesTheLineItStarts() throws {
        #expect(throws: CSVTokenizerError.unterminatedQuote(line: 2)) {
            _ = try records("a,b\n1,\"never closed\n3,4\n")
        }
    }
}
