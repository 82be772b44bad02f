import CohortCore
import Dispatch
import Foundation

/// The customer and order ids of a table, interned on a second thread while the rows are parsed.
///
/// Reading a large file is two kinds of work of about equal cost: parsing each row
/// (fields, date, amount), and hashing and interning its two ids, which waits for memory once the
/// tables outgrow the caches. `TableBuilder` hands the ids' bytes over in batches of
/// rows; one serial queue interns them in row order into `ByteInterner`s and keeps
/// the ids until the builder takes them. Everything that touches the interners runs on
/// that queue, after the batches handed over before it, so the ids are exactly those
/// of interning row by row (tests compare both ways on the same files).
///
///     let interning = try IDInterning(concurrent: true)
///     interning.intern(customers: keys, orders: nil)   // returns at once
///     let (customerIDs, _) = try interning.takeIDs()    // waits for the batch
///
/// A table that cannot get its memory stops the interning; the next `takeIDs()` throws.
///
/// A class: it owns a queue and the interners, shared by copies of the builder.
final class IDInterning: @unchecked Sendable {
    // @unchecked: every property below is only touched on `queue` (or, when not
    // `concurrent`, on the one thread that uses this object), never at once.
    private var customers: ByteInterner
    private var orders: ByteInterner
    /// The first table that could not grow; nothing is interned after it.
    private var failure: MemoryError?
    /// Ids of the rows handed over and not taken yet, in row order.
    private var customerIDs: [Int32] = []
    private var orderIDs: [Int32] = []
    private let queue = DispatchQueue(label: "cohort.ingest.interning")
    /// Batches handed over and not interned yet, at most (bounds the memory they hold).
    private let room = DispatchSemaphore(value: 32)
    /// False: everything runs on the caller's thread (one core, or tests of the one-thread way).
    let concurrent: Bool

    /// Concurrent by default when there is more than one core.
    init(concurrent: Bool = ProcessInfo.processInfo.activeProcessorCount > 1) throws(MemoryError) {
        self.concurrent = concurrent
        customers = try ByteInterner(capacity: 1 << 14)
        orders = try ByteInterner(capacity: 1 << 14, keepsKeys: false)
    }

    /// Hands over the id bytes of a batch of rows (`orders` nil when the table has no order
    /// column; an empty key is an order without an id). The bytes must stay valid until
    /// the next `takeIDs()`.
    func intern(customers customerKeys: [UnsafeBufferPointer<UInt8>], orders orderKeys: [UnsafeBufferPointer<UInt8>]?) {
        guard concurrent else { return internNow(customerKeys, orderKeys) }
        room.wait()
        let batch = UncheckedSendable((customerKeys, orderKeys))
        queue.async {
            self.internNow(batch.value.0, batch.value.1)
            self.room.signal()
        }
    }

    /// Waits until every batch handed over is interned (their bytes are no longer read).
    func waitForBatches() {
        guard concurrent else { return }
        queue.sync {}
    }

    /// Makes room for the ids of `rows` more rows.
    func reserve(rows: Int) {
        onQueue {
            HugePages.reserve(&customerIDs, count: customerIDs.count + rows)
            HugePages.reserve(&orderIDs, count: orderIDs.count + rows)
        }
    }

    /// Waits for every batch handed over, and returns their ids in row order.
    func takeIDs() throws(MemoryError) -> (customers: [Int32], orders: [Int32]) {
        try onQueue { () throws(MemoryError) in
            if let failure { throw failure }
            defer { (customerIDs, orderIDs) = ([], []) }
            return (customerIDs, orderIDs)
        }
    }

    /// The number of order ids, dropping their table: call once every file is read, so that
    /// its memory (the largest part of reading) is free before the customer ids become strings.
    func releaseOrderTable() throws(MemoryError) -> Int {
        try onQueue { () throws(MemoryError) in
            let count = orders.count
            orders = try ByteInterner(capacity: 1, keepsKeys: false)
            return count
        }
    }

    /// Runs `body` with the interners, after every batch handed over.
    func withInterners<Result>(_ body: (inout ByteInterner, inout ByteInterner) throws(MemoryError) -> Result) throws(MemoryError) -> Result {
        try onQueue { () throws(MemoryError) in
            if let failure { throw failure }
            return try body(&customers, &orders)
        }
    }

    private func internNow(_ customerKeys: [UnsafeBufferPointer<UInt8>], _ orderKeys: [UnsafeBufferPointer<UInt8>]?) {
        guard failure == nil else { return }
        do {
            try Self.intern(customerKeys, with: &customers, into: &customerIDs)
            if let orderKeys { try Self.intern(orderKeys, with: &orders, into: &orderIDs) }
        } catch {
            failure = error
        }
    }

    private static func intern(_ keys: [UnsafeBufferPointer<UInt8>], with interner: inout ByteInterner,
                               into ids: inout [Int32]) throws(MemoryError) {
        let start = ids.count
        ids.append(contentsOf: repeatElement(0, count: keys.count))
        try keys.withUnsafeBufferPointer { keys throws(MemoryError) in
            try ids.withUnsafeMutableBufferPointer { ids throws(MemoryError) in try interner.intern(keys, into: ids.baseAddress! + start) }
        }
    }

    /// `body` on the interning queue (after every batch handed over), or here when not `concurrent`.
    private func onQueue<Value>(_ body: () throws(MemoryError) -> Value) throws(MemoryError) -> Value {
        guard concurrent else { return try body() }
        let outcome: Result<Value, MemoryError> = queue.sync {
            do throws(MemoryError) { return .success(try body()) } catch { return .failure(error) }
        }
        return try outcome.get()
    }

    /// `body` on the interning queue, for work that cannot fail.
    private func onQueue(_ body: () -> Void) {
        if concurrent { queue.sync(execute: body) } else { body() }
    }
}

/// A value handed to the interning queue, which alone uses it from then on.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
