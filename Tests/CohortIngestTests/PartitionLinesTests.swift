@testable import CohortIngest
import CohortCore
import CohortSample
import Testing

/// The sums of a partition read back (`PartitionLines`): one per customer, order key and day, in
/// the order first seen, and by order key with each key's sums in the order seen. Customers of a
/// few lines are summed by comparing lines (`sumFew`), the others through hash tables: both are
/// checked against sums made here with plain arrays, on customers of 1 to 40 lines.
@Suite struct PartitionLinesTests {
    struct Line {
        var customer: Int32
        var day: Int32
        var key: UInt64
        var amount: Int64
    }

    struct ExpectedSum: Equatable {
        var key: UInt64
        var day: Int32
        var amount: Int64
        var lines: Int32
    }

    @Test(arguments: 0 ..< 3)
    func sumsArePerKeyAndDayInTheOrderFirstSeen(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let customerCount = 60
        // Customer c has c % 40 + 1 lines: both sides of `fewLines` (16), with few keys and days,
        // so that lines share a sum and keys have sums on several days.
        var lines: [Line] = []
        for customer in 0 ..< customerCount {
            for _ in 0 ... customer % 40 {
                lines.append(Line(customer: Int32(customer), day: 20_000 + Int32(random.next() % 3),
                                  key: 1_000 + random.next() % 4, amount: Int64(random.next() % 10_000) - 2_000))
            }
        }
        // Shuffled, as lines come from a file: each customer's stay in this order.
        for index in lines.indices.reversed() { lines.swapAt(index, Int(random.next() % UInt64(index + 1))) }

        // Two partitions of 32 customers (the second partly filled), as the spill gives them back:
        // the first partition's lines, then the second's.
        let shift = 5, recordBytes = SpillRecord.bytes(segmentCount: 0)
        lines = lines.filter { $0.customer < 32 } + lines.filter { $0.customer >= 32 }
        let partition = PartitionLines(recordBytes: recordBytes, partitionShift: shift)
        #expect(partition.makeRoom(forBytes: lines.count * recordBytes))
        for (index, line) in lines.enumerated() {
            SpillRecord.write(place: line.customer % 32, day: line.day, key: line.key, amount: line.amount, shift: shift,
                              to: partition.unsorted! + index * recordBytes)
        }
        let firstPartition = lines.count { $0.customer < 32 }
        #expect(partition.sort(partitionLines: [firstPartition, lines.count - firstPartition], customerCount: customerCount))
        #expect(partition.lineCount == lines.count)

        // Every customer in turn, twice: the second time in the buffers grown the first time.
        for _ in 0 ..< 2 {
            var visited: [Int] = []
            partition.forEachCustomer { customer, sums in
                visited.append(customer)
                check(sums, of: customer, in: lines)
            }
            #expect(visited == Array(0 ..< customerCount))
        }
    }

    private func check(_ sums: PartitionLines.Sums, of customer: Int, in lines: [Line]) {
        // Sums found by a scan of the customer's lines in reading order.
        var expected: [ExpectedSum] = []
        for line in lines where line.customer == Int32(customer) {
            if let found = expected.firstIndex(where: { $0.key == line.key && $0.day == line.day }) {
                expected[found].amount += line.amount
                expected[found].lines += 1
            } else {
                expected.append(ExpectedSum(key: line.key, day: line.day, amount: line.amount, lines: 1))
            }
        }
        // By order: the keys in the order first seen, each key's sums in the order seen.
        var keys: [UInt64] = []
        for sum in expected where !keys.contains(sum.key) { keys.append(sum.key) }
        let expectedByOrder = keys.flatMap { key in expected.filter { $0.key == key } }

        #expect(sums.count == expected.count, "customer \(customer)")
        let got = sums.firstSeen.map { ExpectedSum(key: $0.key, day: $0.day, amount: $0.amount, lines: $0.lines) }
        #expect(got == expected, "customer \(customer)")
        var gotByOrder: [ExpectedSum] = []
        sums.forEachByOrder { rank, sum in
            #expect(got[rank] == ExpectedSum(key: sum.key, day: sum.day, amount: sum.amount, lines: sum.lines))
            gotByOrder.append(ExpectedSum(key: sum.key, day: sum.day, amount: sum.amount, lines: sum.lines))
        }
        #expect(gotByOrder == expectedByOrder, "customer \(customer)")
    }

    /// A record's day is counted from 1900-01-01, the earliest day read, given as a literal
    /// (`SpillRecord.firstDay`): it must be that date's day number, and days from it on, with
    /// every place in the partition, must come back as written.
    @Test func aRecordKeepsEveryDayFromTheEarliestReadOn() {
        #expect(Int(SpillRecord.firstDay) == ReadLimits.earliestDate.dayNumber)
        let shift = SpillRecord.largestPartitionShift
        let record = UnsafeMutableRawPointer.allocate(byteCount: SpillRecord.bytes(segmentCount: 0), alignment: 8)
        defer { record.deallocate() }
        // 1900-01-01, 1969-12-31 (day -1), 1970-01-01 (day 0), 2026-03-01 (20,513), 9999-12-31
        // (2,932,896: 2,958,463 days after 1900-01-01, of the 2^22 = 4,194,304 the record holds).
        let days = [ReadLimits.earliestDate.dayNumber, -1, 0, 20_513, CivilDate(year: 9999, month: 12, day: 31)!.dayNumber]
        for day in days {
            for place: Int32 in [0, 1, 1 << Int32(shift) - 1] {
                SpillRecord.write(place: place, day: Int32(day), key: 7, amount: -3, shift: shift, to: record)
                #expect(SpillRecord.day(record, shift: shift) == Int32(day), "day \(day), place \(place)")
                #expect(SpillRecord.place(record, shift: shift) == Int(place))
                #expect(SpillRecord.key(record) == 7 && SpillRecord.amount(record) == -3)
            }
        }
    }
}
