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
///     let interning = IDInterning(concurrent: true)
///     interning.intern(customers: keys, orders: nil)   // returns at once
///     let (customerIDs, _) = interning.takeIDs()        // waits for the batch
///
/// A class: it owns a queue and the interners, shared by copies of the builder.
final class IDInterning: @unchecked Sendable {
    // @unchecked: every property below is only touched on `queue` (or, when not
    // `concurrent`, on the one thread that uses this object), never at once.
    private var customers = ByteInterner(capacity: 1 << 14)
    private var orders = ByteInterner(capacity: 1 << 14, keepsKeys: false)
    /// Ids of the rows handed over and not taken yet, in row order.
    private var customerIDs: [Int32] = []
    private var orderIDs: [Int32] = []
    private let queue = DispatchQueue(label: "cohort.ingest.interning")
    /// Batches handed over and not interned yet, at most (bounds the memory they hold).
    private let room = DispatchSemaphore(value: 32)
    /// False: everything runs on the caller's thread (one core, or tests of the one-thread way).
    let concurrent: Bool

    /// Concurrent by default when there is more than one core.
    init(concurrent: Bool = ProcessInfo.processInfo.activeProcessorCount > 1) {
        self.concurrent = concurrent
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

    /// Makes room for the ids of `rows` more rows.
    func reserve(rows: Int) {
        onQueue {
            HugePages.reserve(&customerIDs, count: customerIDs.count + rows)
            HugePages.reserve(&orderIDs, count: orderIDs.count + rows)
        }
    }

    /// Waits for every batch handed over, and returns their ids in row order.
    func takeIDs() -> (customers: [Int32], orders: [Int32]) {
        onQueue {
            defer { (customerIDs, orderIDs) = ([], []) }
            return (customerIDs, orderIDs)
        }
    }

    /// The number of order ids, dropping their table: call once every file is read, so that
    /// its memory (the largest part of reading) is free before the customer ids become strings.
    func releaseOrderTable() -> Int {
        onQueue {
            defer { orders = ByteInterner(capacity: 1, keepsKeys: false) }
            return orders.count
        }
    }

    /// Runs `body` with the interners, after every batch handed over.
    func withInterners<Result>(_ body: (inout ByteInterner, inout ByteInterner) -> Result) -> Result {
        onQueue { body(&customers, &orders) }
    }

    private func internNow(_ customerKeys: [UnsafeBufferPointer<UInt8>], _ orderKeys: [UnsafeBufferPointer<UInt8>]?) {
        Self.intern(customerKeys, with: &customers, into: &customerIDs)
        if let orderKeys { Self.intern(orderKeys, with: &orders, into: &orderIDs) }
    }

    private static func intern(_ keys: [UnsafeBufferPointer<UInt8>], with interner: inout ByteInterner, into ids: inout [Int32]) {
        let start = ids.count
        ids.append(contentsOf: repeatElement(0, count: keys.count))
        keys.withUnsafeBufferPointer { keys in
            ids.withUnsafeMutableBufferPointer { ids in interner.intern(keys, into: ids.baseAddress! + start) }
        }
    }

    private func onQueue<Result>(_ body: () -> Result) -> Result {
        concurrent ? queue.sync(execute: body) : body()
    }
}

/// A value handed to the interning queue, which alone uses it from then on.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
