@testable import CohortIngest
import CohortCore
import CohortSample
import Foundation
import Testing

/// Ids interned on a second thread while rows are parsed give exactly the table of
/// interning row by row: the same ids, rows, rejected rows and counts, on random files
/// that mix every path of the row reader (escaped quotes, empty order ids, rows that
/// wait for the day/month order, rejected rows, several files).
@Suite struct ConcurrentInterningTests {
    @Test(arguments: 0 ..< 6)
    func concurrentAndOneThreadReadTheSameTable(seed: Int) throws {
        let text = Self.randomCSV(seed: UInt64(seed), rows: 30_000)
        var oneThread = OrderReader(options: ReadOptions())
        oneThread.concurrentInterning = false
        var concurrent = OrderReader(options: ReadOptions())
        concurrent.concurrentInterning = true
        let expected = try oneThread.read(bytes: Array(text.utf8), source: "random.csv")
        let got = try concurrent.read(bytes: Array(text.utf8), source: "random.csv")
        Self.expectSameRead(got, expected, "seed \(seed)")
        #expect(expected.table.rowCount > 20_000)
        #expect(!expected.rejected.isEmpty)
    }

    @Test func severalMappedFilesReadTheSameTableBothWays() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-interning-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // the second file repeats part of the first (duplicates) and adds rows without order ids
        let first = Self.randomCSV(seed: 11, rows: 8_000)
        let second = first.split(separator: "\n").prefix(3_000).joined(separator: "\n") + "\n"
            + Self.randomCSV(seed: 12, rows: 4_000).split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
        let paths = [("a.csv", first), ("b.csv", second)].map { name, text in
            let url = folder.appendingPathComponent(name)
            #expect(FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8)))
            return url.path
        }
        var oneThread = OrderReader(options: ReadOptions())
        oneThread.concurrentInterning = false
        var concurrent = OrderReader(options: ReadOptions())
        concurrent.concurrentInterning = true
        let expected = try oneThread.read(sources: paths)
        let got = try concurrent.read(sources: paths)
        Self.expectSameRead(got, expected, "two files")
        #expect(!expected.duplicates.isEmpty)
    }

    @Test func pagesGivenBackReadTheSameAgain() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-pages-\(UUID().uuidString).csv")
        let text = Self.randomCSV(seed: 5, rows: 20_000)
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8)))
        defer { try? FileManager.default.removeItem(at: url) }
        func records(releasing: Bool) throws -> [String] {
            let file = try InputFiles.open(url.path) { _ throws(IngestError) in }
            if !releasing { try file.fillAll() }
            let bytes = FileRecordBytes(file: file, offset: 0, barrier: { nil })
            var records = CSVRecords(source: "pages.csv", tokenizer: CSVTokenizer(bytes: file.bytes, delimiter: UInt8(ascii: ",")),
                                     file: releasing ? bytes : nil, releaseDistance: 8_192)
            let fields = FieldList()
            var texts: [String] = []
            var positions: [RecordPosition] = []
            while let record = try records.nextRecord(into: fields) {
                texts.append(records.rawText(of: record))
                positions.append(record)
            }
            if releasing { #expect(file.released > 0) }
            // read again after the pages were given back: the same text
            #expect(positions.prefix(50).map { records.rawText(of: $0) } == Array(texts.prefix(50)))
            return texts
        }
        let released = try records(releasing: true)
        let kept = try records(releasing: false)
        #expect(released == kept)
        #expect(released.count == 20_001)
    }

    // MARK: - Helpers

    static func expectSameRead(_ got: OrderReadResult, _ expected: OrderReadResult, _ context: String) {
        #expect(got.table.customer == expected.table.customer, "\(context): customer ids")
        #expect(got.table.order == expected.table.order, "\(context): order ids")
        #expect(got.table.day == expected.table.day, "\(context): days")
        #expect(got.table.amount == expected.table.amount, "\(context): amounts")
        #expect(got.table.customerIDs == expected.table.customerIDs, "\(context): customer id strings")
        #expect(got.table.orderCount == expected.table.orderCount, "\(context): order count")
        #expect(got.rejected == expected.rejected, "\(context): rejected rows")
        #expect(got.duplicates == expected.duplicates, "\(context): duplicates")
        #expect(got.rowsRead == expected.rowsRead, "\(context): rows read")
    }

    /// A shuffled order export: quoted ids with doubled quotes now and then, empty order ids,
    /// dates that read both ways until a day above 12 settles the order, bad rows, blank lines.
    static func randomCSV(seed: UInt64, rows: Int) -> String {
        var random = SplitMix64(seed: seed &* 7_919 &+ 1)
        var lines = ["customer_id,order_date,amount,order_id"]
        for row in 0 ..< rows {
            let customer = Int.random(in: 0 ..< rows / 8, using: &random)
            var id = "K\(customer)"
            if customer % 53 == 0 { id = "\"K\"\"\(customer)\"" }                   // escaped quotes: interned at once
            let day = Int.random(in: 1 ... 28, using: &random), month = Int.random(in: 1 ... 12, using: &random)
            // the first rows have days up to 12 only: they wait until a later row settles the order
            let date = row < 200 ? "0\(month % 9 + 1)/0\(day % 9 + 1)/2025" : "\(day)/\(month)/2025"
            let cents = Int.random(in: -2_000 ... 90_000, using: &random)
            let amount = "\(cents / 100).\(String(format: "%02d", abs(cents % 100)))"
            var order = "O\(Int.random(in: 0 ..< rows / 2, using: &random))"
            if row % 97 == 0 { order = "" }                                       // no order id: a unique id
            if row % 211 == 0 { order = "\"O\"\"\(row)\"" }
            switch row % 499 {
            case 7: lines.append("\(id),not a date,\(amount),\(order)")            // rejected
            case 8: lines.append("")                                             // blank
            case 9: lines.append(",01/02/2025,\(amount),\(order)")                // no customer: rejected
            default: lines.append("\(id),\(date),\(amount),\(order)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
