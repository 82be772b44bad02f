import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The order lines of a large file written to a temporary file while it is read, in partitions of
/// 1,024 customers: partitions are read back and summed (`PartitionLines`) only when the analysis
/// comes to their customers, a group of neighbouring ones at a time (`readGroups`), so that memory
/// follows a group and the customers, not the rows.
///
/// Each line is a record of its customer's place in the partition, day, order key, amount and
/// segment values (`SpillRecord`: 20 bytes and 4 per segment column). A partition's records are
/// collected in a block of 16 KiB; full blocks are appended to the file 16 at a time (`pwritev`).
/// A partition read back is its blocks in the order they were written, so its lines come back in
/// reading order and are summed exactly as they would have been while reading.
///
///     let spill = try SumsSpill(segmentCount: 0, directory: "/tmp")
///     try spill.add(customer: 0, key: OrderKey(bytes: "SO-1")!, day: 20_500, amount: 12_50)
///     try spill.finish(customerCount: 1)
///     let lines = spill.emptyLines()
///     try spill.read(0 ..< 1, into: lines)   // customers 0 ..< 1, numbered from 0
///
/// The file is removed as soon as it is created, so that nothing is left behind when the program
/// stops, however it stops; its space goes back to the system when the descriptor is closed (on
/// another thread, once the spill is no longer used).
///
/// A class: it owns the file and the blocks. One thread adds lines, then partitions are read
/// back, several at once.
final class SumsSpill: @unchecked Sendable {
    // @unchecked: written by one thread while a file is read, then only read (`pread` at offsets, into each caller's buffer).

    /// Customers per partition, as a power of 2 (1,024): `customer >> partitionShift` is its partition.
    /// Small enough that a partition's lines take little more than the caches hold while they are
    /// sorted and summed, even where customers have many lines (1,024 customers of 68 lines: 1.4 MB;
    /// with 4,096 and records of 24 bytes, 6.7 MB, spilling, sorting and summing took 2 to 3 % more
    /// of all the CPU time); few
    /// enough that the blocks being filled, one per partition, stay a small part of the memory
    /// (1.7 million customers: 1,660 blocks, 27 MB). Small partitions are read back in groups.
    static let defaultPartitionShift = 10
    /// The lines read back at once, about (`readGroups`): neighbouring partitions are grouped up to
    /// this size, so that customers of few lines are not sorted and summed in many small pieces.
    var groupBytes = 1 << 20
    let partitionShift: Int
    private static let blockBytes = 1 << 14

    let segmentCount: Int
    /// Bytes of one record (`SpillRecord`): the customer's place and the day (4), key (8), amount (8), segment values (4 each).
    let recordBytes: Int
    /// The directory the file is in (for messages).
    let directory: String
    private let descriptor: Int32
    /// The blocks being filled and where the written ones are: one value, so that the lines of a
    /// batch are one access to it (`writing(_:)`), not one per line.
    private var writer: Writer
    /// Customers in all (set by `finish`).
    private(set) var customerCount = 0
    /// Records added (order lines).
    var lineCount: Int { writer.lineCount }
    /// Bytes written to the file.
    var bytesWritten: Int { writer.fileEnd }

    init(segmentCount: Int, directory: String, partitionShift: Int = SumsSpill.defaultPartitionShift) throws(IngestError) {
        precondition(partitionShift <= SpillRecord.largestPartitionShift, "partitions of at most 2^\(SpillRecord.largestPartitionShift) customers")
        self.segmentCount = segmentCount
        self.partitionShift = partitionShift
        self.directory = directory
        recordBytes = SpillRecord.bytes(segmentCount: segmentCount)
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast()) + Array("cohort-sums-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .cannotSpill(directory: directory, reason: String(cString: strerror(errno))) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
        writer = Writer(descriptor: descriptor, directory: directory, segmentCount: segmentCount, recordBytes: recordBytes,
                        blockBytes: max(Self.blockBytes, recordBytes), partitionShift: partitionShift)
    }

    deinit {
        writer.deallocate()
        // Closing the removed file frees its pages (hundreds of MB of a large file's lines: 10 to 20 ms
        // of the system's time), done on another thread while the analysis goes on.
        let descriptor = descriptor
        DispatchQueue.global(qos: .utility).async { close(descriptor) }
    }

    /// Writes one order line of `customer` (with `segmentCount` value ids in `segments`).
    func add(customer: Int32, key: OrderKey, day: Int32, amount: Int64, segments: UnsafePointer<Int32>? = nil) throws(IngestError) {
        try writer.add(customer: customer, key: key, day: day, amount: amount, segments: segments)
    }

    /// Calls `body` with the writer, to add many lines at once.
    func writing<Result>(_ body: (inout Writer) throws(IngestError) -> Result) throws(IngestError) -> Result {
        try body(&writer)
    }

    /// Writes every partition's last block and frees the blocks: no line is added afterwards.
    func finish(customerCount: Int) throws(IngestError) {
        self.customerCount = customerCount
        try writer.finish()
    }

    /// Adds lines to the partitions' blocks and writes the full ones to the file.
    struct Writer {
        fileprivate let descriptor: Int32
        fileprivate let directory: String
        let segmentCount: Int
        fileprivate let recordBytes: Int
        fileprivate let blockBytes: Int
        fileprivate let partitionShift: Int
        fileprivate var fileEnd = 0
        /// Per partition, where its blocks are in the file, in the order written.
        fileprivate var blocks: [[(start: Int, bytes: Int)]] = []
        /// Per partition (`partitions` of them), its block being filled (nil until its first record)
        /// and the bytes in it: plain memory, not arrays, which check on every change of a line
        /// that their storage is not shared.
        fileprivate var buffers = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: 0)
        fileprivate var filled = UnsafeMutablePointer<Int>.allocate(capacity: 0)
        fileprivate var partitions = 0
        fileprivate var lineCount = 0
        /// Full blocks not written yet, in the order they filled (their places in the file are
        /// already given, from `fileEnd` on), and emptied blocks to fill again: the full ones are
        /// written `writeBlocks` at a time with one `pwritev`, which the system takes in larger
        /// pieces of memory than a write of one block (200 MB written 16 KiB at a time took about
        /// 40 % more of the system's time, and closing the file nearly twice as long).
        fileprivate var waiting: [iovec] = []
        fileprivate var spare: [UnsafeMutableRawPointer] = []
        /// Bytes in `waiting`; they start at `fileEnd` in the file.
        fileprivate var waitingBytes = 0
        private static let writeBlocks = 16

        /// Writes one order line of `customer` (with `segmentCount` value ids in `segments`).
        @inline(__always)
        mutating func add(customer: Int32, key: OrderKey, day: Int32, amount: Int64, segments: UnsafePointer<Int32>? = nil) throws(IngestError) {
            let partition = Int(customer) >> partitionShift
            if partition >= partitions { grow(to: partition) }
            if buffers[partition] == nil || filled[partition] + recordBytes > blockBytes { try newBlock(partition) }
            let record = buffers[partition]! + filled[partition]
            SpillRecord.write(place: customer & (1 << Int32(partitionShift) &- 1), day: day, key: key.rawValue, amount: amount,
                              shift: partitionShift, to: record)
            for column in 0 ..< segmentCount {
                record.storeBytes(of: segments?[column] ?? 0, toByteOffset: SpillRecord.segmentOffset(column), as: Int32.self)
            }
            filled[partition] += recordBytes
            lineCount += 1
        }

        private mutating func grow(to partition: Int) {
            let count = max(partition + 1, 2 * partitions)
            let (oldBuffers, oldFilled) = (buffers, filled)
            buffers = .allocate(capacity: count)
            buffers.moveInitialize(from: oldBuffers, count: partitions)
            (buffers + partitions).initialize(repeating: nil, count: count - partitions)
            filled = .allocate(capacity: count)
            filled.moveInitialize(from: oldFilled, count: partitions)
            (filled + partitions).initialize(repeating: 0, count: count - partitions)
            oldBuffers.deallocate()
            oldFilled.deallocate()
            blocks.append(contentsOf: repeatElement([], count: count - partitions))
            partitions = count
        }

        /// Queues the partition's full block (if any) to be written and starts an empty one.
        private mutating func newBlock(_ partition: Int) throws(IngestError) {
            if let buffer = buffers[partition] {
                buffers[partition] = nil
                try queue(buffer, bytes: filled[partition], of: partition)
            }
            if let buffer = spare.popLast() {
                buffers[partition] = buffer
            } else {
                guard let buffer = malloc(blockBytes) else { throw .outOfMemory(bytes: blockBytes) }
                buffers[partition] = buffer
            }
            filled[partition] = 0
        }

        /// Gives a full block of `partition` its place in the file, after the blocks queued before
        /// it, and writes the queue when it is long enough; the block is no longer the partition's.
        private mutating func queue(_ buffer: UnsafeMutableRawPointer, bytes: Int, of partition: Int) throws(IngestError) {
            blocks[partition].append((fileEnd + waitingBytes, bytes))
            waiting.append(iovec(iov_base: buffer, iov_len: bytes))
            waitingBytes += bytes
            if waiting.count >= Self.writeBlocks { try writeWaiting() }
        }

        /// Appends the queued blocks to the file and keeps them to be filled again.
        private mutating func writeWaiting() throws(IngestError) {
            let start = fileEnd, descriptor = descriptor, directory = directory
            try SumsSpill.transfer(waitingBytes, directory: directory) { done in
                // From the first block not written whole (after a write cut short by a signal or a full disk).
                var skipped = done, first = 0
                while skipped >= waiting[first].iov_len { skipped -= waiting[first].iov_len; first += 1 }
                return waiting.withUnsafeMutableBufferPointer { vectors in
                    let head = vectors[first]
                    vectors[first] = iovec(iov_base: head.iov_base + skipped, iov_len: head.iov_len - skipped)
                    defer { vectors[first] = head }
                    return pwritev(descriptor, vectors.baseAddress! + first, Int32(vectors.count - first), off_t(start + done))
                }
            }
            fileEnd += waitingBytes
            spare.append(contentsOf: waiting.map { $0.iov_base! })
            waiting.removeAll(keepingCapacity: true)
            waitingBytes = 0
        }

        /// Frees the blocks being filled, the queued and spare ones, and the room for them.
        fileprivate func deallocate() {
            for partition in 0 ..< partitions { free(buffers[partition]) }
            for block in waiting { free(block.iov_base) }
            for block in spare { free(block) }
            buffers.deallocate()
            filled.deallocate()
        }

        /// Writes every partition's last block and frees the blocks.
        fileprivate mutating func finish() throws(IngestError) {
            for partition in 0 ..< partitions {
                guard let buffer = buffers[partition] else { continue }
                buffers[partition] = nil
                try queue(buffer, bytes: filled[partition], of: partition)
            }
            try writeWaiting()
            for block in spare { free(block) }
            spare.removeAll()
        }
    }

    /// Reads `bytes` from `start` in the file into `buffer`.
    private func read(into buffer: UnsafeMutableRawPointer, bytes: Int, at start: Int) throws(IngestError) {
        try Self.transfer(bytes, directory: directory) { done in pread(descriptor, buffer + done, bytes - done, off_t(start + done)) }
    }

    /// Calls `move` (a `pwritev` or `pread` of what is left after `done` bytes) until `bytes` are
    /// moved; a call cut short by a signal is repeated, any other failure (or end of file) thrown.
    fileprivate static func transfer(_ bytes: Int, directory: String, _ move: (_ done: Int) -> Int) throws(IngestError) {
        var done = 0
        while done < bytes {
            let moved = move(done)
            if moved < 0 && errno == EINTR { continue }
            guard moved > 0 else { throw .cannotSpill(directory: directory, reason: String(cString: strerror(moved == 0 ? EIO : errno))) }
            done += moved
        }
    }

    /// Partitions in all (after `finish`).
    var partitionCount: Int { (customerCount + (1 << partitionShift) - 1) >> partitionShift }

    /// The customers of neighbouring partitions.
    func customers(of partitions: Range<Int>) -> Range<Int> {
        let first = partitions.lowerBound << partitionShift
        return first ..< min(customerCount, partitions.upperBound << partitionShift)
    }

    /// The partitions cut into groups of neighbours to read back at once (after `finish`): each
    /// group the partitions that fit in `groupBytes` together, or one partition larger than that.
    func readGroups() -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var start = 0, bytes = 0
        for partition in 0 ..< partitionCount {
            let partitionBytes = self.bytes(ofPartition: partition)
            if partition > start && bytes + partitionBytes > groupBytes {
                groups.append(start ..< partition)
                (start, bytes) = (partition, 0)
            }
            bytes += partitionBytes
        }
        if start < partitionCount { groups.append(start ..< partitionCount) }
        return groups
    }

    /// Where the lines of a partition are in the file, in the order written (after `finish`; none
    /// for a partition without lines).
    private func blocks(ofPartition partition: Int) -> [(start: Int, bytes: Int)] {
        partition < writer.blocks.count ? writer.blocks[partition] : []
    }

    /// Bytes of the lines of a partition (after `finish`).
    private func bytes(ofPartition partition: Int) -> Int {
        blocks(ofPartition: partition).reduce(0) { $0 + $1.bytes }
    }

    /// Room to read partitions back into (one per thread that reads them).
    func emptyLines() -> PartitionLines {
        PartitionLines(recordBytes: recordBytes, partitionShift: partitionShift)
    }

    /// Reads the lines of neighbouring partitions back into `lines`, in reading order, sorted by
    /// customer: customer `c` is number `c - customers(of: partitions).lowerBound` there. (A
    /// partition's blocks follow those of the one before: each customer's lines stay in reading order.)
    /// Throws when the file cannot be read back, or the system has no memory for the lines.
    func read(_ partitions: Range<Int>, into lines: PartitionLines) throws(IngestError) {
        let customers = customers(of: partitions)
        let partitionBytes = partitions.map { self.bytes(ofPartition: $0) }
        let bytes = partitionBytes.reduce(0, +)
        guard lines.makeRoom(forBytes: bytes) else { throw .outOfMemory(bytes: bytes) }
        var offset = 0
        for block in partitions.lazy.flatMap({ self.blocks(ofPartition: $0) }) {
            try read(into: lines.unsorted! + offset, bytes: block.bytes, at: block.start)
            offset += block.bytes
        }
        guard lines.sort(partitionLines: partitionBytes.map { $0 / recordBytes }, customerCount: customers.count)
        else { throw .outOfMemory(bytes: bytes) }
    }
}
