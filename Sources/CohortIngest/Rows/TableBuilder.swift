import CohortCore

/// Accumulates the columns of one `OrderTable` across several input files.
///
/// Rows are appended in one pass per file; `endFile` then removes the rows that
/// repeat an earlier file (`DuplicateFinder`) and keeps the file's rejected rows in
/// line order. Each row keeps its line, and each file its range of rows, so that
/// warnings can say where a row came from.
struct TableBuilder {
    /// Rows of one input file: `rows` is their range in the table.
    struct File {
        var source: String
        var rows: Range<Int>
        var hasOrderColumn: Bool
    }

    var customers = ByteInterner(capacity: 1 << 14)
    var orders = ByteInterner(capacity: 1 << 14)
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

    /// Whether to keep where each row of the current file is, to show a duplicate's raw text.
    private let findsDuplicates: Bool
    private var extents: [Range<Int>] = []
    private var rejectedBeforeFile = 0
    private var duplicateFinder = DuplicateFinder()

    /// `findsDuplicates` when more than one file is read.
    init(findsDuplicates: Bool = false) {
        self.findsDuplicates = findsDuplicates
    }

    var rowCount: Int { day.count }

    /// Starts a file. Once any file has an order column, rows without one get unique order ids.
    mutating func beginFile(source: String, hasOrderColumn: Bool, expectedRows: Int = 0) {
        if hasOrderColumn && order == nil {
            order = (0 ..< day.count).map { _ in orders.uniqueID() }
        }
        files.append(File(source: source, rows: day.count ..< day.count, hasOrderColumn: hasOrderColumn))
        rejectedBeforeFile = rejected.count
        extents.removeAll(keepingCapacity: true)
        if expectedRows > 0 {
            customer.reserveCapacity(customer.count + expectedRows)
            day.reserveCapacity(day.count + expectedRows)
            amount.reserveCapacity(amount.count + expectedRows)
            line.reserveCapacity(line.count + expectedRows)
            order?.reserveCapacity(day.count + expectedRows)
        }
    }

    @inline(__always)
    mutating func append(customer: Int32, day: Int, amount: Int64, order: Int32?, at position: RecordPosition) {
        self.customer.append(customer)
        self.day.append(Int32(truncatingIfNeeded: day))
        self.amount.append(amount)
        self.line.append(Int32(truncatingIfNeeded: position.line))
        if self.order != nil {
            let id = order ?? orders.uniqueID()
            self.order?.append(id)
        }
        if findsDuplicates { extents.append(position.extent) }
    }

    /// Ends the current file: sorts its rejected rows by line and removes rows that repeat
    /// an earlier file, keeping them (with `rawText`) as duplicates.
    mutating func endFile(rawText: (RecordPosition) -> String) {
        guard let index = files.indices.last else { return }
        files[index].rows = files[index].rows.lowerBound ..< day.count
        rejected[rejectedBeforeFile...].sort { $0.line < $1.line }
        guard findsDuplicates, files[index].hasOrderColumn, let order else { return }

        let rows = files[index].rows
        let lines = rows.compactMap { row -> DuplicateFinder.Line? in
            orders.isUniqueID(order[row]) ? nil
                : (row, DuplicateFinder.Key(order: order[row], customer: customer[row], day: day[row], amount: amount[row]))
        }
        let found = duplicateFinder.duplicates(among: lines)
        if !found.isEmpty {
            for (row, original) in found {
                let position = RecordPosition(line: Int(line[row]), extent: extents[row - rows.lowerBound])
                duplicates.append(RejectedRow(source: files[index].source, line: Int(line[row]), column: nil,
                                              reason: "repeats \(location(ofRow: original)) (same order id, customer, date and amount)",
                                              rawText: rawText(position)))
            }
            remove(Set(found.map(\.row)), from: rows)
            files[index].rows = rows.lowerBound ..< day.count
        }
        let kept = files[index].rows.compactMap { row -> DuplicateFinder.Line? in
            orders.isUniqueID(order[row]) ? nil
                : (row, DuplicateFinder.Key(order: order[row], customer: customer[row], day: day[row], amount: amount[row]))
        }
        duplicateFinder.remember(kept)
    }

    /// "orders.csv:17" for a table row.
    func location(ofRow row: Int) -> String {
        let source = files.first { $0.rows.contains(row) }?.source ?? "?"
        return "\(source):\(line[row])"
    }

    func result(sources: [String]) -> OrderReadResult {
        let table = OrderTable(customer: customer, day: day, amount: amount, order: order,
                               customerIDs: customers.allStrings(), orderCount: orders.count)
        return OrderReadResult(table: table, rejected: rejected, rowsRead: rowsRead, sources: sources, duplicates: duplicates)
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
            target += 1
        }
        let count = target
        customer.removeSubrange(count...)
        day.removeSubrange(count...)
        amount.removeSubrange(count...)
        line.removeSubrange(count...)
        order?.removeSubrange(count...)
    }
}
