import Foundation

/// The rows of a worksheet as records for `RowReader`; a row's line is its row number in the sheet,
/// and every row has as many fields as the widest row of the sheet.
struct CellRecords: RecordSource {
    let cells: CellRows
    let bytes: UnsafeBufferPointer<UInt8>
    private var next = 0

    /// `bytes` must be `cells.bytes`, kept alive by the caller while the records are read.
    init(cells: CellRows, bytes: UnsafeBufferPointer<UInt8>) {
        self.cells = cells
        self.bytes = bytes
    }

    mutating func nextRecord(into fields: FieldList) throws(IngestError) -> RecordPosition? {
        guard next < cells.rowCount else { return nil }
        fill(fields, row: next)
        defer { next += 1 }
        return RecordPosition(line: cells.rowNumber[next], extent: next ..< next + 1)
    }

    func allFields(of record: RecordPosition, into fields: FieldList) {
        fill(fields, row: record.extent.lowerBound)
    }

    /// The cells of a row, all of them kept (a sheet is read whole anyway).
    private func fill(_ fields: FieldList, row: Int) {
        fields.removeAll()
        for field in cells.fields(ofRow: row) { fields.append(field) }
        // Excel leaves out empty cells at the end of a row: they read as empty fields.
        while fields.count < cells.width { fields.append(FieldRange(start: 0, end: 0)) }
    }

    /// The row's cells as one CSV line (comma-separated, quoted where needed).
    func rawText(of record: RecordPosition) -> String {
        cells.fields(ofRow: record.extent.lowerBound).map { field -> String in
            let text = TextEncoding.string(UnsafeBufferPointer(rebasing: bytes[field.start ..< field.end]))
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",")
    }
}
