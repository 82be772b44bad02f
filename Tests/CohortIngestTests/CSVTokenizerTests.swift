@testable import CohortIngest
import CohortSample
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
        // Unquoted fields are found 64 bytes at a time; a naive split by line and delimiter is the
        // reference. Texts run to a few hundred bytes, so fields straddle the 64-byte blocks and
        // the last, shorter block; a quote inside an unquoted field is an ordinary byte.
        var state: UInt64 = 7
        for _ in 0 ..< 600 {
            var text = ""
            for _ in 0 ..< 4 + Int(state >> 61) * 6 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let length = Int(state >> 60) + Int(state >> 40 & 7) // 0 ... 22 bytes
                let body = String(repeating: "x", count: length) + (length > 0 && (state >> 10) % 5 == 0 ? "\"x" : "")
                text += body + ((state >> 20) % 3 == 0 ? "\n" : ";")
            }
            text += "tail"
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
            #expect(try records(text, delimiter: ";").map(\.fields) == expected, "\(text)")
        }
    }

    @Test func quotedFieldsAnywhereInTheBlocksRoundTrip() throws {
        // Random fields with delimiters, quotes and line breaks inside, written as CSV writes them
        // (quoted, quotes doubled) at every offset of the 64-byte blocks, read back unchanged.
        var generator = SplitMix64(seed: 11)
        let alphabet: [Character] = ["a", "b", ",", "\"", "\n", "7"]
        for _ in 0 ..< 300 {
            var rows: [[String]] = []
            var text = ""
            for _ in 0 ..< Int(generator.next() % 6) + 1 {
                var row: [String] = []
                for _ in 0 ..< Int(generator.next() % 5) + 2 {
                    let length = Int(generator.next() % 30)
                    let plain = generator.next() % 2 == 0
                    row.append(String((0 ..< length).map { _ in alphabet[Int(generator.next() % (plain ? 2 : 6))] }))
                }
                rows.append(row)
                text += row.map { field in
                    field.contains(where: { ",\"\n".contains($0) }) || field.first == "\"" ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
                }.joined(separator: ",") + "\n"
            }
            #expect(try records(text).map(\.fields) == rows, "\(text)")
        }
    }

    @Test func fieldsPastTheStoredLimitAreCountedNotKept() throws {
        // Random records as in the round trip above, among the fields past the limit too: plain
        // fields of up to 90 bytes (so that the fields stepped over run across the 64-byte blocks),
        // some with a quote inside, and quoted ones with delimiters, quotes and line breaks; up to
        // 14 fields, so that more than `marksWalked` (8) marks may follow the fields kept. Read
        // keeping 1, 2 and 3 fields, each record keeps the first fields of the whole reading,
        // counts the same number of fields, starts on the same line, and `allFields` reads it
        // whole again.
        var generator = SplitMix64(seed: 23)
        let alphabet: [Character] = ["a", "b", "7", ",", "\"", "\n"]
        for _ in 0 ..< 400 {
            var text = ""
            for _ in 0 ..< Int(generator.next() % 6) + 1 {
                let row = (0 ..< Int(generator.next() % 14) + 1).map { _ -> String in
                    switch generator.next() % 8 {
                    case 0: return "\"" + String((0 ..< Int(generator.next() % 20)).map { _ in alphabet[Int(generator.next() % 6)] })
                        .replacingOccurrences(of: "\"", with: "\"\"") + "\""
                    case 1: return "a\"b" // a quote inside a plain field is an ordinary byte
                    default: return String((0 ..< Int(generator.next() % 91)).map { _ in alphabet[Int(generator.next() % 3)] })
                    }
                }
                text += row.joined(separator: ",") + (generator.next() % 2 == 0 ? "\r\n" : "\n")
            }
            if generator.next() % 3 == 0 { text.removeLast() } // the last record without its line feed
            let whole = try readings(text, storedLimit: .max)
            for limit in 1 ... 3 {
                let limited = try readings(text, storedLimit: limit)
                #expect(limited.map(\.line) == whole.map(\.line), "\(text)")
                #expect(limited.map(\.total) == whole.map { $0.kept.count }, "\(text)")
                #expect(limited.map(\.kept) == whole.map { Array($0.kept.prefix(limit)) }, "\(text)")
                #expect(limited.map(\.again) == whole.map(\.kept), "\(text)")
            }
        }
    }

    @Test func plainRecordsReadFromMasksSplitLikeANaiveSplit() throws {
        // Records of plain fields are read from masks of 64 bytes at a time; those with a quote
        // (here only inside a field, an ordinary byte there) and those near the end of the bytes
        // field by field. The reference is a naive split: by line feed, then by delimiter; one
        // carriage return before the line feed leaves the last field, every one leaves the
        // record's extent. Records of 0 to about 360 bytes (one to six masks), with CRLF, doubled
        // CRs, empty lines and empty fields, kept up to 1, 3 or all fields.
        var generator = SplitMix64(seed: 31)
        let alphabet: [UInt8] = Array("ab7\r".utf8) + [UInt8(ascii: "\"")]
        for _ in 0 ..< 300 {
            var text: [UInt8] = []
            for _ in 0 ..< Int(generator.next() % 40) + 1 {
                let fieldCount = Int(generator.next() % 9) + 1
                for field in 0 ..< fieldCount {
                    if field > 0 { text.append(UInt8(ascii: ",")) }
                    let length = generator.next() % 4 == 0 ? Int(generator.next() % 40) : Int(generator.next() % 6)
                    for place in 0 ..< length {
                        // A quote inside a field only (one opening it would make the field quoted).
                        let byte = alphabet[Int(generator.next() % UInt64(place == 0 ? 4 : 5))]
                        text.append(byte)
                    }
                }
                switch generator.next() % 4 {
                case 0: text += Array("\r\n".utf8)
                case 1: text += Array("\r\r\n".utf8)
                default: text.append(UInt8(ascii: "\n"))
                }
            }
            let reference = naiveSplit(text)
            for limit in [1, 3, Int.max] {
                let read = try text.withUnsafeBufferPointer { buffer in
                    var tokenizer = CSVTokenizer(bytes: buffer, delimiter: UInt8(ascii: ","))
                    let fields = FieldList()
                    fields.storedLimit = limit
                    var result: [(line: Int, extent: [UInt8], kept: [[UInt8]], total: Int)] = []
                    while let record = try tokenizer.nextRecord(into: fields) {
                        result.append((record.line, Array(buffer[record.range]), fields.map { Array(buffer[$0.start ..< $0.end]) }, fields.total))
                    }
                    return result
                }
                let description = String(decoding: text, as: UTF8.self).debugDescription
                #expect(read.map(\.line) == Array(1 ... reference.count), "\(description)")
                #expect(read.map(\.extent) == reference.map(\.extent), "\(description)")
                #expect(read.map(\.total) == reference.map(\.fields.count), "\(description)")
                #expect(read.map(\.kept) == reference.map { Array($0.fields.prefix(limit)) }, "\(description)")
            }
        }
    }

    /// `text` (ending in a line feed, without quoted fields) split by line feed and by comma: each
    /// record's extent without its trailing carriage returns, and its fields, the last without one.
    private func naiveSplit(_ text: [UInt8]) -> [(extent: [UInt8], fields: [[UInt8]])] {
        text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().map { line in
            var fields = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map(Array.init)
            if fields[fields.count - 1].last == UInt8(ascii: "\r") { fields[fields.count - 1].removeLast() }
            var extent = Array(line)
            while extent.last == UInt8(ascii: "\r") { extent.removeLast() }
            return (extent, fields)
        }
    }

    /// Each record of `text` read keeping `storedLimit` fields: its line, the fields kept, how many
    /// it has, and all of them read again (`allFields`).
    private func readings(_ text: String, storedLimit: Int) throws -> [(line: Int, kept: [String], total: Int, again: [String])] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = CSVTokenizer(bytes: buffer, delimiter: UInt8(ascii: ","))
            let fields = FieldList()
            fields.storedLimit = storedLimit
            let strings = { (list: FieldList) in
                list.map { String(decoding: buffer[$0.start ..< $0.end], as: UTF8.self).replacingOccurrences(of: "\"\"", with: "\"") }
            }
            var result: [(Int, [String], Int, [String])] = []
            while let record = try tokenizer.nextRecord(into: fields) {
                let kept = strings(fields), total = fields.total
                let all = FieldList()
                all.storedLimit = storedLimit // read whole whatever it is
                CSVTokenizer.allFields(of: record.range, in: buffer, delimiter: UInt8(ascii: ","), into: all)
                result.append((record.line, kept, total, strings(all)))
            }
            return result
        }
    }

    @Test func unterminatedQuoteNamesTheLineItStarts() throws {
        #expect(throws: CSVTokenizerError.unterminatedQuote(line: 2)) {
            _ = try records("a,b\n1,\"never closed\n3,4\n")
        }
    }
}
