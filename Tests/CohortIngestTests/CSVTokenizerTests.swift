@testable import CohortIngest
import Testing

struct CSVTokenizerTests {
    /// Splits `text` into records of field strings, with each record's first line.
    private func records(_ text: String, delimiter: Character = ",") throws -> [(line: Int, fields: [String])] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = CSVTokenizer(bytes: buffer, delimiter: UInt8(ascii: delimiter.unicodeScalars.first!))
            var fields: [CSVTokenizer.Field] = []
            var result: [(Int, [String])] = []
            while let record = try tokenizer.nextRecord(into: &fields) {
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

    @Test func unterminatedQuoteNamesTheLineItStarts() throws {
        #expect(throws: CSVTokenizerError.unterminatedQuote(line: 2)) {
            _ = try records("a,b\n1,\"never closed\n3,4\n")
        }
    }
}
