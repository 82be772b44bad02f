import CohortCore

/// Where the rows of one chunk read on a thread of its own go (`ChunkedReading`): batches of
/// rows, kept until the chunk before is taken in, then handed over to be folded in reading order
/// (`SumsBuilder.take(_:rejected:rowsRead:lineOffset:)`), or put back when the chunk is read again in order.
///
/// Only for files read without segment columns: segment values are numbered as first read, so
/// they are interned in reading order, on the one reading thread (`SumsBuilder`).
struct ChunkRows: RowSink {
    var rowsRead = 0
    var rejected: [RejectedRow] = []
    /// The batches filled, in reading order (the last one after `takeIDs()`).
    private(set) var batches: [SumsBatch] = []
    private var batch: SumsBatch
    private let folding: SumsFolding

    init(folding: SumsFolding) {
        self.folding = folding
        batch = folding.spareBatch()
    }

    mutating func beginFile(source: String, hasOrderColumn: Bool, expectedRows: Int) {}

    mutating func noteSegmentColumns(_ found: [Int?]) {}

    @inline(__always)
    mutating func append(customerBytes: UnsafeBufferPointer<UInt8>, day: Int, amount: Int64, orderBytes: UnsafeBufferPointer<UInt8>?,
                         at position: RecordPosition) {
        if batch.isFull { nextBatch() }
        batch.append(customerBytes: customerBytes, day: day, amount: amount, orderBytes: orderBytes, line: position.line)
    }

    mutating func appendNow(customerBytes: UnsafeBufferPointer<UInt8>, day: Int, amount: Int64, orderBytes: UnsafeBufferPointer<UInt8>?,
                            at position: RecordPosition) {
        let bytes = customerBytes.count + (orderBytes?.count ?? 0)
        if !batch.hasRoom(forBytes: bytes) {
            if !batch.isEmpty { nextBatch() }
            batch.makeRoom(forBytes: bytes)
        }
        let customer = batch.keep(customerBytes)
        let order = orderBytes.map { batch.keep($0) }
        append(customerBytes: customer, day: day, amount: amount, orderBytes: order, at: position)
    }

    mutating func appendSegment(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
        preconditionFailure("chunks are read only without segment columns")
    }

    /// Ends the chunk: the batch being filled joins the others.
    mutating func takeIDs() {
        guard !batch.isEmpty else { return }
        nextBatch()
    }

    mutating func endFile(rawText: (RecordPosition) -> String) {}

    var interningBarrier: () -> UnsafeRawPointer? { { nil } }

    mutating func reading<Result>(_ read: (inout ChunkRows) throws(IngestError) -> Result) throws(IngestError) -> Result {
        try read(&self)
    }

    /// The batches filled, and the empty one back to the pool: call once, after the chunk is read.
    mutating func finish() -> [SumsBatch] {
        takeIDs()
        folding.giveBack([batch])
        let filled = batches
        batches = []
        return filled
    }

    private mutating func nextBatch() {
        batches.append(batch)
        batch = folding.spareBatch()
    }
}
