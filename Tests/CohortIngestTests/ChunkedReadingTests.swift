@testable import CohortIngest
import CohortCore
import CohortSample
import Foundation
import Testing

/// A large file read in chunks on several threads (`ChunkedReading`) gives exactly what reading
/// it in order gives: the same sums, customers in the same order, the same rejected rows with
/// their lines, warnings naming the same lines, the same conventions; on files that make chunks
/// start inside a quoted line break, settle the decimal separator late, or mix currencies.
/// Chunks of a few KiB make hundreds of chunks of a small file.
@Suite struct ChunkedReadingTests {
    @Test(arguments: zip([1, 2, 3], [4096, 1500, 6000]))
    func chunksGiveWhatReadingInOrderGives(seed: Int, chunk: Int) throws {
        let text = Self.export(seed: UInt64(seed), rows: 20_000)
        let (inOrder, chunked) = try Self.readBothWays(text, chunkBytes: chunk)
        try Self.expectSame(chunked, inOrder)
        // chunks were taken in, and some read again (they started inside a quoted line break)
        #expect(chunked.chunks.taken > 20)
        #expect(chunked.chunks.readAgain > 0)
        #expect(inOrder.chunks == (0, 0))
    }

    @Test func windowsLineBreaksAndNoQuotedBreaks() throws {
        let text = Self.export(seed: 4, rows: 10_000, quotedBreaks: false).replacingOccurrences(of: "\n", with: "\r\n")
        let (inOrder, chunked) = try Self.readBothWays(text, chunkBytes: 3000)
        try Self.expectSame(chunked, inOrder)
        #expect(chunked.chunks.taken > 20)
        #expect(chunked.chunks.readAgain == 0)
    }

    /// Dates of two spellings, each chunk starting with the dates the chunks taken in before had
    /// read (`RowReader.forChunk`): the same days as read in order.
    @Test func chunksShareTheDatesReadBefore() throws {
        let text = Self.export(seed: 8, rows: 20_000, dottedDates: true)
        let (inOrder, chunked) = try Self.readBothWays(text, chunkBytes: 3000)
        try Self.expectSame(chunked, inOrder)
        #expect(chunked.chunks.taken > 20)
    }

    /// Whole amounts only in the first chunks, then decimal commas: the chunk that settles the
    /// separator, and the chunks started before, are read again in order.
    @Test func aSeparatorSettledLateIsReadInOrder() throws {
        let text = Self.export(seed: 5, rows: 12_000, quotedBreaks: false, wholeAmountsUntil: 5_000)
        let (inOrder, chunked) = try Self.readBothWays(text, chunkBytes: 2048)
        try Self.expectSame(chunked, inOrder, warnings: 1)
        #expect(inOrder.formats.first?.decimalSeparator == .comma)
        #expect(chunked.chunks.readAgain >= 1)
        #expect(chunked.chunks.taken > 20)
    }

    /// Rows that wait for the date order at the end of the first chunk: the rest is read in order.
    @Test func rowsWaitingForTheDateOrderReadTheRestInOrder() throws {
        var text = Self.export(seed: 6, rows: 5_000, quotedBreaks: false)
        let header = text.prefix { $0 != "\n" }
        // 03/04/2025 reads both ways until 25/04/2025 near the end settles it
        let waiting = (0 ..< 400).map { "W\($0),03/04/2025,10.00,W-\($0),x" }.joined(separator: "\n")
        text = header + "\n" + waiting + "\n" + text.dropFirst(header.count + 1) + "Z,25/04/2025,1.00,Z-1,x\n"
        let (inOrder, chunked) = try Self.readBothWays(text, chunkBytes: 2048)
        try Self.expectSame(chunked, inOrder)
        #expect(chunked.chunks == (0, 0))
    }

    /// An unclosed quote: the same error, naming the same line, either way.
    @Test func anUnclosedQuoteIsTheSameError() throws {
        let rows = Self.export(seed: 7, rows: 8_000, quotedBreaks: false)
        let text = rows + "K1,2025-03-04,1.00,O-1,\"never closed\nK2,2025-03-05,2.00,O-2,x\n"
        let file = try OrderSumsTests.write(text)
        defer { try? FileManager.default.removeItem(atPath: file) }
        var inOrder: IngestError?
        var chunked: IngestError?
        do { _ = try Self.reader(chunkBytes: nil).readSums(sources: [file]) } catch { inOrder = error }
        do { _ = try Self.reader(chunkBytes: 2048).readSums(sources: [file]) } catch { chunked = error }
        // the quote opens on the line after the export's last line break
        let line = rows.utf8.count(where: { $0 == UInt8(ascii: "\n") }) + 1
        #expect(inOrder == .unterminatedQuote(source: file, line: line))
        #expect(chunked == inOrder)
    }

    /// A file larger than what is read ahead of the first row (16 MiB) with one record of 15 MiB:
    /// the chunks before it end well before the file does, and the one where it starts finds no
    /// line break for 15 MiB; both ways give the same sums.
    @Test func aLongRecordInALargeFileIsReadAlike() throws {
        let (text, _) = Self.largeExport(longField: 15 << 20)
        let (inOrder, chunked) = try Self.readBothWays(text, chunkBytes: 64 << 10)
        try Self.expectSame(chunked, inOrder)
        #expect(chunked.chunks.taken > 10)
    }

    /// A record longer than the limit (16 MiB) in a large file: the same error, naming its line,
    /// either way.
    @Test func aRecordLongerThanTheLimitIsRefusedAlike() throws {
        let (text, line) = Self.largeExport(longField: 17 << 20)
        let file = try OrderSumsTests.write(text)
        defer { try? FileManager.default.removeItem(atPath: file) }
        var inOrder: IngestError?
        var chunked: IngestError?
        do { _ = try Self.reader(chunkBytes: nil).readSums(sources: [file]) } catch { inOrder = error }
        do { _ = try Self.reader(chunkBytes: 64 << 10).readSums(sources: [file]) } catch { chunked = error }
        #expect(inOrder == .recordTooLong(source: file, line: line, megabytes: 16))
        #expect(chunked == inOrder)
    }

    // MARK: - Helpers

    /// An export of 40,000 rows with one row whose note is `longField` bytes in quotes, after the
    /// first 20,000; and the line of that row.
    static func largeExport(longField: Int) -> (text: String, line: Int) {
        let before = export(seed: 8, rows: 20_000, quotedBreaks: false)
        let after = export(seed: 9, rows: 20_000, quotedBreaks: false).drop { $0 != "\n" }.dropFirst()
        let long = "K1,2025-03-04,1.00,LONG-1,\"" + String(repeating: "x", count: longField) + "\"\n"
        // the long row starts on the line after the last line break of `before`
        return (before + long + after, before.utf8.count(where: { $0 == UInt8(ascii: "\n") }) + 1)
    }

    static func reader(chunkBytes: Int?) -> OrderReader {
        var options = ReadOptions()
        options.today = CivilDate(year: 2025, month: 6, day: 30)
        var reader = OrderReader(options: options)
        reader.concurrentInterning = true
        reader.chunkBytes = chunkBytes
        return reader
    }

    static func readBothWays(_ text: String, chunkBytes: Int) throws -> (inOrder: OrderSumsReadResult, chunked: OrderSumsReadResult) {
        let file = try OrderSumsTests.write(text)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let inOrder = try #require(try reader(chunkBytes: nil).readSums(sources: [file]))
        let chunked = try #require(try reader(chunkBytes: chunkBytes).readSums(sources: [file]))
        return (inOrder, chunked)
    }

    /// `warnings`: how many the fixture has at least (dates after today, mixed currencies).
    static func expectSame(_ got: OrderSumsReadResult, _ expected: OrderSumsReadResult, warnings: Int = 2) throws {
        #expect(got.rowsRead == expected.rowsRead)
        #expect(got.rejected == expected.rejected)
        #expect(got.warnings == expected.warnings)
        #expect(got.formats == expected.formats)
        #expect(got.sums.customerIDs == expected.sums.customerIDs)
        #expect(try got.sums.countSums() == expected.sums.countSums())
        for period in [PeriodKind.month, .week] {
            #expect(try got.sums.aggregates(period: period, asOf: nil, collectsPurchases: true)
                == expected.sums.aggregates(period: period, asOf: nil, collectsPurchases: true))
        }
        // the fixtures have something of each kind to compare
        #expect(!expected.rejected.isEmpty && expected.warnings.count >= warnings)
    }

    /// An order-line export with a free-text note column: some notes quoted with a line break
    /// and a comma inside (a chunk cut there starts inside the quote), customer and order ids
    /// with doubled quotes, amounts marked € or $ now and then (a warning counts both), dates
    /// after `today` (a warning names the first row's line), rejected rows and blank lines.
    /// `wholeAmountsUntil`: amounts are whole numbers before that row and written with a decimal
    /// comma after it (else with a point throughout).
    /// `dottedDates`: every third row's date written `dd.mm.yyyy`.
    static func export(seed: UInt64, rows: Int, quotedBreaks: Bool = true, wholeAmountsUntil: Int? = nil, dottedDates: Bool = false) -> String {
        var random = SplitMix64(seed: seed &* 7_919 &+ 11)
        var lines = ["customer_id,order_date,amount,order_id,note"]
        var row = 0
        while row < rows {
            let customer = Int.random(in: 0 ..< rows / 8, using: &random)
            let customerID = customer % 37 == 0 ? "\"K\"\"\(customer)\"" : "K\(customer)"
            let order = row % 29 == 0 ? "\"O\"\"\(row)\"" : "SO-\(100_000 + row)"
            let month = Int.random(in: 1 ... 9, using: &random), day = Int.random(in: 1 ... 28, using: &random)
            for _ in 0 ..< Int.random(in: 1 ... 3, using: &random) {
                let cents = Int.random(in: -2_000 ... 90_000, using: &random)
                var amount: String
                if let until = wholeAmountsUntil {
                    amount = row < until ? "\(cents / 100)" : "\"\(cents / 100),\(String(format: "%02d", cents.magnitude % 100))\""
                } else {
                    amount = String(format: "%d.%02d", cents / 100, cents.magnitude % 100)
                    if cents < 0 && cents > -100 { amount = "-" + amount }
                }
                if row % 97 == 0 && wholeAmountsUntil == nil { amount = "€" + amount } else if row % 331 == 0 && wholeAmountsUntil == nil { amount = "$" + amount }
                var note = ["", "gift", "express", "call back"][row % 4]
                if quotedBreaks && row % 53 == 0 { note = "\"first line,\nsecond line \"\"quoted\"\"\"" }
                var date = String(format: "2025-%02d-%02d", month, day)
                if dottedDates && row % 3 == 0 { date = String(format: "%02d.%02d.2025", day, month) }
                if row % 211 == 0 { date = "2025-13-40" }
                lines.append("\(row % 401 == 0 ? "" : customerID),\(date),\(amount),\(order),\(note)")
                if row % 503 == 0 { lines.append("") }
                row += 1
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
