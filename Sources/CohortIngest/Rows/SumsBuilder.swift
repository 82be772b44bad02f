import CohortCore

/// Reads the rows of an order file for `OrderSums`: each row's customer and order interned and
/// the line written to a temporary file, in partitions of customers (`SumsSpill`), to be summed
/// per customer, order and day a partition at a time afterwards. No column of the rows is kept
/// in memory, so that memory follows the customers, not the rows.
///
/// Rows are parsed here and folded in batches on a second thread (`SumsFolding`); segment values
/// are interned here, as they come.
///
///     var builder = try SumsBuilder(segmentColumns: [], spillDirectory: "/tmp")
///     try builder.beginFile(source: "orders.csv", hasOrderColumn: true, expectedRows: 0)
///     try rows.read(&records, into: &builder)
///     try builder.endFile(rawText: records.rawText(of:))
///     let sums = builder.sums()
///
/// One file only: rows that repeat an earlier file are found in an order table (`TableBuilder`),
/// which keeps the rows to compare.
///
/// Complexity: O(rows); memory O(customers), not O(rows); disk 20 bytes per row (and 4 per segment column).
struct SumsBuilder: RowSink {
    var rowsRead = 0
    var rejected: [RejectedRow] = []
    /// Chunks read on other threads and taken in, and read again in order (`ChunkedReading`).
    var chunks = (taken: 0, readAgain: 0)
    /// The rows handed over are folded into their sums there (on a second thread with more than one core).
    private let folding: SumsFolding
    /// The segment columns asked for, their values, and whether the file has each.
    private let segmentNames: [String]
    private var segmentInterners: [ByteInterner]
    private var segmentFound: [Bool]
    private var fileHasOrderColumn = false
    private var fileNumber = -1
    private var rejectedBeforeFile = 0
    /// The rows given since the last batch was handed over.
    private var batch: SumsBatch
    /// Bytes per chunk when a large file is read in chunks on several threads (`ChunkedReading`); nil: in order.
    private let chunkBytes: Int?

    /// `concurrent`: fold on a second thread (nil: when there is more than one core). `spillDirectory`:
    /// where the lines are written, to be summed a partition of customers at a time (`SumsSpill`).
    /// `chunkBytes`: read a file of at least four chunks in chunks on several threads (nil: in order).
    init(segmentColumns: [String], concurrent: Bool? = nil, spillDirectory: String,
         partitionShift: Int = SumsSpill.defaultPartitionShift, chunkBytes: Int? = nil, keepsCustomerIDs: Bool = true) throws(IngestError) {
        segmentNames = segmentColumns
        self.chunkBytes = chunkBytes
        segmentFound = segmentColumns.map { _ in false }
        folding = try SumsFolding(segmentCount: segmentColumns.count, concurrent: concurrent, spillDirectory: spillDirectory,
                                  partitionShift: partitionShift, keepsCustomerIDs: keepsCustomerIDs)
        segmentInterners = try IngestError.orOutOfMemory { () throws(MemoryError) in
            try segmentColumns.map { _ throws(MemoryError) in try ByteInterner(capacity: 64) }
        }
        batch = folding.emptyBatch()
        folding.filling = batch
    }

    mutating func beginFile(source: String, hasOrderColumn: Bool, expectedRows: Int) throws(IngestError) {
        try takeIDs()
        fileNumber += 1
        fileHasOrderColumn = hasOrderColumn
        rejectedBeforeFile = rejected.count
    }

    mutating func noteSegmentColumns(_ found: [Int?]) {
        for (column, index) in found.enumerated() where index != nil { segmentFound[column] = true }
    }

    mutating func endFile(rawText: (RecordPosition) -> String) throws(IngestError) {
        try takeIDs()
        rejected[rejectedBeforeFile...].sort { $0.line < $1.line }
    }

    /// The first byte of the input a row not folded yet points to: the folding goes on meanwhile.
    var interningBarrier: () -> UnsafeRawPointer? {
        let folding = folding
        return { folding.firstInputByteInUse }
    }

    mutating func reading<Result>(_ read: (inout SumsBuilder) throws(IngestError) -> Result) throws(IngestError) -> Result {
        do {
            return try read(&self)
        } catch {
            folding.waitForBatches()
            throw error
        }
    }

    // MARK: - Rows

    /// Reads the rows of `records` with `rows`: the first chunk in order, the rest in chunks on
    /// several threads (`ChunkedReading`) when the file is large, there is more than one core and
    /// no segment column (their values are numbered as first read); else in order.
    mutating func readRows(_ rows: inout RowReader, of records: inout CSVRecords) throws(IngestError) {
        guard let chunkBytes, segmentNames.isEmpty, folding.concurrent, records.file != nil,
              records.bytes.count - records.position >= 4 * chunkBytes else {
            return try rows.read(&records, into: &self)
        }
        // The first chunk in order: it settles the conventions the chunks read with.
        records.stop(at: records.position + chunkBytes)
        try rows.read(&records, into: &self)
        records.stop(at: nil)
        if rows.canReadInChunks {
            try ChunkedReading(chunkBytes: chunkBytes, folding: folding).read(&rows, &records, into: &self)
        }
        try rows.read(&records, into: &self)
    }

    /// Hands over the batches of a chunk read on another thread (`ChunkedReading`), after every
    /// row given before; its lines counted from 1, `lineOffset` before the file's.
    mutating func take(_ batches: [SumsBatch], rejected chunkRejected: [RejectedRow], rowsRead chunkRowsRead: Int, lineOffset: Int) {
        handOverBatch()
        chunks.taken += 1
        for batch in batches {
            batch.hasOrderColumn = fileHasOrderColumn
            batch.file = fileNumber
            batch.lineOffset = lineOffset
            folding.handOver(batch)
        }
        rowsRead += chunkRowsRead
        for var row in chunkRejected {
            row.line += lineOffset
            rejected.append(row)
        }
    }

    @inline(__always)
    mutating func append(customerBytes: UnsafeBufferPointer<UInt8>, day: Int, amount: Int64, orderBytes: UnsafeBufferPointer<UInt8>?,
                         at position: RecordPosition) throws(IngestError) {
        // A full batch is handed over when the next row comes: the last row's segment values are in by then.
        if batch.isFull { handOverBatch() }
        batch.append(customerBytes: customerBytes, day: day, amount: amount, orderBytes: orderBytes, line: position.line)
    }

    mutating func appendNow(customerBytes: UnsafeBufferPointer<UInt8>, day: Int, amount: Int64, orderBytes: UnsafeBufferPointer<UInt8>?,
                            at position: RecordPosition) throws(IngestError) {
        let bytes = customerBytes.count + (orderBytes?.count ?? 0)
        if !batch.hasRoom(forBytes: bytes) {
            handOverBatch()
            batch.makeRoom(forBytes: bytes)
        }
        let customer = batch.keep(customerBytes)
        let order = orderBytes.map { batch.keep($0) }
        try append(customerBytes: customer, day: day, amount: amount, orderBytes: order, at: position)
    }

    @inline(__always)
    mutating func appendSegment(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) throws(IngestError) {
        let id = try IngestError.orOutOfMemory { () throws(MemoryError) in try segmentInterners[column].intern(bytes) }
        batch.segments[(batch.count - 1) * segmentNames.count + column] = id
    }

    /// Hands the batch over to be folded, and takes an empty one.
    private mutating func handOverBatch() {
        guard !batch.isEmpty else { return }
        batch.hasOrderColumn = fileHasOrderColumn
        batch.file = fileNumber
        folding.handOver(batch)
        batch = folding.emptyBatch()
        folding.filling = batch
    }

    /// Folds every row given so far, and waits for it (at the end of each `RowReader.read`).
    mutating func takeIDs() throws(IngestError) {
        handOverBatch()
        try folding.check()
    }

    // MARK: - Result

    /// Per day the rows read and the first of them (after `takeIDs()`).
    var days: DayTally { folding.days }

    /// The sums read, with the customer ids as strings when they were kept (`keepsCustomerIDs`);
    /// call once, after the last file (and `takeIDs()`).
    func sums() throws(IngestError) -> OrderSums {
        precondition(batch.isEmpty, "takeIDs() before sums()")
        try folding.finishSpill()
        let slots = segmentNames.indices.filter { segmentFound[$0] }
        let segments = slots.map { column in
            SegmentColumn(name: segmentNames[column], values: segmentInterners[column].allStrings(), source: .rows([]))
        }
        return OrderSums(spill: folding.spill, customerCount: folding.customers.count,
                         customerIDs: folding.customers.keepsKeys ? folding.customers.allStrings() : [], days: folding.days.range,
                         segments: segments, segmentSlots: slots, amountTotalFits: folding.amountTotalFits)
    }
}
