import CPageMove
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes in private memory, read with `pread` block by block just ahead of the reader,
/// and given back behind it.
///
/// The reader sees one buffer of the file's size (`bytes`), as it would a file mapped into
/// memory, but the memory is anonymous: a file that another program truncates while it is
/// read gives a short read, and so `IngestError.changedWhileRead`, never the SIGBUS of a
/// mapping whose pages vanished. Only the part between `released` and `filled` holds memory.
///
/// On Linux, the huge pages given back behind the reader are moved ahead of it and read into
/// again (`cohort_move_pages`), instead of being freed and taken anew: the system need not
/// zero every page of the file before it is read into (a sixth of the reading thread's time).
///
///     let file = try FileBytes(descriptor: fd, source: "orders.csv")
///     try file.fill(upTo: 1 << 16)   // the head, for detection
///     file.bytes[0]                  // the first byte
///
/// A class: it owns the descriptor and the memory, and releases both in `deinit`.
final class FileBytes {
    let source: String
    /// The file's size when it was opened; bytes appended later are not read.
    let count: Int
    /// Bytes before this offset are read into `bytes`.
    private(set) var filled = 0
    /// Whole pages before this offset have been given back (they read as zeros now).
    private(set) var released = 0
    private let descriptor: Int32
    private let base: UnsafeMutableRawPointer?
    /// The mapping as made (`base` is aligned within it to a huge page).
    private let mapping: UnsafeMutableRawPointer?
    private let mappedLength: Int
    /// Offsets of huge pages given back behind the reader and kept to be moved ahead of it.
    private var spare: [Int] = []
    /// Whether pages are moved ahead (a large file on Linux, until moving fails once).
    private var recycles = false
    /// How many huge pages were moved ahead.
    private(set) var movedPages = 0

    /// At most this many huge pages are kept spare; more are freed.
    static let spareLimit = 8

    /// Memory is taken and given back in huge pages (2 MiB): a fault per 2 MiB, not per 4 KiB.
    static let hugePage = 2 << 20

    /// Bytes read per `pread`.
    static let blockSize = 4 << 20

    /// Takes over `descriptor` (an open regular file) and reserves memory for its bytes.
    init(descriptor: Int32, source: String) throws(IngestError) {
        self.descriptor = descriptor
        self.source = source
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            throw .cannotRead(source: source, reason: .unreadable)
        }
        count = Int(status.st_size)
        guard count > 0 else {
            base = nil
            mapping = nil
            mappedLength = 0
            return
        }
        // Address space only: pages hold memory once written. One huge page more, to align to one.
        mappedLength = (count + Self.hugePage - 1) / Self.hugePage * Self.hugePage + Self.hugePage
        let address = mmap(nil, mappedLength, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        guard let address, address != MAP_FAILED else {
            close(descriptor)
            throw .outOfMemory(bytes: count)
        }
        mapping = address
        let aligned = (Int(bitPattern: address) + Self.hugePage - 1) / Self.hugePage * Self.hugePage
        base = UnsafeMutableRawPointer(bitPattern: aligned)
        #if os(Linux)
        if count >= Self.hugePage { _ = madvise(base, mappedLength - Self.hugePage, MADV_HUGEPAGE) }
        recycles = count >= 4 * Self.hugePage
        #endif
    }

    deinit {
        if let mapping { munmap(mapping, mappedLength) }
        close(descriptor)
    }

    /// All the file's bytes; only `filled` of them are read yet.
    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base?.assumingMemoryBound(to: UInt8.self), count: count)
    }

    var isComplete: Bool { filled >= count }

    /// Reads on until at least `offset` bytes (or the whole file) are in `bytes`.
    @inline(__always)
    func fill(upTo offset: Int) throws(IngestError) {
        // Called for every record: the test is kept apart from the reading, small enough to inline.
        if filled < min(offset, count) { try read(upTo: min(offset, count)) }
    }

    @inline(never)
    private func read(upTo target: Int) throws(IngestError) {
        guard let base else { return }
        while filled < target {
            let length = min(max(Self.blockSize, target - filled), count - filled)
            if recycles { moveSparePages(into: filled ..< filled + length) }
            let got = pread(descriptor, base + filled, length, off_t(filled))
            if got < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(source: source, reason: .unreadable)
            }
            guard got > 0 else { throw .changedWhileRead(source: source) }
            filled += got
        }
        if isComplete { freeSparePages() }
    }

    func fillAll() throws(IngestError) {
        try fill(upTo: count)
    }

    /// Gives back the whole pages before `offset` (they must not be read again: `text(in:)` reads them anew).
    func release(before offset: Int) {
        guard let base else { return }
        // Whole huge pages of a large file; pages of the system in a small one.
        let page = count >= 4 * Self.hugePage ? Self.hugePage : Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (released + page - 1) / page * page
        let end = min(offset, filled) / page * page
        guard end > start else { return }
        var freeFrom = start
        while recycles && spare.count < Self.spareLimit && freeFrom < end && !isComplete {
            spare.append(freeFrom)
            freeFrom += page
        }
        if end > freeFrom { _ = madvise(base + freeFrom, end - freeFrom, MADV_DONTNEED) }
        released = max(released, end)
    }

    /// Moves spare huge pages to the unread whole huge pages of `range`, so that reading into
    /// them needs no fresh pages.
    private func moveSparePages(into range: Range<Int>) {
        guard let base else { return }
        var page = (range.lowerBound + Self.hugePage - 1) / Self.hugePage * Self.hugePage
        while page < range.upperBound, let from = spare.popLast() {
            if cohort_move_pages(base + from, base + page, Self.hugePage) != 0 {
                // An older system, or too many mappings: free the spare pages from now on.
                spare.append(from)
                recycles = false
                freeSparePages()
                return
            }
            movedPages += 1
            page += Self.hugePage
        }
    }

    private func freeSparePages() {
        guard let base else { return }
        for page in spare { _ = madvise(base + page, Self.hugePage, MADV_DONTNEED) }
        spare.removeAll()
    }

    /// The bytes of `range` read from the file again (for a range already given back);
    /// shorter when the file changed since.
    func reread(_ range: Range<Int>) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: range.count)
        let got = result.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, range.count, off_t(range.lowerBound)) }
        result.removeLast(range.count - max(0, got))
        return result
    }
}
