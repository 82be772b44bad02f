@testable import CohortIngest
import CohortCore
import CohortSample
import Foundation
import Testing

/// Order lines summed while reading (`OrderReader.readSums`, then `OrderSums.aggregates`) give
/// exactly the analysis of the order table of the same file (`read(sources:)`, which the
/// benchmarks check cell by cell against DuckDB and polars): on random exports with every kind
/// of row the reader knows, for each period kind, with and without an as-of date inside the data.
@Suite struct OrderSumsTests {
    @Test(arguments: 0 ..< 4)
    func sumsGiveTheAnalysisOfTheTable(seed: Int) throws {
        let (table, summed) = try Self.readBothWays(Self.randomExport(seed: UInt64(seed), rows: 12_000), segmentColumns: ["channel"])

        #expect(summed.rejected == table.rejected)
        #expect(summed.rowsRead == table.rowsRead)
        #expect(summed.warnings == table.warnings)
        #expect(summed.sums.customerIDs == table.table.customerIDs)
        #expect(!table.rejected.isEmpty)

        let asOfDates: [CivilDate?] = [nil, CivilDate(year: 2025, month: 8, day: 17)!]
        for period in [PeriodKind.month, .week, .quarter] {
            for asOf in asOfDates {
                let context = "seed \(seed), \(period), as of \(asOf.map { "\($0)" } ?? "latest")"
                var analysisOptions = AnalysisOptions(period: period)
                analysisOptions.asOf = asOf
                let aggregates = try summed.sums.aggregates(period: period, asOf: asOf, collectsPurchases: true)
                let expected = try CohortAnalysis.withCustomerRecords(table: table.table, options: analysisOptions, input: table.inputSummary)
                let got = try CohortAnalysis.withCustomerRecords(aggregates: aggregates, options: analysisOptions, input: summed.inputSummary)
                #expect(got.analysis == expected.analysis, "\(context): analysis")
                #expect(got.records == expected.records, "\(context): customer records")
                #expect(got.analysis.segments?.first?.segments.count ?? 0 > 1, "\(context): segments")
            }
        }
    }

    /// Folded on a second thread or on the reading one: the same sums.
    @Test func concurrentAndOneThreadFoldingGiveTheSameSums() throws {
        let file = try Self.write(Self.randomExport(seed: 21, rows: 30_000))
        defer { try? FileManager.default.removeItem(atPath: file) }
        var options = ReadOptions()
        options.segmentColumns = ["channel"]
        var oneThread = OrderReader(options: options)
        oneThread.concurrentInterning = false
        var concurrent = OrderReader(options: options)
        concurrent.concurrentInterning = true
        let expected = try #require(try oneThread.readSums(sources: [file]))
        let got = try #require(try concurrent.readSums(sources: [file]))
        #expect(got.rejected == expected.rejected && got.warnings == expected.warnings && got.rowsRead == expected.rowsRead)
        let period = PeriodKind.month
        #expect(try got.sums.aggregates(period: period, asOf: nil, collectsPurchases: true)
            == expected.sums.aggregates(period: period, asOf: nil, collectsPurchases: true))
        let count = try expected.sums.countSums()
        #expect(try got.sums.countSums() == count && count > 10_000)
    }

    /// The spill keeps a line's day in 22 bits from 1900-01-01 (`SpillRecord`): the first day read
    /// and a day of 9999, as late as a date reads, come back as the table has them.
    @Test(arguments: [("1901-06-30", ["1900-01-01", "1900-01-02", "1901-06-30"]), ("9999-12-31", ["9950-01-01", "9999-12-30", "9999-12-31"])])
    func theEarliestAndLatestDaysComeBackFromTheSpill(asOf: String, days: [String]) throws {
        var text = "order_id,customer_id,order_date,amount\n"
        for (index, day) in days.enumerated() { text += "O\(index),C\(index % 2),\(day),\(index + 1)0.00\n" }
        let file = try Self.write(text)
        defer { try? FileManager.default.removeItem(atPath: file) }
        var options = ReadOptions()
        options.asOf = CivilDate(iso: asOf)
        let reader = OrderReader(options: options)
        let table = try reader.read(sources: [file])
        let summed = try #require(try reader.readSums(sources: [file]))
        #expect(table.rejected.isEmpty && table.table.day.count == days.count)
        #expect(summed.rejected.isEmpty)
        var analysisOptions = AnalysisOptions(period: .month)
        analysisOptions.asOf = options.asOf
        let expected = try CohortAnalysis(table: table.table, options: analysisOptions, input: table.inputSummary)
        let got = try CohortAnalysis(aggregates: try summed.sums.aggregates(period: .month, asOf: options.asOf, collectsPurchases: false),
                                     options: analysisOptions, input: summed.inputSummary)
        #expect(got == expected)
        // The first and last days, as the days of the table (counted from 1970-01-01).
        let tableDays = table.table.day.map(Int.init).sorted()
        #expect(tableDays == days.map { CivilDate(iso: $0)!.dayNumber })
        #expect(got.periods.first?.firstDay == CivilDate(iso: String(days[0].prefix(7)) + "-01"))
    }

    /// Without the customer ids (`keepsCustomerIDs` false, for a matrix or KPIs): the customers are
    /// counted all the same, and the matrices and KPIs are those of the table.
    @Test func sumsWithoutTheIDsCountTheCustomersAndGiveTheSameAnalysis() throws {
        let text = Self.randomExport(seed: 5, rows: 8_000)
        let file = try Self.write(text)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let table = try OrderReader(options: ReadOptions()).read(sources: [file])
        var reader = OrderReader(options: ReadOptions())
        reader.keepsCustomerIDs = false
        let summed = try #require(try reader.readSums(sources: [file]))

        #expect(summed.sums.customerIDs.isEmpty)
        // Every customer of the table, counted from its ids: those of rows it kept.
        let customers = Set(table.table.customer).count
        #expect(customers > 500)
        #expect(summed.sums.customerCount == customers)
        let aggregates = try summed.sums.aggregates(period: .month, asOf: nil, collectsPurchases: false)
        #expect(aggregates.customerCount == customers && aggregates.customerIDs.isEmpty)
        let expected = try CohortAnalysis(table: table.table, input: table.inputSummary)
        let got = try CohortAnalysis(aggregates: aggregates, input: summed.inputSummary)
        #expect(got == expected)
    }

    /// One sum per customer, order id and day: counted independently from the rows read.
    @Test func oneSumPerCustomerOrderAndDay() throws {
        let file = try Self.write(Self.randomExport(seed: 9, rows: 5_000))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let reader = OrderReader(options: ReadOptions())
        let table = try reader.read(sources: [file]).table
        let summed = try #require(try reader.readSums(sources: [file])).sums
        // rows without an order id are summed per customer, day and sign; the table gives each its own id
        struct Key: Hashable { var customer: Int32, order: Int32, day: Int32 }
        let order = try #require(table.order)
        var keys = Set<Key>()
        var withoutID = Set<Key>()
        let ownIDs = Self.ownOrderIDs(in: table)
        for row in 0 ..< table.rowCount {
            if ownIDs.contains(order[row]) {
                withoutID.insert(Key(customer: table.customer[row], order: table.amount[row] > 0 ? -1 : -2, day: table.day[row]))
            } else {
                keys.insert(Key(customer: table.customer[row], order: order[row], day: table.day[row]))
            }
        }
        let count = try summed.countSums()
        #expect(count == keys.count + withoutID.count)
        #expect(count < table.rowCount)
    }

    /// A customer with thousands of orders (a shop's guest account): the same analysis as the
    /// table's, lines of one order on several days and refunds included.
    @Test func aCustomerWithThousandsOfOrdersGivesTheAnalysisOfTheTable() throws {
        var random = SplitMix64(seed: 77)
        var lines: [String] = []
        for order in 0 ..< 3_000 {
            let customer = order % 10 == 0 ? "K\(order % 7)" : "GUEST"
            let month = Int.random(in: 1 ... 12, using: &random), day = Int.random(in: 1 ... 27, using: &random)
            for line in 0 ..< Int.random(in: 1 ... 3, using: &random) {
                let cents = Int.random(in: -2_000 ... 50_000, using: &random)
                let sign = cents < 0 ? "-" : ""
                lines.append("\(customer),2025-\(String(format: "%02d", month))-\(String(format: "%02d", day + line)),"
                             + "\(sign)\(cents.magnitude / 100).\(String(format: "%02d", cents.magnitude % 100)),SO-\(order % 2_500),web\(order % 3)")
            }
        }
        lines.shuffle(using: &random)
        let (table, summed) = try Self.readBothWays("customer_id,order_date,amount,order_id,channel\n" + lines.joined(separator: "\n") + "\n",
                                                    segmentColumns: ["channel"])
        for period in [PeriodKind.month, .week] {
            let analysisOptions = AnalysisOptions(period: period)
            let expected = try CohortAnalysis.withCustomerRecords(table: table.table, options: analysisOptions, input: table.inputSummary)
            let got = try CohortAnalysis.withCustomerRecords(aggregates: try summed.sums.aggregates(period: period, asOf: nil, collectsPurchases: true),
                                                             options: analysisOptions, input: summed.inputSummary)
            #expect(got.analysis == expected.analysis, "\(period)")
            #expect(got.records == expected.records, "\(period)")
        }
    }

    /// Orders are per customer: an order id two customers share gives each its own segment value,
    /// and an order's first row after the as-of date is not read (both paths; values by hand).
    @Test func aSegmentIsReadFromTheCustomersOwnOrderUpToTheAsOfDate() throws {
        let file = try Self.write("""
            customer_id,order_date,amount,order_id,plan
            C1,2024-01-01,10,X,gold
            C2,2024-01-02,10,X,bronze
            C3,2024-03-10,10,A,gold
            C3,2024-01-05,10,A,silver
            """ + "\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        var options = ReadOptions()
        options.segmentColumns = ["plan"]
        let reader = OrderReader(options: options)
        var analysisOptions = AnalysisOptions(period: .month)
        analysisOptions.asOf = CivilDate(year: 2024, month: 2, day: 28)
        let table = try CohortAnalysis(table: reader.read(sources: [file]).table, options: analysisOptions)
        let summed = try #require(try reader.readSums(sources: [file]))
        let sums = try CohortAnalysis(aggregates: try summed.sums.aggregates(period: .month, asOf: analysisOptions.asOf, collectsPurchases: false),
                                      options: analysisOptions)
        for analysis in [table, sums] {
            // C1 gold (its row), C2 bronze (its own row of X, not C1's), C3 silver (A's only row up to the as-of date)
            let counts = Dictionary(uniqueKeysWithValues: (analysis.segments?.first?.segments ?? []).map { ($0.value, $0.customers) })
            #expect(counts == ["gold": 1, "bronze": 1, "silver": 1], "\(counts)")
        }
    }

    /// A record wider than a block (20,000 segment columns) is written and read back whole.
    @Test func manySegmentColumnsFitTheSpill() throws {
        let spill = try SumsSpill(segmentCount: 20_000, directory: FileManager.default.temporaryDirectory.path)
        let values = (0 ..< 20_000).map { Int32($0 % 97) }
        for order in 0 ..< 300 {
            // 2 lines per order: 300 sums, the second line of each added to the first
            for _ in 0 ..< 2 {
                try values.withUnsafeBufferPointer { values in
                    try spill.add(customer: 0, key: OrderKey(bytes: "\(order)")!, day: 20_000, amount: 1_00, segments: values.baseAddress)
                }
            }
        }
        try spill.finish(customerCount: 1)
        #expect(spill.partitionCount == 1 && spill.bytesWritten == 600 * (20 + 4 * 20_000)) // 600 lines of 20 bytes and 4 a column
        let lines = spill.emptyLines()
        try spill.read(0 ..< 1, into: lines)
        var customers = 0
        lines.forEachCustomer { _, sums in
            customers += 1
            let amount = sums.firstSeen.reduce(0) { $0 + $1.amount }
            #expect(sums.count == 300 && amount == 600_00 && lines.lineCount == 600)
            #expect(sums.segment(19_999, rank: 299) == Int32(19_999 % 97))
        }
        #expect(customers == 1)
    }

    /// Lines of 10 partitions added in random turns fill dozens of blocks, which are written to the
    /// file several at a time: each partition reads back exactly its own lines, in the order added.
    @Test func blocksWrittenTogetherComeBackToTheirPartitions() throws {
        let spill = try SumsSpill(segmentCount: 0, directory: FileManager.default.temporaryDirectory.path, partitionShift: 2)
        var generator = SplitMix64(seed: 7)
        var added = [[(key: UInt64, amount: Int64)]](repeating: [], count: 40) // per customer, in the order added
        for line in 0 ..< 30_000 {
            let customer = Int(generator.next() % 40)
            let key = OrderKey(bytes: "\(10_000_000 + line)")! // one line per order: each sum is one line
            let amount = Int64(generator.next() % 100_000) - 20_000
            try spill.add(customer: Int32(customer), key: key, day: 20_000, amount: amount)
            added[customer].append((key.rawValue, amount))
        }
        try spill.finish(customerCount: 40)
        // 30,000 lines of 20 bytes; a block holds 819 of them, so each of the 10 partitions
        // (4 customers each) fills 3 or 4 blocks: more than the 16 written at once.
        #expect(spill.partitionCount == 10 && spill.bytesWritten == 30_000 * 20)
        let lines = spill.emptyLines()
        for partition in 0 ..< 10 {
            try spill.read(partition ..< partition + 1, into: lines)
            var read: [[(key: UInt64, amount: Int64)]] = [] // per customer of the partition
            lines.forEachCustomer { _, sums in read.append(sums.firstSeen.map { ($0.key, $0.amount) }) }
            #expect(read.count == 4)
            for (place, read) in read.enumerated() {
                let customer = partition * 4 + place
                #expect(read.map(\.key) == added[customer].map(\.key) && read.map(\.amount) == added[customer].map(\.amount),
                        "customer \(customer)")
            }
        }
    }

    /// Spilled in partitions of 16 customers (dozens of them), read back one at a time (two cores
    /// at once) and in groups of neighbours: the same aggregates as one partition of every customer.
    @Test func smallPartitionsGiveTheSameAggregates() throws {
        let file = try Self.write(Self.randomExport(seed: 5, rows: 10_000))
        defer { try? FileManager.default.removeItem(atPath: file) }
        var options = ReadOptions()
        options.segmentColumns = ["channel"]
        var one = OrderReader(options: options)
        one.spillPartitionShift = 10 // every customer in one partition: 1,024 places, for up to 1,000 customers
        let whole = try #require(try one.readSums(sources: [file]))
        var small = OrderReader(options: options)
        small.spillPartitionShift = 4
        let parts = try #require(try small.readSums(sources: [file]))
        // 16 customers a partition, the last one partly filled
        #expect(parts.sums.spill.partitionCount == (parts.sums.customerCount + 15) / 16 && whole.sums.spill.partitionCount == 1)
        #expect(parts.sums.spill.partitionCount > 20 && parts.sums.customerCount % 16 != 0, "\(parts.sums.customerCount) customers")
        for period in [PeriodKind.month, .week] {
            let expected = try whole.sums.aggregates(period: period, asOf: nil, collectsPurchases: true)
            // 10,000 rows of up to 1,000 customers: about 10 lines a customer, 160 a partition of 16, of 24
            // bytes each (20, and 4 for the segment column): about 4 KiB a partition. Groups of one
            // partition each, of about four (16 KiB), and of all.
            for groupBytes in [1, 16 << 10, 1 << 20] {
                parts.sums.spill.groupBytes = groupBytes
                #expect(try parts.sums.aggregates(period: period, asOf: nil, collectsPurchases: true) == expected, "\(period), \(groupBytes)")
            }
        }
        parts.sums.spill.groupBytes = 1
        #expect(parts.sums.spill.readGroups() == (0 ..< parts.sums.spill.partitionCount).map { $0 ..< $0 + 1 })
        parts.sums.spill.groupBytes = 1 << 30
        #expect(parts.sums.spill.readGroups() == [0 ..< parts.sums.spill.partitionCount])
    }

    /// The spill goes to TMPDIR when it is set, else to a directory on disk rather than /tmp.
    @Test func theSpillGoesToTMPDIRElseToVarTmp() {
        #expect(OrderReader.defaultSpillDirectory(environment: ["TMPDIR": "/scratch/big"]) == "/scratch/big")
        let fallback = OrderReader.defaultSpillDirectory(environment: ["TMPDIR": ""])
        #expect(fallback == (access("/var/tmp", W_OK | X_OK) == 0 ? "/var/tmp" : "/tmp"))
    }

    /// A temporary directory that cannot be written: one error naming it, nothing read.
    @Test func aSpillDirectoryThatCannotBeWrittenIsNamed() throws {
        let file = try Self.write(Self.randomExport(seed: 3, rows: 100))
        defer { try? FileManager.default.removeItem(atPath: file) }
        var reader = OrderReader(options: ReadOptions())
        reader.spillDirectory = "/nonexistent-cohort-directory"
        #expect(throws: IngestError.cannotSpill(directory: "/nonexistent-cohort-directory", reason: String(cString: strerror(ENOENT)))) {
            try reader.readSums(sources: [file])
        }
    }

    @Test func severalFilesAreReadIntoATable() throws {
        let first = try Self.write(Self.randomExport(seed: 1, rows: 100))
        let second = try Self.write(Self.randomExport(seed: 2, rows: 100))
        defer { for file in [first, second] { try? FileManager.default.removeItem(atPath: file) } }
        #expect(try OrderReader(options: ReadOptions()).readSums(sources: [first, second]) == nil)
        // the same file twice is one file
        #expect(try OrderReader(options: ReadOptions()).readSums(sources: [first, first]) != nil)
    }

    // MARK: - Helpers

    /// The order ids the table gave rows without one (ids no text maps to).
    static func ownOrderIDs(in table: OrderTable) -> Set<Int32> {
        // Rows without an order id are the rows whose id appears once and whose text was empty:
        // the random export marks them by an amount ending in 7 cents (see `randomExport`).
        var ids = Set<Int32>()
        for row in 0 ..< table.rowCount where table.amount[row].magnitude % 100 == 7 { ids.insert(table.order![row]) }
        return ids
    }

    /// A file read into a table and into sums (then removed).
    static func readBothWays(_ text: String, segmentColumns: [String] = []) throws -> (table: OrderReadResult, summed: OrderSumsReadResult) {
        let file = try write(text)
        defer { try? FileManager.default.removeItem(atPath: file) }
        var options = ReadOptions()
        options.segmentColumns = segmentColumns
        let reader = OrderReader(options: options)
        return (try reader.read(sources: [file]), try #require(try reader.readSums(sources: [file])))
    }

    static func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-sums-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A shuffled order-line export: orders of 1 to 4 lines, some lines a day or two after the
    /// first, refund lines under the order's id weeks later (a few orders refunded whole), order
    /// ids of every packed form and some that fit none, ids with doubled quotes, rows without an
    /// order id (their amount ends in 7 cents, and no other does), a segment column that differs
    /// between a customer's orders, dates that read both ways until a day above 12 settles the
    /// order, rejected rows and blank lines.
    static func randomExport(seed: UInt64, rows: Int) -> String {
        var random = SplitMix64(seed: seed &* 104_729 &+ 3)
        var lines: [(_ early: Bool) -> String] = []
        let channels = ["web", "phone", "partner", "", "field sales"]
        var orderNumber = 0
        while lines.count < rows {
            let customer = Int.random(in: 0 ..< max(1, rows / 10), using: &random)
            var customerID = "K\(customer)"
            if customer % 41 == 0 { customerID = "\"K\"\"\(customer)\"" }
            orderNumber += 1
            let form = orderNumber % 6
            var orderID: String
            switch form {
            case 0: orderID = String(format: "%010d", orderNumber)               // digits, leading zeros
            case 1: orderID = "SO-\(String(format: "%08d", orderNumber))"       // prefix and digits
            case 2: orderID = "#\(orderNumber)"                                  // short bytes
            case 3: orderID = "ORDER-2025-\(String(format: "%09d", orderNumber))" // fits no packed form
            case 4: orderID = "\"O\"\"\(orderNumber)\""                          // doubled quotes
            default: orderID = "\(orderNumber)"
            }
            let withoutID = orderNumber % 23 == 0
            if withoutID { orderID = "" }
            let month = Int.random(in: 1 ... 12, using: &random), day = Int.random(in: 1 ... 26, using: &random)
            let channel = channels[Int.random(in: 0 ..< channels.count, using: &random)]
            for line in 0 ..< Int.random(in: 1 ... 4, using: &random) {
                var cents = Int.random(in: -500 ... 60_000, using: &random)
                if withoutID { cents = cents / 100 * 100 + (cents < 0 ? -7 : 7) } else if cents.magnitude % 100 == 7 { cents += 1 }
                let lineDay = day + (line > 1 ? Int.random(in: 0 ... 2, using: &random) : 0)
                lines.append { early in row(customerID, month: month, day: lineDay, cents: cents, orderID: orderID, channel: channel, early: early) }
            }
            if !withoutID && orderNumber % 17 == 0 {
                // a refund weeks later under the same id (sometimes the whole order)
                let refundMonth = min(12, month + 1)
                var cents = -Int.random(in: 100 ... 90_000, using: &random)
                if cents.magnitude % 100 == 7 { cents -= 1 }
                lines.append { _ in row(customerID, month: refundMonth, day: day, cents: cents, orderID: orderID, channel: channel, early: false) }
            }
            switch orderNumber % 401 {
            case 5: lines.append { _ in "\(customerID),31/31/2025,12.00,\(orderID),web" }   // rejected: no date
            case 6: lines.append { _ in "" }                                               // blank
            case 7: lines.append { _ in ",03/04/2025,12.00,\(orderID),web" }                // rejected: no customer
            default: break
            }
        }
        lines.shuffle(using: &random)
        // the first rows read have days up to 12 only: they wait until a later row settles the order
        let text = lines.enumerated().map { index, line in line(index < 150) }
        return "customer_id,order_date,amount,order_id,channel\n" + text.joined(separator: "\n") + "\n"
    }

    private static func row(_ customer: String, month: Int, day: Int, cents: Int, orderID: String, channel: String, early: Bool) -> String {
        let sign = cents < 0 ? "-" : ""
        let amount = "\(sign)\(cents.magnitude / 100).\(String(format: "%02d", cents.magnitude % 100))"
        let date = early ? "0\(month % 9 + 1)/0\(day % 9 + 1)/2025" : "\(day)/\(month)/2025"
        return "\(customer),\(date),\(amount),\(orderID),\(channel)"
    }
}
