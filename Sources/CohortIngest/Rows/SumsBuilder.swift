import CohortCore

/// Sums the rows of an order file into order lines per customer, order and day
/// (`OrderDayLists`) while they are read: no column of the rows is kept, so that memory follows
/// the orders, not the rows (`OrderSums`).
///
/// Rows come in batches: their customer ids are interned together (`ByteInterner`, slots read
/// first so that the waits for memory overlap), then each row's order id is packed into an
/// `OrderKey` (an id that fits no packed form is interned) and its line added to its sum. The
/// days of the rows are tallied for the date warnings (`DayTally`), and the magnitudes of the
/// amounts added up for the analysis's overflow check.
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
    private let lists: OrderDayLists
    private var customers: ByteInterner
    /// Order ids that fit no `OrderKey` form, numbered (`OrderKey.interned`).
    private var orderIDs: ByteInterner
    /// The segment columns asked for, their values, and whether the file has each.
    private let segmentNames: [String]
    private var segmentInterners: [ByteInterner]
    private var segmentFound: [Bool]
    /// Per day the rows read and the first of them.
    private(set) var days = DayTally()
    private var latest = Int32.min
    private var amountMagnitude: UInt64 = 0
    private var amountTotalFits = true
    private var fileHasOrderColumn = false
    private var fileNumber = -1
    private var rejectedBeforeFile = 0
    private let batch: SumsBatch

    init(segmentColumns: [String]) throws(IngestError) {
        segmentNames = segmentColumns
        segmentFound = segmentColumns.map { _ in false }
        lists = OrderDayLists(segmentCount: segmentColumns.count)
        batch = SumsBatch(segmentCount: segmentColumns.count)
        do throws(MemoryError) {
            customers = try ByteInterner(capacity: 1 << 14)
            orderIDs = try ByteInterner(capacity: 16, keepsKeys: false)
            segmentInterners = try segmentColumns.map { _ throws(MemoryError) in try ByteInterner(capacity: 64) }
        } catch {
            throw .outOfMemory(bytes: error.bytes)
        }
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

    /// Nothing works on the rows elsewhere: the barrier is the batch's first row of the input.
    var interningBarrier: () -> UnsafeRawPointer? {
        let batch = batch
        return { batch.firstInputByte }
    }

    mutating func reading<Result>(_ read: (inout SumsBuilder) throws(IngestError) -> Result) throws(IngestError) -> Result {
        try read(&self)
    }

    // MARK: - Rows

    @inline(__always)
    mutating func append(customerBytes: UnsafeBufferPointer<UInt8>, day: Int, amount: Int64, orderBytes: UnsafeBufferPointer<UInt8>?,
                         at position: RecordPosition) throws(IngestError) {
        // A full batch is summed when the next row comes: the last row's segment values are in by then.
        if batch.isFull { try takeIDs() }
        let row = batch.count
        batch.customerKeys[row] = customerBytes
        batch.orderKeys[row] = orderBytes ?? UnsafeBufferPointer(start: nil, count: 0)
        batch.day[row] = Int32(truncatingIfNeeded: day)
        batch.amount[row] = amount
        batch.line[row] = Int32(truncatingIfNeeded: position.line)
        batch.count = row + 1
    }

    mutating func appendNow(customerBytes: UnsafeBufferPointer<UInt8>, day: Int, amount: Int64, orderBytes: UnsafeBufferPointer<UInt8>?,
                            at position: RecordPosition) throws(IngestError) {
        let bytes = customerBytes.count + (orderBytes?.count ?? 0)
        if !batch.hasRoom(forBytes: bytes) {
            try takeIDs()
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

    /// Sums the rows of the batch. Called when the batch is full and at the end of each `RowReader.read`.
    mutating func takeIDs() throws(IngestError) {
        guard !batch.isEmpty else { return }
        do throws(MemoryError) {
            try customers.intern(UnsafeBufferPointer(start: batch.customerKeys, count: batch.count), into: batch.customer)
            for row in 0 ..< batch.count { try add(row) }
        } catch {
            throw .outOfMemory(bytes: error.bytes)
        }
        batch.clear()
    }

    /// Adds a row of the batch (its customer interned) to its sum.
    @inline(__always)
    private mutating func add(_ row: Int) throws(MemoryError) {
        let day = batch.day[row], amount = batch.amount[row]
        let orderBytes = batch.orderKeys[row]
        let key: OrderKey
        if fileHasOrderColumn && !orderBytes.isEmpty {
            if let packed = OrderKey(bytes: orderBytes) { key = packed } else { key = .interned(try orderIDs.intern(orderBytes)) }
        } else {
            key = .single(positive: amount > 0) // an order of its own (METRICS.md, "Input model")
        }
        let added = lists.add(customer: Int(batch.customer[row]), key: key, day: day, amount: amount,
                              segments: segmentNames.isEmpty ? nil : UnsafePointer(batch.segments + row * segmentNames.count))
        guard added else { throw MemoryError(bytes: 24 * 64) }
        days.add(day: Int(day), file: fileNumber, line: Int(batch.line[row]))
        if day > latest { latest = day }
        let (total, overflow) = amountMagnitude.addingReportingOverflow(amount.magnitude)
        if overflow || total > UInt64(Int64.max) { amountTotalFits = false }
        amountMagnitude = total
    }

    // MARK: - Result

    /// The sums read; call once, after the last file.
    func sums() -> OrderSums {
        precondition(batch.isEmpty, "takeIDs() before sums()")
        let slots = segmentNames.indices.filter { segmentFound[$0] }
        let segments = slots.map { column in
            SegmentColumn(name: segmentNames[column], values: segmentInterners[column].allStrings(), source: .rows([]))
        }
        return OrderSums(lists: lists, customerIDs: customers.allStrings(), latestDay: latest == .min ? nil : Int(latest),
                         segments: segments, segmentSlots: slots, amountTotalFits: amountTotalFits)
    }
}
