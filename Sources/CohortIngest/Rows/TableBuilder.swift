import CohortCore

/// Accumulates the columns of one `OrderTable` across several input files.
///
/// Rows are appended in one pass per file; `endFile` then removes the rows that
/// repeat an earlier file (`DuplicateFinder`) and keeps the file's rejected rows in
/// line order. Each row keeps its line, and each file its range of rows, so that
/// warnings can say where a row came from.
struct TableBuilder: RowSink {
    /// Rows of one input file: `rows` is their range in the table.
    struct File {
        var source: String
        var rows: Range<Int>
        var hasOrderColumn: Bool
    }

    /// The interned customer and order ids (on a second thread while a file is read).
    let interning: IDInterning
    var rejected: [RejectedRow] = []
    /// Rows skipped because an earlier file had them.
    private(set) var duplicates: [RejectedRow] = []
    /// Data rows read, rejected and duplicate ones included.
    var rowsRead = 0
    private(set) var customer: [Int32] = []
    private(set) var day: [Int32] = []
    private(set) var amount: [Int64] = []
    private(set) var order: [Int32]?
    /// Row → the line it was read from.
    private(set) var line: [Int32] = []
    private(set) var files: [File] = []
    /// The segment columns asked for, and per column its interned values and row → value id.
    private let segmentNames: [String]
    private var segmentInterners: [ByteInterner] = []
    private(set) var segments: [[Int32]] = []
    /// Per segment column, whether any file had it (a column no file has is left to the customer file).
    private var segmentFound: [Bool] = []

    /// Whether to keep where each row of the current file is, to show a duplicate's raw text.
    private let findsDuplicates: Bool
    private var extents: [Range<Int>] = []
    private var rejectedBeforeFile = 0
    private var duplicateFinder = DuplicateFinder()
    /// The rows appended with id bytes since the last batch was handed to `interning`.
    private let batch = RowBatch()

    /// Runs `read` (one input's rows into this builder). When it fails, waits for the interning
    /// thread before returning: ids handed over may still point into the input's bytes, which
    /// the caller gives back next, so an error must never become a crash.
    mutating func reading<Result>(_ read: (inout TableBuilder) throws(IngestError) -> Result) throws(IngestError) -> Result {
        do {
            return try read(&self)
        } catch {
            interning.waitForBatches()
            throw error
        }
    }

    /// Waits until every batch handed over is interned, and returns the first id byte of the batch
    /// not handed over yet (nil when it is empty): the input before it is no longer pointed into.
    var interningBarrier: () -> UnsafeRawPointer? {
        let interning = interning, batch = batch
        return {
            interning.waitForBatches()
            guard batch.count > 0 else { return nil }
            let customer = batch.customerKeys[0].baseAddress.map(UnsafeRawPointer.init)
            let order = batch.orderKeys[0].baseAddress.map(UnsafeRawPointer.init)
            switch (customer, order) {
            case let (customer?, order?): return min(customer, order)
            case let (customer, order): return customer ?? order
            }
        }
    }

    /// `findsDuplicates` when more than one file is read; `concurrentInterning` interns ids on a
    /// second thread (the default with more than one core).
    init(findsDuplicates: Bool = false, concurrentInterning: Bool? = nil, segmentColumns: [String] = []) throws(IngestError) {
        self.findsDuplicates = findsDuplicates
        segmentNames = segmentColumns
        interning = try IngestError.orOutOfMemory { () throws(MemoryError) in
            if let concurrentInterning { try IDInterning(concurrent: concurrentInterning) } else { try IDInterning() }
        }
        segmentInterners = try IngestError.orOutOfMemory { () throws(MemoryError) in
            try segmentColumns.map { _ throws(MemoryError) in try ByteInterner(capacity: 64) }
        }
        segments = segmentColumns.map { _ in [] }
        segmentFound = segmentColumns.map { _ in false }
    }

    /// Notes which segment columns the current file has.
    mutating func noteSegmentColumns(_ found: [Int?]) {
        for (column, index) in found.enumerated() where index != nil { segmentFound[column] = true }
    }

    /// Appends the value of segment column `column` for the row appended next (or just appended):
    /// call once per segment column and row, in row order.
    @inline(__always)
    mutating func appendSegment(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) throws(IngestError) {
        let id = try IngestError.orOutOfMemory { () throws(MemoryError) in try segmentInterners[column].intern(bytes) }
        segments[column].append(id)
    }

    var rowCount: Int { day.count + batch.count }

    /// Starts a file. Once any file has an order column, rows without one get unique order ids.
    mutating func beginFile(source: String, hasOrderColumn: Bool, expectedRows: Int = 0) throws(IngestError) {
        try takeIDs()
        if hasOrderColumn && order == nil {
            let rowCount = day.count
            order = try interned { _, orders in (0 ..< rowCount).map { _ in orders.uniqueID() } }
        }
        files.append(File(source: source, rows: day.count ..< day.count, hasOrderColumn: hasOrderColumn))
        rejectedBeforeFile = rejected.count
        extents.removeAll(keepingCapacity: true)
        if expectedRows > 0 {
            HugePages.reserve(&day, count: day.count + expectedRows)
            HugePages.reserve(&amount, count: amount.count + expectedRows)
            HugePages.reserve(&line, count: line.count + expectedRows)
            interning.reserve(rows: expectedRows)
        }
    }

    /// Appends a row whose customer and order ids are given as bytes (`orderBytes` nil: no order
    /// column in this file; empty: no order id), interned in batches on the second thread. The
    /// bytes must stay where they are until `takeIDs()` (at the end of `RowReader.read`): bytes of
    /// the input, not of a scratch buffer.
    @inline(__always)
    mutating func append(customerBytes: UnsafeBufferPointer<UInt8>, day: Int, amount: Int64, orderBytes: UnsafeBufferPointer<UInt8>?,
                         at position: RecordPosition) {
        batch.append(customerBytes: customerBytes, day: day, amount: amount, orderBytes: orderBytes, line: position.line)
        if findsDuplicates { extents.append(position.extent) }
        if batch.isFull { handOverBatch() }
    }

    /// Appends the batch's days, amounts and lines to the columns and hands its id bytes to `interning`.
    private mutating func handOverBatch() {
        guard !batch.isEmpty else { return }
        day.append(contentsOf: batch.rows(batch.day))
        amount.append(contentsOf: batch.rows(batch.amount))
        line.append(contentsOf: batch.rows(batch.line))
        interning.intern(customers: Array(batch.rows(batch.customerKeys)), orders: order == nil ? nil : Array(batch.rows(batch.orderKeys)))
        batch.count = 0
    }

    /// Waits for the ids of the rows appended with bytes and appends them to the id columns
    /// (which stay behind the other columns until then).
    mutating func takeIDs() throws(IngestError) {
        handOverBatch()
        guard customer.count < day.count else { return }
        let (customerIDs, orderIDs) = try IngestError.orOutOfMemory { () throws(MemoryError) in try interning.takeIDs() }
        precondition(customer.count + customerIDs.count == day.count, "every row appended with bytes has its ids")
        if customer.isEmpty { customer = customerIDs } else { customer += customerIDs }
        if order != nil {
            var column = order ?? []
            order = nil // one owner while the ids are appended
            if column.isEmpty { column = orderIDs } else { column += orderIDs }
            order = column
        }
    }

    /// The id of a customer id's bytes (after the rows handed over before, so that ids stay in row order).
    mutating func internCustomer(_ bytes: UnsafeBufferPointer<UInt8>) throws(IngestError) -> Int32 {
        handOverBatch()
        return try interned { customers, _ throws(MemoryError) in try customers.intern(bytes) }
    }

    /// The id of an order id's bytes, a unique id when they are empty (after the rows handed over before).
    mutating func internOrder(_ bytes: UnsafeBufferPointer<UInt8>) throws(IngestError) -> Int32 {
        handOverBatch()
        return try interned { _, orders throws(MemoryError) in bytes.isEmpty ? orders.uniqueID() : try orders.intern(bytes) }
    }

    /// Appends a row whose id bytes may be anywhere: interned at once.
    mutating func appendNow(customerBytes: UnsafeBufferPointer<UInt8>, day: Int, amount: Int64, orderBytes: UnsafeBufferPointer<UInt8>?,
                            at position: RecordPosition) throws(IngestError) {
        let customer = try internCustomer(customerBytes)
        let order = try orderBytes.map { bytes throws(IngestError) in try internOrder(bytes) }
        try append(customer: customer, day: day, amount: amount, order: order, at: position)
    }

    /// Appends a row whose ids are interned already.
    mutating func append(customer: Int32, day: Int, amount: Int64, order: Int32?, at position: RecordPosition) throws(IngestError) {
        try takeIDs()
        self.customer.append(customer)
        self.day.append(Int32(truncatingIfNeeded: day))
        self.amount.append(amount)
        self.line.append(Int32(truncatingIfNeeded: position.line))
        if self.order != nil {
            var id = order ?? 0
            if order == nil { id = try interned { _, orders in orders.uniqueID() } }
            self.order?.append(id)
        }
        if findsDuplicates { extents.append(position.extent) }
    }

    /// Ends the current file: sorts its rejected rows by line and removes rows that repeat
    /// an earlier file, keeping them (with `rawText`) as duplicates.
    mutating func endFile(rawText: (RecordPosition) -> String) throws(IngestError) {
        try takeIDs()
        guard let index = files.indices.last else { return }
        files[index].rows = files[index].rows.lowerBound ..< day.count
        rejected[rejectedBeforeFile...].sort { $0.line < $1.line }
        guard findsDuplicates, files[index].hasOrderColumn, let order else { return }

        let rows = files[index].rows
        let unique = try interned { _, orders in rows.map { orders.isUniqueID(order[$0]) } }
        let lines = rows.compactMap { row -> DuplicateFinder.Line? in
            unique[row - rows.lowerBound] ? nil
                : (row, DuplicateFinder.Key(order: order[row], customer: customer[row], day: day[row], amount: amount[row]))
        }
        let found = duplicateFinder.duplicates(among: lines)
        if !found.isEmpty {
            for (row, original) in found {
                let position = RecordPosition(line: Int(line[row]), extent: extents[row - rows.lowerBound])
                duplicates.append(RejectedRow(source: files[index].source, line: Int(line[row]), column: nil,
                                              reason: .repeats(location(ofRow: original)),
                                              rawText: rawText(position)))
            }
            remove(Set(found.map(\.row)), from: rows)
            files[index].rows = rows.lowerBound ..< day.count
        }
        let keptRows = files[index].rows
        let keptUnique = try interned { _, orders in keptRows.map { orders.isUniqueID(order[$0]) } }
        let kept = keptRows.compactMap { row -> DuplicateFinder.Line? in
            keptUnique[row - keptRows.lowerBound] ? nil
                : (row, DuplicateFinder.Key(order: order[row], customer: customer[row], day: day[row], amount: amount[row]))
        }
        duplicateFinder.remember(kept)
    }

    /// The rows per day, and where the first row of each day was (files numbered as in `files`).
    var dayTally: DayTally {
        var tally = DayTally()
        for (number, file) in files.enumerated() {
            day.withUnsafeBufferPointer { day in
                line.withUnsafeBufferPointer { line in
                    tally.add(days: UnsafeBufferPointer(rebasing: day[file.rows]), lines: UnsafeBufferPointer(rebasing: line[file.rows]),
                              lineOffset: 0, file: number)
                }
            }
        }
        return tally
    }

    /// The file and line a table row was read from.
    func location(ofRow row: Int) -> RowLocation {
        RowLocation(source: files.first { $0.rows.contains(row) }?.source ?? "?", line: Int(line[row]))
    }

    /// The table read; call once, after the last file.
    func result(sources: [String]) throws(IngestError) -> OrderReadResult {
        precondition(batch.isEmpty && customer.count == day.count, "takeIDs() before result")
        let orderCount = try IngestError.orOutOfMemory { () throws(MemoryError) in try interning.releaseOrderTable() }
        let customerIDs = try interned { customers, _ in customers.allStrings() }
        precondition(segments.allSatisfy { $0.count == day.count }, "a segment value per row")
        let segmentColumns = segmentNames.indices.filter { segmentFound[$0] }.map { column in
            SegmentColumn(name: segmentNames[column], values: segmentInterners[column].allStrings(), source: .rows(segments[column]))
        }
        let table = OrderTable(customer: customer, day: day, amount: amount, order: order,
                               customerIDs: customerIDs, orderCount: orderCount, segments: segmentColumns)
        return OrderReadResult(table: table, rejected: rejected, rowsRead: rowsRead, sources: sources, duplicates: duplicates)
    }

    /// `body` with the interners; a table that could not get its memory stops reading.
    private func interned<Result>(_ body: (inout ByteInterner, inout ByteInterner) throws(MemoryError) -> Result) throws(IngestError) -> Result {
        try IngestError.orOutOfMemory { () throws(MemoryError) in try interning.withInterners(body) }
    }

    /// Removes `removed` rows (all within `rows`, the last file's range) keeping the others in order.
    private mutating func remove(_ removed: Set<Int>, from rows: Range<Int>) {
        var target = rows.lowerBound
        for row in rows where !removed.contains(row) {
            customer[target] = customer[row]
            day[target] = day[row]
            amount[target] = amount[row]
            line[target] = line[row]
            if let id = order?[row] { order?[target] = id }
            for column in segments.indices { segments[column][target] = segments[column][row] }
            target += 1
        }
        let count = target
        customer.removeSubrange(count...)
        day.removeSubrange(count...)
        amount.removeSubrange(count...)
        line.removeSubrange(count...)
        order?.removeSubrange(count...)
        for column in segments.indices { segments[column].removeSubrange(count...) }
    }
}
