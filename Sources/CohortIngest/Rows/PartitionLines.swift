#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One partition of a spill file read back (`SumsSpill.read(_:into:)`): its order lines sorted
/// by customer, in reading order within each customer, and summed per order and day one customer
/// at a time, when asked for (`forEachCustomer`): in the order each (order, day) was
/// first seen, each keeping the segment values of its first line, and the sums of one order
/// chained, so that they can be given order by order without sorting (`Sums.forEachByOrder`).
///
/// A customer's lines are contiguous here, so summing them touches a few cache lines; a
/// partition's lines take twice their bytes while sorted. The buffers are kept from one
/// partition to the next, so that their pages are not asked of the system again each time.
///
/// A class: it owns its buffers. One thread uses it. The customers of a partition are summed in
/// one call (`forEachCustomer`), which takes the buffers out of the object for the loop (`Summer`)
/// and gives each customer's sums to its body as a value (`Sums`): a read or write of a class's
/// stored property is checked at run time for exclusive access (`swift_beginAccess`), and a few
/// per customer took 1 % of the CPU time on the sample, with a million customers.
final class PartitionLines {
    /// One sum: an order's lines of one day.
    struct Sum {
        var key: UInt64
        var amount: Int64
        var day: Int32
        var lines: Int32
    }

    private let recordBytes: Int
    /// Customers per partition, as a power of 2 (a record holds its customer's place in the partition).
    private let partitionShift: Int
    /// The lines as read, in reading order (filled by `SumsSpill`), and their room in bytes.
    private(set) var unsorted: UnsafeMutableRawPointer?
    private var unsortedBytes = 0
    /// The lines, sorted by customer: customer `c`'s are records `start[c] ..< start[c + 1]`.
    private var records: UnsafeMutableRawPointer?
    private var recordsBytes = 0
    private var start: [Int] = [0]
    private var next: [Int] = []
    /// Room to sum a customer's lines in.
    private var summer = Summer()

    /// Room for partitions of 2^`partitionShift` customers, of records of `recordBytes` (as `SumsSpill` writes them).
    init(recordBytes: Int, partitionShift: Int) {
        self.recordBytes = recordBytes
        self.partitionShift = partitionShift
    }

    deinit {
        free(unsorted)
        free(records)
        summer.deallocate()
    }

    /// Room for `bytes` of lines in `unsorted`, its earlier lines dropped; false without memory.
    func makeRoom(forBytes bytes: Int) -> Bool {
        Self.makeRoom(&unsorted, capacity: &unsortedBytes, bytes: bytes)
    }

    /// Makes `buffer` hold at least `bytes` (its contents dropped when it grows), with an eighth
    /// more, so that the next partition, a little larger, finds room; false without memory.
    private static func makeRoom(_ buffer: inout UnsafeMutableRawPointer?, capacity: inout Int, bytes: Int) -> Bool {
        guard bytes > capacity else { return true }
        free(buffer)
        buffer = malloc(bytes + bytes / 8)
        capacity = buffer == nil ? 0 : bytes + bytes / 8
        return buffer != nil
    }

    /// Sorts the records in `unsorted`, those of neighbouring partitions one partition after the
    /// other (`partitionLines[k]` records of the k-th), by customer, keeping their order within
    /// each: customer `(k << partitionShift) + place` of the `customerCount`; false without memory.
    func sort(partitionLines: [Int], customerCount: Int) -> Bool {
        let count = partitionLines.reduce(0, +)
        guard Self.makeRoom(&records, capacity: &recordsBytes, bytes: count * recordBytes) else { return false }
        start.removeAll(keepingCapacity: true)
        start.append(contentsOf: repeatElement(0, count: customerCount + 1))
        guard count > 0, let sorted = records, let unsorted else { return count == 0 }
        let recordBytes = recordBytes, shift = partitionShift
        // A counting sort: stable, two passes.
        start.withUnsafeMutableBufferPointer { start in
            var index = 0
            for (partition, lines) in partitionLines.enumerated() {
                let first = (partition << shift) + 1
                for _ in 0 ..< lines {
                    start[first + SpillRecord.place(unsorted + index * recordBytes, shift: shift)] += 1
                    index += 1
                }
            }
            for customer in 0 ..< customerCount { start[customer + 1] += start[customer] }
        }
        next.removeAll(keepingCapacity: true)
        next.append(contentsOf: start)
        next.withUnsafeMutableBufferPointer { next in
            var index = 0
            for (partition, lines) in partitionLines.enumerated() {
                let first = partition << shift
                for _ in 0 ..< lines {
                    let record = unsorted + index * recordBytes
                    let customer = first + SpillRecord.place(record, shift: shift)
                    SpillRecord.copy(recordBytes, from: record, to: sorted + next[customer] * recordBytes)
                    next[customer] += 1
                    index += 1
                }
            }
        }
        return true
    }

    /// Order lines in all.
    var lineCount: Int { start[start.count - 1] }

    /// Calls `body` with each customer of the partitions read (numbered within them, in order)
    /// and its lines summed per order key and day, valid during the call. `body` sums no other
    /// customer of this object: the buffers are out of it until the loop ends.
    func forEachCustomer(_ body: (_ customer: Int, _ sums: Sums) -> Void) {
        var summer = self.summer
        defer { self.summer = summer }
        let records = records.map(UnsafeRawPointer.init), recordBytes = recordBytes, shift = partitionShift
        start.withUnsafeBufferPointer { start in
            for customer in 0 ..< start.count - 1 {
                body(customer, summer.sum(start[customer] ..< start[customer + 1], of: records, recordBytes: recordBytes, shift: shift))
            }
        }
    }

    /// The most lines of a customer summed by `Summer.sumFew`: most customers have a few (6 in a
    /// `cohort sample` file, 9 on average), and comparing each line with the sums so far costs less
    /// than clearing and probing the hash tables (with 16 instead of 8, the summing's share of the
    /// sample's CPU samples fell by about a twentieth, 6 alternating profiles each).
    static let fewLines = 16

    /// Sums one customer's lines at a time, in buffers of its own that grow to the most lines of a
    /// customer so far: a value, so that summing touches no property of the class. Freed by `deallocate()`.
    private struct Summer {
        /// The sums of the customer summed last and the record of each sum's first line.
        var sums = UnsafeMutablePointer<Sum>.allocate(capacity: 0)
        var firstRecord = UnsafeMutablePointer<Int>.allocate(capacity: 0)
        /// Per sum, the next sum of its order key (another day), -1 after the last; and whether it
        /// is the first of its key.
        var nextOfKey = UnsafeMutablePointer<Int32>.allocate(capacity: 0)
        var isFirstOfKey = UnsafeMutablePointer<Bool>.allocate(capacity: 0)
        /// Room in `sums`, `firstRecord`, `nextOfKey` and `isFirstOfKey`.
        var capacity = 0
        /// Open addressing over `sums` by order key and day: sum index + 1, 0 empty; then, in as
        /// many slots again, by order key alone: index + 1 of the key's last sum so far.
        var slots = UnsafeMutablePointer<Int32>.allocate(capacity: 0)
        var slotCapacity = 0

        func deallocate() {
            sums.deallocate()
            firstRecord.deallocate()
            nextOfKey.deallocate()
            isFirstOfKey.deallocate()
            slots.deallocate()
        }

        /// Sums the records `lines` of `records` (sorted by customer) per order key and day.
        mutating func sum(_ lines: Range<Int>, of records: UnsafeRawPointer?, recordBytes: Int, shift: Int) -> Sums {
            if lines.count > capacity {
                capacity = max(lines.count, 2 * capacity)
                sums = sums.replaced(capacity: capacity)
                firstRecord = firstRecord.replaced(capacity: capacity)
                nextOfKey = nextOfKey.replaced(capacity: capacity)
                isFirstOfKey = isFirstOfKey.replaced(capacity: capacity)
            }
            guard let records, !lines.isEmpty else { return summed(count: 0, keysRepeat: false, records, recordBytes) }
            guard lines.count > PartitionLines.fewLines else { return sumFew(lines, of: records, recordBytes: recordBytes, shift: shift) }
            var size = 16
            while size < 2 * lines.count { size <<= 1 }
            if 2 * size > slotCapacity {
                slots = slots.replaced(capacity: 2 * size)
                slotCapacity = 2 * size
            }
            let slots = slots, sums = sums, firstRecord = firstRecord, nextOfKey = nextOfKey, isFirstOfKey = isFirstOfKey
            slots.update(repeating: 0, count: 2 * size)
            let lastOfKey = slots + size
            let mask = size - 1
            var count = 0, repeats = false
            for index in lines {
                let record = records + index * recordBytes
                let key = SpillRecord.key(record), day = SpillRecord.day(record, shift: shift), amount = SpillRecord.amount(record)
                var slot = Int(truncatingIfNeeded: (key ^ UInt64(UInt32(bitPattern: day)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
                while true {
                    let found = Int(slots[slot])
                    if found == 0 {
                        sums[count] = Sum(key: key, amount: amount, day: day, lines: 1)
                        firstRecord[count] = index
                        nextOfKey[count] = -1
                        isFirstOfKey[count] = Self.chain(count, key: key, sums: sums, lastOfKey: lastOfKey, nextOfKey: nextOfKey, mask: mask)
                        repeats = repeats || !isFirstOfKey[count]
                        count += 1
                        slots[slot] = Int32(count)
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
            return summed(count: count, keysRepeat: repeats, records, recordBytes)
        }

        /// The first `count` sums in the buffers, as a value.
        private func summed(count: Int, keysRepeat: Bool, _ records: UnsafeRawPointer?, _ recordBytes: Int) -> Sums {
            Sums(firstSeen: UnsafeBufferPointer(start: sums, count: count), nextOfKey: nextOfKey, isFirstOfKey: isFirstOfKey,
                 keysRepeat: keysRepeat, firstRecord: firstRecord, records: records, recordBytes: recordBytes)
        }

        /// `sum` for a customer of at most `fewLines` lines: each line is compared with the sums
        /// made so far, from the last, which is also the last sum of its order key (for the chain).
        private func sumFew(_ lines: Range<Int>, of records: UnsafeRawPointer, recordBytes: Int, shift: Int) -> Sums {
            let sums = sums, firstRecord = firstRecord, nextOfKey = nextOfKey, isFirstOfKey = isFirstOfKey
            var count = 0, repeats = false
            for index in lines {
                let record = records + index * recordBytes
                let key = SpillRecord.key(record), day = SpillRecord.day(record, shift: shift), amount = SpillRecord.amount(record)
                var found = count - 1, lastOfKey = -1
                while found >= 0 {
                    if sums[found].key == key {
                        if sums[found].day == day { break }
                        if lastOfKey < 0 { lastOfKey = found }
                    }
                    found -= 1
                }
                if found >= 0 {
                    sums[found].amount &+= amount
                    sums[found].lines &+= 1
                    continue
                }
                sums[count] = Sum(key: key, amount: amount, day: day, lines: 1)
                firstRecord[count] = index
                nextOfKey[count] = -1
                isFirstOfKey[count] = lastOfKey < 0
                if lastOfKey >= 0 {
                    nextOfKey[lastOfKey] = Int32(count)
                    repeats = true
                }
                count += 1
            }
            return summed(count: count, keysRepeat: repeats, records, recordBytes)
        }

        /// Makes the new sum `sum` the last of its key's (in `lastOfKey`, open addressing by key),
        /// chained after the one before; true when it is the first of its key.
        @inline(__always)
        private static func chain(_ sum: Int, key: UInt64, sums: UnsafeMutablePointer<Sum>, lastOfKey: UnsafeMutablePointer<Int32>,
                                  nextOfKey: UnsafeMutablePointer<Int32>, mask: Int) -> Bool {
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while true {
                let last = Int(lastOfKey[slot])
                if last == 0 {
                    lastOfKey[slot] = Int32(sum + 1)
                    return true
                }
                if sums[last - 1].key == key {
                    nextOfKey[last - 1] = Int32(sum)
                    lastOfKey[slot] = Int32(sum + 1)
                    return false
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// One customer's sums (`forEachCustomer`), in the partition's buffers: valid until the next
    /// customer is summed.
    struct Sums {
        /// One sum per (order key, day), first seen first: a sum's index here is its rank.
        let firstSeen: UnsafeBufferPointer<Sum>
        fileprivate let nextOfKey: UnsafePointer<Int32>
        fileprivate let isFirstOfKey: UnsafePointer<Bool>
        /// Whether some order key has sums on several days.
        fileprivate let keysRepeat: Bool
        fileprivate let firstRecord: UnsafePointer<Int>
        fileprivate let records: UnsafeRawPointer?
        fileprivate let recordBytes: Int

        fileprivate init(firstSeen: UnsafeBufferPointer<Sum>, nextOfKey: UnsafeMutablePointer<Int32>, isFirstOfKey: UnsafeMutablePointer<Bool>,
                         keysRepeat: Bool, firstRecord: UnsafeMutablePointer<Int>, records: UnsafeRawPointer?, recordBytes: Int) {
            self.firstSeen = firstSeen
            self.nextOfKey = UnsafePointer(nextOfKey)
            self.isFirstOfKey = UnsafePointer(isFirstOfKey)
            self.keysRepeat = keysRepeat
            self.firstRecord = UnsafePointer(firstRecord)
            self.records = records
            self.recordBytes = recordBytes
        }

        /// The number of sums: of each order key, one per day.
        var count: Int { firstSeen.count }

        /// Calls `body` with each sum and its rank (its index in `firstSeen`), the sums of one order key
        /// one after the other: the keys in the order first seen, each key's sums in the order seen.
        @inline(__always)
        func forEachByOrder(_ body: (_ rank: Int, _ sum: Sum) -> Void) {
            guard keysRepeat else {
                for rank in firstSeen.indices { body(rank, firstSeen[rank]) }
                return
            }
            for first in firstSeen.indices where isFirstOfKey[first] {
                var rank = first
                while rank >= 0 {
                    body(rank, firstSeen[rank])
                    rank = Int(nextOfKey[rank])
                }
            }
        }

        /// The value id of segment slot `slot` on the first line of the sum of rank `rank`.
        func segment(_ slot: Int, rank: Int) -> Int32 {
            precondition(rank >= 0 && rank < firstSeen.count, "a sum of the customer")
            return (records! + firstRecord[rank] * recordBytes).load(fromByteOffset: SpillRecord.segmentOffset(slot), as: Int32.self)
        }
    }
}
