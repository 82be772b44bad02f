import CohortCore
import Dispatch
import Foundation

/// The rows of `SumsBuilder` folded into their sums on a second thread while the next rows are
/// parsed: each batch's customer ids interned together, its order ids packed into `OrderKey`s
/// (an id that fits no packed form interned), and each line added to its customer's sums
/// (`OrderDayLists`); the days tallied and the magnitudes of the amounts added up.
///
/// One serial queue folds the batches in the order they are handed over, so the sums are
/// exactly those of folding row by row (tests compare both ways). Batches come from a small
/// pool and go back to it once folded; `handOver` waits for a free one, so the rows waiting
/// stay few.
///
///     let folding = try SumsFolding(segmentCount: 0, concurrent: true)
///     folding.handOver(batch)         // returns at once
///     folding.waitForBatches()        // the batch's bytes are no longer read
///
/// A system that has no memory for the sums stops the folding; the next `check()` throws.
///
/// A class: it owns a queue and the sums, shared by copies of the builder.
final class SumsFolding: @unchecked Sendable {
    // @unchecked: the state below is only touched on `queue` (or, when not `concurrent`, on the
    // one thread that uses this object), never at once; the pool is guarded by `lock`.
    let lists: OrderDayLists
    private(set) var customers: ByteInterner
    /// Order ids that fit no `OrderKey` form, numbered (`OrderKey.interned`).
    private var orderIDs: ByteInterner
    /// Per day the rows read and the first of them.
    private(set) var days = DayTally()
    private var amountMagnitude: UInt64 = 0
    private(set) var amountTotalFits = true
    /// What `OrderDayLists.touch` read (kept so that its loads are not left out).
    private(set) var touched: UInt64 = 0
    private var failure: MemoryError?
    /// The batch the builder is filling (read and written on the builder's thread only).
    var filling: SumsBatch?
    /// The batches handed over and not folded yet, oldest first (guarded by `lock`).
    private var inFlight: [SumsBatch] = []

    private let queue = DispatchQueue(label: "cohort.ingest.sums")
    private let lock = NSLock()
    private var pool: [SumsBatch] = []
    private let free: DispatchSemaphore
    /// False: every batch is folded on the caller's thread (one core, or tests of the one-thread way).
    let concurrent: Bool

    init(segmentCount: Int, concurrent: Bool = ProcessInfo.processInfo.activeProcessorCount > 1) throws(MemoryError) {
        self.concurrent = concurrent
        lists = OrderDayLists(segmentCount: segmentCount)
        customers = try ByteInterner(capacity: 1 << 14)
        orderIDs = try ByteInterner(capacity: 16, keepsKeys: false)
        let poolSize = concurrent ? 4 : 1
        pool = (0 ..< poolSize).map { _ in SumsBatch(segmentCount: segmentCount) }
        // Counted up from 0: a semaphore given back below its starting value is a crash in libdispatch,
        // and the builder keeps the batch it fills to the end.
        free = DispatchSemaphore(value: 0)
        for _ in 0 ..< poolSize { free.signal() }
    }

    /// An empty batch from the pool (waits until one is free).
    func emptyBatch() -> SumsBatch {
        free.wait()
        return lock.withLock { pool.removeLast() }
    }

    /// Folds a batch (on the queue when `concurrent`); it goes back to the pool afterwards.
    /// Its id bytes must stay valid until `waitForBatches()`.
    func handOver(_ batch: SumsBatch) {
        guard concurrent else { return fold(batch) }
        lock.withLock { inFlight.append(batch) }
        queue.async { self.fold(batch) }
    }

    /// The first byte of the input that a batch handed over and not folded yet, or the batch being
    /// filled, still points to (nil: none): the input before it may be given back. Waits for nothing.
    var firstInputByteInUse: UnsafeRawPointer? {
        lock.withLock { inFlight.lazy.compactMap(\.firstInputByte).first } ?? filling?.firstInputByte
    }

    /// Waits until every batch handed over is folded (their bytes are no longer read).
    func waitForBatches() {
        guard concurrent else { return }
        queue.sync {}
    }

    /// Throws the first failure to find memory, after every batch handed over.
    func check() throws(MemoryError) {
        waitForBatches()
        if let failure { throw failure }
    }

    /// Rows whose sums `OrderDayLists.touch` reads ahead at a time.
    private static let touchedRows = 256

    private func fold(_ batch: SumsBatch) {
        if failure == nil {
            do { try sum(batch) } catch { failure = error }
        }
        lock.withLock {
            if let index = inFlight.firstIndex(where: { $0 === batch }) { inFlight.remove(at: index) }
            batch.clear()
            pool.append(batch)
        }
        free.signal()
    }

    private func sum(_ batch: SumsBatch) throws(MemoryError) {
        try customers.intern(UnsafeBufferPointer(start: batch.customerKeys, count: batch.count), into: batch.customer)
        let segmentCount = lists.segmentCount
        for row in 0 ..< batch.count {
            // A stretch of rows' sums read ahead, few enough that they are still in the cache when added to.
            if row % Self.touchedRows == 0 {
                touched &+= lists.touch(batch.customer + row, count: min(Self.touchedRows, batch.count - row))
            }
            let day = batch.day[row], amount = batch.amount[row]
            let orderBytes = batch.orderKeys[row]
            let key: OrderKey
            if batch.hasOrderColumn && !orderBytes.isEmpty {
                if let packed = OrderKey(bytes: orderBytes) { key = packed } else { key = .interned(try orderIDs.intern(orderBytes)) }
            } else {
                key = .single(positive: amount > 0) // an order of its own (METRICS.md, "Input model")
            }
            let added = lists.add(customer: Int(batch.customer[row]), key: key, day: day, amount: amount,
                                  segments: segmentCount == 0 ? nil : UnsafePointer(batch.segments + row * segmentCount))
            guard added else { throw MemoryError(bytes: 24 * 64) }
            days.add(day: Int(day), file: batch.file, line: Int(batch.line[row]))
            let (total, overflow) = amountMagnitude.addingReportingOverflow(amount.magnitude)
            if overflow || total > UInt64(Int64.max) { amountTotalFits = false }
            amountMagnitude = total
        }
    }
}
