/// The rows `TableBuilder` appended since it last handed ids over: their id bytes and
/// their day, amount and line, in buffers of fixed size.
///
/// Appending a row to five arrays checks five times that each is not shared and has
/// room; a row written here is five plain stores, and the batch joins the columns (and
/// goes to `IDInterning`) as a whole, `capacity` rows at a time.
///
/// A class: it owns its buffers. One builder writes it; it is never shared (`SumsBatch` adds
/// what a batch summed on another thread needs).
class RowBatch {
    static let capacity = 2048

    let customerKeys = UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>.allocate(capacity: capacity)
    /// Empty when the file has no order column.
    let orderKeys = UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>.allocate(capacity: capacity)
    let day = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    let amount = UnsafeMutablePointer<Int64>.allocate(capacity: capacity)
    let line = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    /// Rows in the batch: `0 ..< count` of each buffer.
    var count = 0

    deinit {
        customerKeys.deallocate()
        orderKeys.deallocate()
        day.deallocate()
        amount.deallocate()
        line.deallocate()
    }

    var isEmpty: Bool { count == 0 }
    var isFull: Bool { count == Self.capacity }

    /// Writes a row after the others (room checked by the caller).
    @inline(__always)
    final func append(customerBytes: UnsafeBufferPointer<UInt8>, day: Int, amount: Int64, orderBytes: UnsafeBufferPointer<UInt8>?, line: Int) {
        let index = count
        customerKeys[index] = customerBytes
        orderKeys[index] = orderBytes ?? UnsafeBufferPointer(start: nil, count: 0)
        self.day[index] = Int32(truncatingIfNeeded: day)
        self.amount[index] = amount
        self.line[index] = Int32(truncatingIfNeeded: line)
        count = index + 1
    }

    /// The first `count` elements of one of the buffers.
    func rows<Element>(_ buffer: UnsafeMutablePointer<Element>) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: buffer, count: count)
    }
}
