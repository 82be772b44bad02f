import CohortCore
import Dispatch
import Foundation

/// The rows of `SumsBuilder` folded on other threads while the next rows are parsed: each
/// batch's customer ids interned together, its order ids packed into `OrderKey`s (an id that fits
/// no packed form interned), and each line written to the spill file in its customer's partition
/// (`SumsSpill`), to be summed there later; the days tallied and the magnitudes of the amounts
/// added up.
///
/// Two serial queues fold the batches in the order they are handed over, one after the other: the
/// first interns a batch's customer ids while the second writes the batch before it to the spill,
/// so that neither half waits for the other (with a million customers, the folding on one thread
/// was busy for most of the reading and set its pace). The lines reach the spill in reading
/// order, exactly as when folded row by row (tests compare both ways). Batches
/// come from a pool and go back to it once folded; the reading thread waits for a free one
/// (`emptyBatch`), so the rows it hands over stay few; chunks read on other threads take spare
/// ones (`spareBatch`, the pool grows to the batches of the chunks in flight) and wait for the
/// folding instead (`waitForBacklog`).
///
///     let folding = try SumsFolding(segmentCount: 0, concurrent: true, spillDirectory: "/tmp")
///     folding.handOver(batch)         // returns at once
///     folding.waitForBatches()        // the batch's bytes are no longer read
///
/// A system that has no memory for the ids, or no room for the spill, stops the folding; the next
/// `check()` throws.
///
/// A class: it owns the queues, the ids and the spill, shared by copies of the builder.
final class SumsFolding: @unchecked Sendable {
    // @unchecked: `customers` and `internFailure` are only touched on `interning`, the rest below
    // on `spilling` (or, when not `concurrent`, all on the one thread that uses this object),
    // never at once; the pool is guarded by `lock`.
    /// The lines, written to a file to be summed a partition of customers at a time.
    let spill: SumsSpill
    private(set) var customers: ByteInterner
    /// Order ids that fit no `OrderKey` form, numbered (`OrderKey.interned`).
    private var orderIDs: ByteInterner
    /// Per day the rows read and the first of them.
    private(set) var days = DayTally()
    private var amountMagnitude: UInt64 = 0
    private(set) var amountTotalFits = true
    /// The first failure of each queue (no memory for the ids; no memory or room for the spill).
    private var internFailure: IngestError?
    private var spillFailure: IngestError?
    /// The batch the builder is filling (read and written on the builder's thread only).
    var filling: SumsBatch?
    /// The batches handed over and not folded yet, oldest first (guarded by `lock`).
    private var inFlight: [SumsBatch] = []

    private let interning = DispatchQueue(label: "cohort.ingest.sums.interning")
    private let spilling = DispatchQueue(label: "cohort.ingest.sums.spilling")
    /// Guards the pool and `inFlight`; signalled when a batch is folded (`waitForBacklog`).
    private let lock = NSCondition()
    private var pool: [SumsBatch] = []
    private let free: DispatchSemaphore
    /// False: every batch is folded on the caller's thread (one core, or tests of the one-thread way).
    let concurrent: Bool

    /// `concurrent`: fold on a second thread (nil: when there is more than one core). `spillDirectory`:
    /// where the lines are written (`SumsSpill`), in partitions of 2^`partitionShift` customers.
    /// `keepsCustomerIDs`: whether the customer ids' bytes are kept, to be made strings at the end.
    init(segmentCount: Int, concurrent: Bool? = nil, spillDirectory: String, partitionShift: Int = SumsSpill.defaultPartitionShift,
         keepsCustomerIDs: Bool = true) throws(IngestError) {
        self.concurrent = concurrent ?? (ProcessInfo.processInfo.activeProcessorCount > 1)
        spill = try SumsSpill(segmentCount: segmentCount, directory: spillDirectory, partitionShift: partitionShift)
        customers = try IngestError.orOutOfMemory { () throws(MemoryError) in try ByteInterner(capacity: 1 << 14, keepsKeys: keepsCustomerIDs) }
        orderIDs = try IngestError.orOutOfMemory { () throws(MemoryError) in try ByteInterner(capacity: 16, keepsKeys: false) }
        let poolSize = self.concurrent ? 4 : 1
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

    /// An empty batch from the pool when one is free, else a new one (that joins the pool once
    /// folded): for chunks read on other threads (`ChunkedReading`), which must not wait for the
    /// folding they feed. Any thread.
    func spareBatch() -> SumsBatch {
        // The last batch of the pool is left to the reading thread, which waits for one in
        // `emptyBatch()` when it reads a chunk again in order: a chunk thread never takes it away.
        if free.wait(timeout: .now()) == .success {
            if let batch = lock.withLock({ pool.count > 1 ? pool.removeLast() : nil }) { return batch }
            free.signal()
        }
        return SumsBatch(segmentCount: spill.segmentCount)
    }

    /// Puts batches not handed over back in the pool (a chunk read again in order). Any thread.
    func giveBack(_ batches: [SumsBatch]) {
        for batch in batches {
            batch.clear()
            lock.withLock { pool.append(batch) }
            free.signal()
        }
    }

    /// Folds a batch (on the two queues when `concurrent`); it goes back to the pool afterwards.
    /// Its id bytes must stay valid until `waitForBatches()`.
    func handOver(_ batch: SumsBatch) {
        guard concurrent else {
            let interned = intern(batch)
            return write(batch, interned: interned)
        }
        lock.withLock { inFlight.append(batch) }
        interning.async {
            let interned = self.intern(batch)
            self.spilling.async { self.write(batch, interned: interned) }
        }
    }

    /// The first byte of the input that a batch handed over and not folded yet, or the batch being
    /// filled, still points to (nil: none): the input before it may be given back. Waits for nothing.
    var firstInputByteInUse: UnsafeRawPointer? {
        lock.withLock { inFlight.lazy.compactMap(\.firstInputByte).first } ?? filling?.firstInputByte
    }

    /// Waits until at most `count` batches handed over are not folded yet: chunks read on other
    /// threads (`ChunkedReading`) wait so, so that rows read faster than they are folded do not
    /// pile up in memory.
    func waitForBacklog(atMost count: Int) {
        guard concurrent else { return }
        lock.lock()
        while inFlight.count > count { lock.wait() }
        lock.unlock()
    }

    /// Waits until every batch handed over is folded (their bytes are no longer read).
    func waitForBatches() {
        guard concurrent else { return }
        interning.sync {} // every batch handed over is on `spilling` then
        spilling.sync {}
    }

    /// Throws the first failure to find memory or write the spill, after every batch handed over.
    func check() throws(IngestError) {
        waitForBatches()
        if let failure = internFailure ?? spillFailure { throw failure }
    }

    /// Writes the last lines of the spill (after `check()`, once every row is folded).
    func finishSpill() throws(IngestError) {
        try spill.finish(customerCount: customers.count)
    }

    /// Interns the batch's customer ids (on `interning`); false when they were not (a failure, now or before).
    private func intern(_ batch: SumsBatch) -> Bool {
        guard internFailure == nil else { return false }
        do throws(IngestError) {
            try IngestError.orOutOfMemory { () throws(MemoryError) in
                try customers.intern(UnsafeBufferPointer(start: batch.customerKeys, count: batch.count), into: batch.customer)
            }
            return true
        } catch {
            internFailure = error
            return false
        }
    }

    /// Writes the batch's lines to the spill when its ids were `interned` (on `spilling`), and
    /// puts the batch back in the pool.
    private func write(_ batch: SumsBatch, interned: Bool) {
        if interned && spillFailure == nil {
            // One access to each of this object's values for the whole batch, not one per row.
            do {
                try spill.writing { writer throws(IngestError) in
                    try Self.add(batch, to: &writer, orderIDs: &orderIDs, days: &days, amountMagnitude: &amountMagnitude,
                                 amountTotalFits: &amountTotalFits)
                }
            } catch {
                spillFailure = error
            }
        }
        lock.withLock {
            if let index = inFlight.firstIndex(where: { $0 === batch }) { inFlight.remove(at: index) }
            batch.clear()
            pool.append(batch)
            lock.broadcast()
        }
        free.signal()
    }

    /// Writes the batch's lines to the spill, with their order keys (numbering the order ids that
    /// fit no packed form), and tallies their days and amounts.
    private static func add(_ batch: SumsBatch, to spill: inout SumsSpill.Writer, orderIDs: inout ByteInterner, days: inout DayTally,
                            amountMagnitude: inout UInt64, amountTotalFits: inout Bool) throws(IngestError) {
        let segmentCount = spill.segmentCount, hasOrderColumn = batch.hasOrderColumn
        days.add(days: batch.rows(batch.day), lines: batch.rows(batch.line), lineOffset: batch.lineOffset, file: batch.file)
        for row in 0 ..< batch.count {
            let day = batch.day[row], amount = batch.amount[row]
            let orderBytes = batch.orderKeys[row]
            let key: OrderKey
            if hasOrderColumn && !orderBytes.isEmpty {
                if let packed = OrderKey(bytes: orderBytes) {
                    key = packed
                } else {
                    key = .interned(try IngestError.orOutOfMemory { () throws(MemoryError) in try orderIDs.intern(orderBytes) })
                }
            } else {
                key = .single(positive: amount > 0) // an order of its own (METRICS.md, "Input model")
            }
            let segments = segmentCount == 0 ? nil : UnsafePointer(batch.segments + row * segmentCount)
            try spill.add(customer: batch.customer[row], key: key, day: day, amount: amount, segments: segments)
            let (total, overflow) = amountMagnitude.addingReportingOverflow(amount.magnitude)
            if overflow || total > UInt64(Int64.max) { amountTotalFits = false }
            amountMagnitude = total
        }
    }
}
