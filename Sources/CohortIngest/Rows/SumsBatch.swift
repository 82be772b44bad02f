/// The rows `SumsBuilder` was given since it last handed a batch over: a `RowBatch` (id bytes,
/// day, amount, line) with the rows' segment values, and room for their interned customers.
///
/// Id bytes point into the input, or into `kept`, a buffer of its own for ids that were in a
/// scratch buffer or a waiting row (valid until `clear()`).
///
/// A class: it owns its buffers. One builder fills it, then hands it to `SumsFolding`, which
/// folds it and puts it back in its pool: one thread at a time uses it.
final class SumsBatch: RowBatch, @unchecked Sendable {
    /// The interned customer of each row, once summed.
    let customer = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    /// Row `r`'s segment values are at `r * segmentCount ..< (r + 1) * segmentCount`.
    let segments: UnsafeMutablePointer<Int32>
    /// Whether the rows' file has an order column, and its number among the files read.
    var hasOrderColumn = false
    var file = 0
    /// Added to each row's line: a chunk read on another thread counts its lines from 1 (`ChunkedReading`).
    var lineOffset = 0
    private var kept: UnsafeMutableBufferPointer<UInt8> = .allocate(capacity: 1 << 16)
    private var keptCount = 0

    init(segmentCount: Int) {
        segments = .allocate(capacity: max(1, segmentCount * Self.capacity))
    }

    deinit {
        customer.deallocate()
        segments.deallocate()
        kept.deallocate()
    }

    /// Whether one more row with `bytes` of ids to keep fits.
    func hasRoom(forBytes bytes: Int) -> Bool {
        !isFull && keptCount + bytes <= kept.count
    }

    /// Makes room to keep `bytes` of ids in an empty batch.
    func makeRoom(forBytes bytes: Int) {
        precondition(isEmpty, "room is made in an empty batch")
        guard bytes > kept.count else { return }
        kept.deallocate()
        kept = .allocate(capacity: bytes * 2)
    }

    /// A copy of `bytes` that stays until `clear()` (room made before).
    func keep(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        precondition(keptCount + bytes.count <= kept.count, "room is made before ids are kept")
        let start = kept.baseAddress! + keptCount
        if let source = bytes.baseAddress { start.update(from: source, count: bytes.count) }
        keptCount += bytes.count
        return UnsafeBufferPointer(start: start, count: bytes.count)
    }

    /// Whether `bytes` were kept here (and do not point into the input).
    func isKept(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress, let base = kept.baseAddress else { return false }
        return start >= base && start < base + kept.count
    }

    /// The first id byte of the input a row of the batch points to (rows of kept ids skipped); nil when none does.
    var firstInputByte: UnsafeRawPointer? {
        for row in 0 ..< count where !isKept(customerKeys[row]) {
            let customer = customerKeys[row].baseAddress.map(UnsafeRawPointer.init)
            let order = orderKeys[row].baseAddress.map(UnsafeRawPointer.init)
            switch (customer, order) {
            case let (customer?, order?): return min(customer, order)
            case let (customer, order): return customer ?? order
            }
        }
        return nil
    }

    /// Empties the batch (kept ids go too).
    func clear() {
        count = 0
        keptCount = 0
        lineOffset = 0
    }
}
