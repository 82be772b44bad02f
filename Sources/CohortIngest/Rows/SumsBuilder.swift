import CohortCore

/// Sums the rows of an order file into order lines per customer, order and day
/// (`OrderDayLists`) while they are read: no column of the rows is kept, so that memory follows
/// the orders, not the rows (`OrderSums`).
///
/// Rows are parsed here and folded into their sums in batches on a second thread (`SumsFolding`);
/// segment values are interned here, as they come.
///
///     var builder = try SumsBuilder(segmentColumns: [])
///     try builder.beginFile(source: "orders.csv", hasOrderColumn: true, expectedRows: 0)
///     try rows.read(&records, into: &builder)
///     try builder.endFile(rawText: records.rawText(of:))
///     let sums = builder.sums()
///
/// One file only: rows that repeat an earlier file are found in an order table (`TableBuilder`),
/// which keeps the rows to compare.
///
/// Complexity: O(rows × sums of a customer); memory O(customers + sums), not O(rows).
struct SumsBuilder: RowSink {
    var rowsRead = 0
    var rejected: [RejectedRow] = []
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

    /// `concurrent`: fold on a second thread (nil: when there is more than one core).
    init(segmentColumns: [String], concurrent: Bool? = nil) throws(IngestError) {
        segmentNames = segmentColumns
        segmentFound = segmentColumns.map { _ in false }
        do throws(MemoryError) {
            if let concurrent {
                folding = try SumsFolding(segmentCount: segmentColumns.count, concurrent: concurrent)
            } else {
                folding = try SumsFolding(segmentCount: segmentColumns.count)
            }
            segmentInterners = try segmentColumns.map { _ throws(MemoryError) in try ByteInterner(capacity: 64) }
        } catch {
            throw .outOfMemory(bytes: error.bytes)
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
        let id: Int32
        do { id = try segmentInterners[column].intern(bytes) } catch { throw .outOfMemory(bytes: error.bytes) }
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
        do { try folding.check() } catch { throw .outOfMemory(bytes: error.bytes) }
    }

    // MARK: - Result

    /// Per day the rows read and the first of them (after `takeIDs()`).
    var days: DayTally { folding.days }

    /// The sums read; call once, after the last file (and `takeIDs()`).
    func sums() -> OrderSums {
        precondition(batch.isEmpty, "takeIDs() before sums()")
        let slots = segmentNames.indices.filter { segmentFound[$0] }
        let segments = slots.map { column in
            SegmentColumn(name: segmentNames[column], values: segmentInterners[column].allStrings(), source: .rows([]))
        }
        return OrderSums(lists: folding.lists, customerIDs: folding.customers.allStrings(), days: folding.days.range,
                         segments: segments, segmentSlots: slots, amountTotalFits: folding.amountTotalFits)
    }
}
