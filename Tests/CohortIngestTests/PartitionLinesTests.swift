@testable import CohortIngest
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

        for customer in 0 ..< customerCount {
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

            #expect(partition.sumCount(of: customer) == expected.count, "customer \(customer)")
            var got: [ExpectedSum] = [], ranks: [Int] = []
            partition.forEachSum(of: customer) { rank, sum in
                ranks.append(rank)
                got.append(ExpectedSum(key: sum.key, day: sum.day, amount: sum.amount, lines: sum.lines))
            }
            #expect(got == expected, "customer \(customer)")
            #expect(ranks == Array(0 ..< expected.count))
            var gotByOrder: [ExpectedSum] = []
            partition.forEachSumByOrder(of: customer) { rank, sum in
                #expect(got[rank] == ExpectedSum(key: sum.key, day: sum.day, amount: sum.amount, lines: sum.lines))
                gotByOrder.append(ExpectedSum(key: sum.key, day: sum.day, amount: sum.amount, lines: sum.lines))
            }
            #expect(gotByOrder == expectedByOrder, "customer \(customer)")
        }
    }
}
