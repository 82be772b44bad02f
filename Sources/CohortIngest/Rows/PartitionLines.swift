#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One partition of a spill file read back (`SumsSpill.lines(of:)`): its order lines sorted by
/// customer, in reading order within each customer, and summed per order and day one customer at
/// a time, when asked for: in the order each (order, day) was first seen, each keeping the segment
/// values of its first line.
///
/// A customer's lines are contiguous here, so summing them touches a few cache lines; a
/// partition's lines take twice their bytes while sorted.
///
/// A class: it owns its buffers, and keeps the sums of the customer summed last (for `segment`).
/// One thread uses it.
final class PartitionLines {
    /// One sum: an order's lines of one day.
    struct Sum {
        var key: UInt64
        var amount: Int64
        var day: Int32
        var lines: Int32
    }

    private let segmentCount: Int
    private let recordBytes: Int
    /// The lines, sorted by customer: customer `c`'s are records `start[c] ..< start[c + 1]`.
    private let records: UnsafeMutableRawPointer
    private let start: [Int]
    /// The customer summed last, its sums and the record of each sum's first line.
    private var summedCustomer = -1
    private var sums: [Sum] = []
    private var firstRecord: [Int] = []
    /// Open addressing over `sums` by order key and day: sum index + 1, 0 empty.
    private var slots: [Int32] = []

    /// Sorts `count` records of `recordBytes` (as `SumsSpill` writes them, customers numbered
    /// from `firstCustomer`) of `customerCount` customers by customer, keeping their order within
    /// each; nil without memory.
    init?(records unsorted: UnsafeRawPointer, count: Int, recordBytes: Int, segmentCount: Int,
          firstCustomer: Int32, customerCount: Int) {
        self.segmentCount = segmentCount
        self.recordBytes = recordBytes
        guard let sorted = malloc(max(1, count * recordBytes)) else { return nil }
        records = sorted
        // A counting sort: stable, two passes.
        var start = [Int](repeating: 0, count: customerCount + 1)
        for index in 0 ..< count {
            start[Int(unsorted.load(fromByteOffset: index * recordBytes, as: Int32.self) - firstCustomer) + 1] += 1
        }
        for customer in 0 ..< customerCount { start[customer + 1] += start[customer] }
        var next = start
        for index in 0 ..< count {
            let record = unsorted + index * recordBytes
            let customer = Int(record.load(as: Int32.self) - firstCustomer)
            (sorted + next[customer] * recordBytes).copyMemory(from: record, byteCount: recordBytes)
            next[customer] += 1
        }
        self.start = start
    }

    deinit { free(records) }

    /// Order lines in all.
    var lineCount: Int { start[start.count - 1] }

    /// Sums the customer's lines per order key and day (unless it was summed last).
    private func sum(_ customer: Int) {
        guard customer != summedCustomer else { return }
        summedCustomer = customer
        sums.removeAll(keepingCapacity: true)
        firstRecord.removeAll(keepingCapacity: true)
        let lines = start[customer] ..< start[customer + 1]
        var size = 16
        while size < 2 * lines.count { size <<= 1 }
        if slots.count < size {
            slots = [Int32](repeating: 0, count: size)
        } else {
            slots.withUnsafeMutableBufferPointer { UnsafeMutableBufferPointer(rebasing: $0[..<size]).update(repeating: 0) }
        }
        let mask = size - 1
        for index in lines {
            let record = records + index * recordBytes
            let key = record.load(fromByteOffset: 8, as: UInt64.self)
            let day = record.load(fromByteOffset: 4, as: Int32.self)
            let amount = record.load(fromByteOffset: 16, as: Int64.self)
            var slot = Int(truncatingIfNeeded: (key ^ UInt64(UInt32(bitPattern: day)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while true {
                let found = Int(slots[slot])
                if found == 0 {
                    sums.append(Sum(key: key, amount: amount, day: day, lines: 1))
                    firstRecord.append(index)
                    slots[slot] = Int32(sums.count)
                    break
                }
                if sums[found - 1].key == key && sums[found - 1].day == day {
                    sums[found - 1].amount &+= amount
                    sums[found - 1].lines &+= 1
                    break
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Calls `body` with each sum of the customer (numbered within the partition), first seen
    /// first, and its rank in that order.
    func forEachSum(of customer: Int, _ body: (_ rank: Int, _ sum: Sum) -> Void) {
        sum(customer)
        for (rank, sum) in sums.enumerated() { body(rank, sum) }
    }

    /// The value id of segment slot `slot` on the first line of the customer's sum of rank `rank`.
    func segment(_ slot: Int, of customer: Int, rank: Int) -> Int32 {
        sum(customer)
        return (records + firstRecord[rank] * recordBytes).load(fromByteOffset: 24 + 4 * slot, as: Int32.self)
    }
}
