import Foundation

/// Per customer, its order lines summed per order and day, in the order each (order, day)
/// was first seen: the memory of `OrderSums`, filled while a file is read.
///
/// A customer's sums are one block of its own (key, amount, day and line count side by side,
/// then the segment values of each sum's first line), found and grown by the customer's
/// index: adding a line scans the customer's few keys and adds to the sum it finds, or
/// appends one. The block grows by half when it is full, so memory follows the sums, about
/// 24 bytes each (plus 4 per segment column), and never the rows.
///
///     let lists = OrderDayLists(segmentCount: 0)
///     _ = lists.add(customer: 0, key: OrderKey(bytes: "SO-1")!, day: 20_500, amount: 12_50)
///     _ = lists.add(customer: 0, key: OrderKey(bytes: "SO-1")!, day: 20_500, amount: 7_50)
///     lists.records(of: 0).amount[0]   // 20_00, from 2 lines
///
/// Customers are numbered 0, 1, 2, … in the order they are first added. A class: it owns the
/// blocks (freed in `deinit`); one reader fills it, then it is only read.
///
/// Complexity: O(sums of the customer) per line added; O(1) amortised to grow.
final class OrderDayLists: @unchecked Sendable {
    // @unchecked: written by one thread while a file is read, then only read (after a join).

    /// One customer's block: `capacity` sums, of which the first `count` are used.
    private struct Header {
        var base: UnsafeMutableRawPointer?
        var count: UInt32
        var capacity: UInt32
    }

    /// Segment values kept per sum (the values of its first line).
    let segmentCount: Int
    private var headers: UnsafeMutablePointer<Header>
    private var headerCapacity: Int
    /// Customers added: `0 ..< customerCount`.
    private(set) var customerCount = 0
    /// Sums in all.
    private(set) var recordCount = 0

    init(segmentCount: Int = 0) {
        self.segmentCount = segmentCount
        headerCapacity = 1024
        headers = .allocate(capacity: headerCapacity)
    }

    deinit {
        for customer in 0 ..< customerCount { free(headers[customer].base) }
        headers.deallocate()
    }

    /// Bytes of one sum in a block.
    private var stride: Int { 24 + 4 * segmentCount }

    /// Adds one order line (or `lines` lines summed already) of `customer` (at most `customerCount`:
    /// a new customer is the next number): to the sum of its order and day, or as a new sum that keeps
    /// `segments` (`segmentCount` value ids of this line). False when the system has no memory for a
    /// larger block (nothing is added then).
    @inline(__always)
    func add(customer: Int, key: OrderKey, day: Int32, amount: Int64, lines: Int32 = 1,
                    segments: UnsafePointer<Int32>? = nil) -> Bool {
        if customer == customerCount { addCustomer() }
        let header = headers[customer]
        let count = Int(header.count)
        if let base = header.base {
            let capacity = Int(header.capacity)
            let keys = base.assumingMemoryBound(to: UInt64.self)
            let days = (base + 16 * capacity).assumingMemoryBound(to: Int32.self)
            var index = 0
            while index < count {
                if keys[index] == key.rawValue && days[index] == day {
                    (base + 8 * capacity).assumingMemoryBound(to: Int64.self)[index] &+= amount
                    (base + 20 * capacity).assumingMemoryBound(to: Int32.self)[index] &+= lines
                    return true
                }
                index += 1
            }
        }
        return append(customer: customer, key: key, day: day, amount: amount, lines: lines, segments: segments)
    }

    /// Reads the headers, then the first keys and days, of the customers of a batch of lines
    /// about to be added: each is a wait for memory once the blocks outgrow the caches, and
    /// read here in tight loops of independent loads they overlap instead of coming one by one.
    /// Returns a value made of what was read, so that the loads are not left out.
    func touch(_ customers: UnsafePointer<Int32>, count: Int) -> UInt64 {
        var touched: UInt64 = 0
        for row in 0 ..< count where Int(customers[row]) < customerCount {
            touched &+= UInt64(headers[Int(customers[row])].count)
        }
        for row in 0 ..< count where Int(customers[row]) < customerCount {
            let header = headers[Int(customers[row])]
            guard let base = header.base else { continue }
            // Every cache line of the keys (scanned on each add), and the first of the days.
            var offset = 0
            let keyBytes = 8 * Int(header.count)
            repeat {
                touched &+= base.load(fromByteOffset: offset, as: UInt64.self)
                offset += 64
            } while offset < keyBytes
            touched &+= UInt64(truncatingIfNeeded: (base + 16 * Int(header.capacity)).load(as: Int32.self))
        }
        return touched
    }

    /// Appends a new sum to the customer's block, growing it when full; false without memory for it.
    private func append(customer: Int, key: OrderKey, day: Int32, amount: Int64, lines: Int32, segments: UnsafePointer<Int32>?) -> Bool {
        var header = headers[customer]
        let count = Int(header.count)
        if count == Int(header.capacity) {
            guard let grown = grow(customer) else { return false }
            header = grown
        }
        let base = header.base!, capacity = Int(header.capacity)
        base.assumingMemoryBound(to: UInt64.self)[count] = key.rawValue
        (base + 8 * capacity).assumingMemoryBound(to: Int64.self)[count] = amount
        (base + 16 * capacity).assumingMemoryBound(to: Int32.self)[count] = day
        (base + 20 * capacity).assumingMemoryBound(to: Int32.self)[count] = lines
        if segmentCount > 0 {
            let values = (base + 24 * capacity).assumingMemoryBound(to: Int32.self) + count * segmentCount
            for column in 0 ..< segmentCount { values[column] = segments?[column] ?? 0 }
        }
        headers[customer].count = UInt32(count + 1)
        recordCount += 1
        return true
    }

    /// A new customer, numbered `customerCount`, without sums yet.
    private func addCustomer() {
        if customerCount == headerCapacity {
            let larger = UnsafeMutablePointer<Header>.allocate(capacity: headerCapacity * 2)
            larger.moveInitialize(from: headers, count: customerCount)
            headers.deallocate()
            headers = larger
            headerCapacity *= 2
        }
        (headers + customerCount).initialize(to: Header(base: nil, count: 0, capacity: 0))
        customerCount += 1
    }

    /// Moves the customer's sums into a block half as large again (4 sums at first); nil without memory.
    private func grow(_ customer: Int) -> Header? {
        let old = headers[customer]
        let oldCapacity = Int(old.capacity), count = Int(old.count)
        let capacity = oldCapacity < 8 ? max(4, oldCapacity * 2) : (oldCapacity + oldCapacity / 2 + 3) & ~3
        guard let base = malloc(capacity * stride) else { return nil }
        if let oldBase = old.base {
            memcpy(base, oldBase, 8 * count)
            memcpy(base + 8 * capacity, oldBase + 8 * oldCapacity, 8 * count)
            memcpy(base + 16 * capacity, oldBase + 16 * oldCapacity, 4 * count)
            memcpy(base + 20 * capacity, oldBase + 20 * oldCapacity, 4 * count)
            if segmentCount > 0 { memcpy(base + 24 * capacity, oldBase + 24 * oldCapacity, 4 * segmentCount * count) }
            free(oldBase)
        }
        let header = Header(base: base, count: UInt32(count), capacity: UInt32(capacity))
        headers[customer] = header
        return header
    }

    /// One customer's sums as buffers; valid while this object lives and nothing is added.
    struct Records {
        let key: UnsafeBufferPointer<UInt64>
        let amount: UnsafeBufferPointer<Int64>
        let day: UnsafeBufferPointer<Int32>
        let lines: UnsafeBufferPointer<Int32>
        /// Sum `i`'s segment values are `segments[i * segmentCount ..< (i + 1) * segmentCount]`.
        let segments: UnsafeBufferPointer<Int32>

        var count: Int { key.count }
    }

    /// The sums of a customer, first seen first.
    func records(of customer: Int) -> Records {
        let header = headers[customer]
        let count = Int(header.count), capacity = Int(header.capacity)
        guard let base = header.base else {
            let none = UnsafeBufferPointer<UInt64>(start: nil, count: 0)
            return Records(key: none, amount: .init(start: nil, count: 0), day: .init(start: nil, count: 0), lines: .init(start: nil, count: 0),
                           segments: .init(start: nil, count: 0))
        }
        return Records(key: UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt64.self), count: count),
                       amount: UnsafeBufferPointer(start: (base + 8 * capacity).assumingMemoryBound(to: Int64.self), count: count),
                       day: UnsafeBufferPointer(start: (base + 16 * capacity).assumingMemoryBound(to: Int32.self), count: count),
                       lines: UnsafeBufferPointer(start: (base + 20 * capacity).assumingMemoryBound(to: Int32.self), count: count),
                       segments: UnsafeBufferPointer(start: (base + 24 * capacity).assumingMemoryBound(to: Int32.self),
                                                     count: count * segmentCount))
    }

    /// Gives a customer's sums back to the system; the customer has none afterwards.
    func release(_ customer: Int) {
        free(headers[customer].base)
        recordCount -= Int(headers[customer].count)
        headers[customer] = Header(base: nil, count: 0, capacity: 0)
    }
}
