import CohortCore

/// Where the rows of the order files go while they are read: an order table's columns
/// (`TableBuilder`), or order lines summed per customer, order and day (`SumsBuilder`).
///
/// A row is given with its ids as bytes; its segment values follow, one `appendSegment` per
/// segment column, before the next row. Rows keep the order they are given in: customers, order
/// ids and segment values are numbered as first given.
protocol RowSink {
    /// Data rows read, rejected and duplicate ones included.
    var rowsRead: Int { get set }
    /// Rows that could not be read, with their reasons.
    var rejected: [RejectedRow] { get set }

    /// Starts a file (`expectedRows`: about how many rows it has, to make room once).
    mutating func beginFile(source: String, hasOrderColumn: Bool, expectedRows: Int) throws(IngestError)

    /// Notes which segment columns the current file has (the column's index, or nil).
    mutating func noteSegmentColumns(_ found: [Int?])

    /// Appends a row whose id bytes lie in the input, where they stay until `takeIDs()`
    /// (`orderBytes` nil: the file has no order column; empty: the row has no order id).
    mutating func append(customerBytes: UnsafeBufferPointer<UInt8>, day: Int, amount: Int64, orderBytes: UnsafeBufferPointer<UInt8>?,
                         at position: RecordPosition) throws(IngestError)

    /// Appends a row whose id bytes may be anywhere (a scratch buffer, a waiting row's copy):
    /// used or copied at once.
    mutating func appendNow(customerBytes: UnsafeBufferPointer<UInt8>, day: Int, amount: Int64, orderBytes: UnsafeBufferPointer<UInt8>?,
                            at position: RecordPosition) throws(IngestError)

    /// The value of segment column `column` of the row appended last.
    mutating func appendSegment(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) throws(IngestError)

    /// Takes in every row appended with bytes, after which those bytes may go.
    mutating func takeIDs() throws(IngestError)

    /// Ends the current file: its rejected rows in line order (`rawText` gives a row's text).
    mutating func endFile(rawText: (RecordPosition) -> String) throws(IngestError)

    /// The first id byte of the input still pointed into by a row not taken in yet (nil: none),
    /// after waiting for any work on it elsewhere: the input before it may be given back.
    var interningBarrier: () -> UnsafeRawPointer? { get }

    /// Reads the rows of a CSV file's `records` with `rows` (in order, unless the sink reads a
    /// large file on several threads at once).
    mutating func readRows(_ rows: inout RowReader, of records: inout CSVRecords) throws(IngestError)

    /// Runs `read` (one input's rows into this sink); on failure, first waits for any work that
    /// may still point into the input, which the caller gives back next.
    mutating func reading<Result>(_ read: (inout Self) throws(IngestError) -> Result) throws(IngestError) -> Result
}

extension RowSink {
    mutating func readRows(_ rows: inout RowReader, of records: inout CSVRecords) throws(IngestError) {
        try rows.read(&records, into: &self)
    }
}
