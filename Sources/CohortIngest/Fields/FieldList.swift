/// The fields of one record, refilled for every record of a file without allocating.
///
/// The tokenizer appends a `FieldRange` per field; readers index them. A class over
/// one buffer rather than an `Array`, because an array checks on every append that
/// it is not shared, which cost about a tenth of the tokenizer's time.
///
///     let fields = FieldList()
///     while let record = try records.nextRecord(into: fields) { fields[customerColumn] ... }
final class FieldList: RandomAccessCollection {
    private var storage: UnsafeMutablePointer<FieldRange>
    private var capacity: Int
    private(set) var count = 0
    /// Fields after the first `storedLimit` are counted in `skipped` but not kept: a reader that
    /// needs only the first columns sets it, and the tokenizer then steps over the rest of a
    /// record without writing a range per field (shop exports have dozens of columns).
    var storedLimit = Int.max
    /// Fields of the record past `storedLimit`, counted only.
    private(set) var skipped = 0
    /// Every field of the record, the kept and the counted.
    var total: Int { count + skipped }

    init(capacity: Int = 16) {
        self.capacity = Swift.max(capacity, 1)
        storage = .allocate(capacity: self.capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always)
    subscript(position: Int) -> FieldRange {
        precondition(position >= 0 && position < count, "field index out of range")
        return storage[position]
    }

    @inline(__always)
    func removeAll() {
        storage.deinitialize(count: count) // trivial: no work
        count = 0
        skipped = 0
    }

    @inline(__always)
    func append(_ field: FieldRange) {
        if count == capacity { grow() }
        (storage + count).initialize(to: field)
        count += 1
    }

    /// Counts `fields` more fields past `storedLimit`.
    @inline(__always)
    func skip(_ fields: Int) {
        skipped += fields
    }

    private func grow() {
        let larger = UnsafeMutablePointer<FieldRange>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}
