import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Per customer, its order lines summed per order and day, in the order each (order, day)
/// was first seen: the memory of `OrderSums`, filled while a file is read.
///
/// A customer's sums are a chain of chunks of 4, 8, 16, … up to 256 sums, each holding keys,
/// amounts, days and line counts side by side, then the segment values of each sum's first line.
/// Adding a line scans the customer's keys and adds to the sum it finds, or appends one in the
/// last chunk (a new chunk when that is full). Chunks are never moved or freed one by one: they
/// are cut from slabs of 1 MiB, one series of slabs per 65,536 customers, so that memory follows
/// the sums (about 24 bytes each, plus 4 per segment column, and the unused end of each
/// customer's last chunk) with nothing left behind by growing, and a group's slabs go back to
/// the system at once when its customers are done (`release(upTo:)`).
///
///     let lists = OrderDayLists(segmentCount: 0)
///     _ = lists.add(customer: 0, key: OrderKey(bytes: "SO-1")!, day: 20_500, amount: 12_50)
///     _ = lists.add(customer: 0, key: OrderKey(bytes: "SO-1")!, day: 20_500, amount: 7_50)
///     lists.forEachSum(of: 0) { rank, sum in sum.amount }   // 20_00, from 2 lines
///
/// Customers are numbered 0, 1, 2, … in the order they are first added. A class: it owns the
/// slabs (freed in `deinit`); one thread fills it, then it is only read.
///
/// Complexity: O(sums of the customer) per line added, O(1) once a customer has 62 sums or more.
final class OrderDayLists: @unchecked Sendable {
    // @unchecked: written by one thread while a file is read, then only read.

    /// One sum: an order's lines of one day.
    struct Sum {
        var key: UInt64
        var amount: Int64
        var day: Int32
        var lines: Int32
    }

    /// One customer's chain: its first and last chunk, and its sums in all.
    private struct Header {
        var first: Chunk?
        var last: Chunk?
    }

    /// A chunk: `next` (8 bytes), `capacity` and `count` (4 each), then `capacity` keys (8 bytes),
    /// amounts (8), days (4), line counts (4) and segment values (4 per column).
    private struct Chunk {
        let start: UnsafeMutableRawPointer

        var next: Chunk? {
            get { start.load(as: UnsafeMutableRawPointer?.self).map(Chunk.init) }
            nonmutating set { start.storeBytes(of: newValue?.start, as: UnsafeMutableRawPointer?.self) }
        }
        var capacity: Int { Int(start.load(fromByteOffset: 8, as: UInt32.self)) }
        var count: Int {
            get { Int(start.load(fromByteOffset: 12, as: UInt32.self)) }
            nonmutating set { start.storeBytes(of: UInt32(newValue), toByteOffset: 12, as: UInt32.self) }
        }
        var isFull: Bool { count == capacity }
        var keys: UnsafeMutablePointer<UInt64> { (start + OrderDayLists.chunkHeader).assumingMemoryBound(to: UInt64.self) }
        var amounts: UnsafeMutablePointer<Int64> { (start + OrderDayLists.chunkHeader + 8 * capacity).assumingMemoryBound(to: Int64.self) }
        var days: UnsafeMutablePointer<Int32> { (start + OrderDayLists.chunkHeader + 16 * capacity).assumingMemoryBound(to: Int32.self) }
        var lines: UnsafeMutablePointer<Int32> { (start + OrderDayLists.chunkHeader + 20 * capacity).assumingMemoryBound(to: Int32.self) }
        /// Sum `i`'s segment values are `segments[i * segmentCount ..< (i + 1) * segmentCount]`.
        var segments: UnsafeMutablePointer<Int32> { (start + OrderDayLists.chunkHeader + 24 * capacity).assumingMemoryBound(to: Int32.self) }

        func sum(_ index: Int) -> Sum {
            Sum(key: keys[index], amount: amounts[index], day: days[index], lines: lines[index])
        }
    }

    private static let chunkHeader = 16
    private static let firstCapacity = 2, largestCapacity = 256
    private static let slabBytes = 1 << 20
    /// Customers per series of slabs (`release(upTo:)` gives a series back whole).
    private static let groupShift = 16

    /// Segment values kept per sum (the values of its first line).
    let segmentCount: Int
    private var headers: UnsafeMutablePointer<Header>
    private var headerCapacity: Int
    /// Customers added: `0 ..< customerCount`.
    private(set) var customerCount = 0
    /// Sums in all.
    private(set) var recordCount = 0
    /// Per group of customers, its slabs (the last one being cut), and how much of that one is used.
    private var slabs: [[UnsafeMutableRawPointer]] = []
    private var slabUsed: [Int] = []
    /// Room for `touch` to follow the chains of a stretch of customers, reused.
    private var chains: [Chunk?] = []

    /// Where each sum of a customer with many sums is (a guest account of a shop, a marketplace):
    /// found by its order and day in one lookup instead of a scan of every sum before it. A
    /// customer is indexed once its chain reaches a chunk of `indexedFrom` sums; `indexed` has a
    /// bit per customer.
    private struct SumKey: Hashable {
        var key: UInt64
        var day: Int32
    }
    private struct Place {
        var chunk: Chunk
        var index: Int
    }
    private static let indexedFrom = 64
    private var places: [Int: [SumKey: Place]] = [:]
    private var indexed: [UInt64] = []

    init(segmentCount: Int = 0) {
        self.segmentCount = segmentCount
        headerCapacity = 1024
        headers = malloc(headerCapacity * MemoryLayout<Header>.stride)!.assumingMemoryBound(to: Header.self)
    }

    deinit {
        for group in slabs { for slab in group { munmap(slab, Self.slabBytes) } }
        free(headers)
    }

    /// Bytes of one sum in a chunk.
    private var sumBytes: Int { 24 + 4 * segmentCount }

    /// Adds one order line of `customer` (at most `customerCount`: a new customer is the next
    /// number): to the sum of its order and day, or as a new sum that keeps `segments`
    /// (`segmentCount` value ids of this line). False when the system has no memory for a chunk.
    @inline(__always)
    func add(customer: Int, key: OrderKey, day: Int32, amount: Int64, segments: UnsafePointer<Int32>? = nil) -> Bool {
        if customer == customerCount { guard addCustomer() else { return false } }
        if isIndexed(customer) {
            return addIndexed(customer: customer, key: key, day: day, amount: amount, segments: segments)
        }
        for chunk in chunks(of: customer) {
            let keys = chunk.keys, days = chunk.days
            for index in 0 ..< chunk.count where keys[index] == key.rawValue && days[index] == day {
                chunk.amounts[index] &+= amount
                chunk.lines[index] &+= 1
                return true
            }
        }
        return append(customer: customer, key: key, day: day, amount: amount, segments: segments)
    }

    /// `add` for a customer whose sums are indexed.
    private func addIndexed(customer: Int, key: OrderKey, day: Int32, amount: Int64, segments: UnsafePointer<Int32>?) -> Bool {
        let sumKey = SumKey(key: key.rawValue, day: day)
        if let place = places[customer]?[sumKey] {
            place.chunk.amounts[place.index] &+= amount
            place.chunk.lines[place.index] &+= 1
            return true
        }
        guard append(customer: customer, key: key, day: day, amount: amount, segments: segments), let last = headers[customer].last else { return false }
        places[customer, default: [:]][sumKey] = Place(chunk: last, index: last.count - 1)
        return true
    }

    /// Indexes every sum of the customer (see `places`).
    private func index(_ customer: Int) {
        var sums: [SumKey: Place] = [:]
        for chunk in chunks(of: customer) {
            for index in 0 ..< chunk.count {
                sums[SumKey(key: chunk.keys[index], day: chunk.days[index])] = Place(chunk: chunk, index: index)
            }
        }
        places[customer] = sums
        indexed[customer >> 6] |= 1 << UInt64(customer & 63)
    }

    private func isIndexed(_ customer: Int) -> Bool {
        indexed[customer >> 6] & (1 << UInt64(customer & 63)) != 0
    }

    /// The customer's chunks, first first.
    private func chunks(of customer: Int) -> Chain { Chain(chunk: headers[customer].first) }

    /// A customer's chain of chunks, followed from its first.
    private struct Chain: Sequence, IteratorProtocol {
        var chunk: Chunk?

        mutating func next() -> Chunk? {
            defer { chunk = chunk?.next }
            return chunk
        }
    }

    /// Reads the headers, then the chunks, of the customers of a stretch of lines about to be
    /// added: each is a wait for memory once the sums outgrow the caches, and read here in tight
    /// loops of independent loads (the first chunk of every customer, then every second chunk,
    /// and so on) they overlap instead of coming one by one. Returns a value made of what was
    /// read, so that the loads are not left out.
    func touch(_ customers: UnsafePointer<Int32>, count: Int) -> UInt64 {
        var touched: UInt64 = 0
        if chains.count < count { chains = .init(repeating: nil, count: count) }
        return chains.withUnsafeMutableBufferPointer { chains in
            for row in 0 ..< count {
                let customer = Int(customers[row])
                chains[row] = customer < customerCount ? headers[customer].first : nil
            }
            var more = true
            while more {
                more = false
                for row in 0 ..< count {
                    guard let chunk = chains[row] else { continue }
                    // The chunk's header and its first keys share a cache line.
                    touched &+= chunk.keys[0]
                    chains[row] = chunk.next
                    more = more || chains[row] != nil
                }
            }
            return touched
        }
    }

    /// Appends a new sum in the customer's last chunk, or in a new one; false without memory.
    private func append(customer: Int, key: OrderKey, day: Int32, amount: Int64, segments: UnsafePointer<Int32>?) -> Bool {
        var chunk = headers[customer].last
        if chunk == nil || chunk!.isFull {
            let capacity = chunk.map { min(Self.largestCapacity, 2 * $0.capacity) } ?? Self.firstCapacity
            guard let fresh = newChunk(capacity: capacity, group: customer >> Self.groupShift) else { return false }
            if let last = chunk { last.next = fresh } else { headers[customer].first = fresh }
            headers[customer].last = fresh
            chunk = fresh
        }
        let current = chunk!
        let count = current.count
        current.keys[count] = key.rawValue
        current.amounts[count] = amount
        current.days[count] = day
        current.lines[count] = 1
        if segmentCount > 0 {
            let values = current.segments + count * segmentCount
            for column in 0 ..< segmentCount { values[column] = segments?[column] ?? 0 }
        }
        current.count = count + 1
        recordCount += 1
        if count == 0 && current.capacity >= Self.indexedFrom && !isIndexed(customer) { index(customer) }
        return true
    }

    /// A chunk of `capacity` sums cut from the group's slab (a new slab when it has no room); nil without memory.
    private func newChunk(capacity requested: Int, group: Int) -> Chunk? {
        // A chunk fits a slab whatever the number of segment columns (at least one sum).
        let capacity = max(1, min(requested, (Self.slabBytes - Self.chunkHeader) / sumBytes))
        guard Self.chunkHeader + capacity * sumBytes <= Self.slabBytes else { return nil }
        let bytes = (Self.chunkHeader + capacity * sumBytes + 7) & ~7
        while slabs.count <= group {
            slabs.append([])
            slabUsed.append(Self.slabBytes)
        }
        if slabUsed[group] + bytes > Self.slabBytes {
            let slab = mmap(nil, Self.slabBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
            guard let slab, slab != MAP_FAILED else { return nil }
            slabs[group].append(slab)
            slabUsed[group] = 0
        }
        let start = slabs[group][slabs[group].count - 1] + slabUsed[group]
        slabUsed[group] += bytes
        start.storeBytes(of: nil, as: UnsafeMutableRawPointer?.self)
        start.storeBytes(of: UInt32(capacity), toByteOffset: 8, as: UInt32.self)
        start.storeBytes(of: UInt32(0), toByteOffset: 12, as: UInt32.self)
        return Chunk(start: start)
    }

    /// A new customer, numbered `customerCount`, without sums yet.
    /// False when the system has no memory for more customers (nothing is added then).
    private func addCustomer() -> Bool {
        if customerCount == headerCapacity {
            // Headers are plain values (pointers): moved by realloc, which can say no instead of stopping the program.
            guard let larger = realloc(headers, 2 * headerCapacity * MemoryLayout<Header>.stride) else { return false }
            headers = larger.assumingMemoryBound(to: Header.self)
            headerCapacity *= 2
        }
        (headers + customerCount).initialize(to: Header(first: nil, last: nil))
        if customerCount & 63 == 0 { indexed.append(0) }
        customerCount += 1
        return true
    }

    /// Calls `body` with each sum of the customer, first seen first, and its rank in that order.
    @inline(__always)
    func forEachSum(of customer: Int, _ body: (_ rank: Int, _ sum: Sum) -> Void) {
        var rank = 0
        for chunk in chunks(of: customer) {
            for index in 0 ..< chunk.count {
                body(rank, chunk.sum(index))
                rank += 1
            }
        }
    }

    /// The value id of segment slot `slot` kept with the customer's sum of rank `rank`.
    func segment(_ slot: Int, of customer: Int, rank: Int) -> Int32 {
        var skipped = 0
        for chunk in chunks(of: customer) {
            if rank < skipped + chunk.count { return chunk.segments[(rank - skipped) * segmentCount + slot] }
            skipped += chunk.count
        }
        preconditionFailure("customer \(customer) has no sum of rank \(rank)")
    }

    /// The number of sums of a customer.
    func sumCount(of customer: Int) -> Int {
        chunks(of: customer).reduce(0) { $0 + $1.count }
    }

    /// Gives back the sums of every customer below `customer` whose whole group of slabs is below
    /// it (customers are done in order): those customers have no sums afterwards.
    func release(upTo customer: Int) {
        let groups = min(customer >> Self.groupShift, slabs.count)
        for group in 0 ..< groups where !slabs[group].isEmpty {
            let customers = (group << Self.groupShift) ..< min(customerCount, (group + 1) << Self.groupShift)
            for index in customers {
                recordCount -= sumCount(of: index)
                headers[index] = Header(first: nil, last: nil)
                if isIndexed(index) {
                    places[index] = nil
                    indexed[index >> 6] &= ~(1 << UInt64(index & 63))
                }
            }
            for slab in slabs[group] { munmap(slab, Self.slabBytes) }
            slabs[group] = []
            slabUsed[group] = Self.slabBytes
        }
    }
}
