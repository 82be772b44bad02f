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
/// The huge pages given back behind the reader of a large file are moved ahead of it, to where
/// the next blocks are read (`mremap`), rather than returned to the system and asked for again:
/// the system clears every page it hands out, which took a tenth of the time of reading the file
/// into memory. Where pages cannot be moved (a system without `MREMAP_DONTUNMAP`), they are given
/// back as before. Either way the pages behind read as zeros; the pages moved ahead hold earlier
/// bytes of the file until they are read into, so nothing may look past `filled` (`CSVRecords`
/// limits its tokenizer to it, and a chunk is read only up to what is read).
///
/// A large order file (`mapsFile`, from `mappedFrom` bytes on, Linux) is mapped instead,
/// block by block, with the pages the system has of it mapped at once: the bytes are read where
/// the system keeps them, not copied (order lines: 3 to 5 % less CPU time). The mapping is guarded
/// (`cohort_guard`, in the C module `CPageMove`): when another program truncates the file, the
/// SIGBUS of a page past its new end maps zeros over the rest, and `fill(upTo:)` and
/// `checkUnchanged()` then throw `IngestError.changedWhileRead`, as a short read does. Pages
/// given back behind the reader of a mapped file are the file's again if read, not zeros.
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
    /// Pages given back were moved ahead, up to this offset, to be read into next.
    private(set) var movedAheadEnd = 0
    /// False once the system refused to move pages (and for a mapped file).
    private var movesPages = true
    /// The guard of a mapped file (`cohort_guard`); -1 when the file is read with `pread`.
    private var mappingGuard: Int32 = -1
    private var isMapped: Bool { mappingGuard >= 0 }
    /// Files from this size on are mapped when `mapsFile` (smaller ones read as quickly).
    static let mappedFrom = 32 << 20
    private let descriptor: Int32
    private let base: UnsafeMutableRawPointer?
    /// The mapping as made (`base` is aligned within it to a huge page).
    private let mapping: UnsafeMutableRawPointer?
    private let mappedLength: Int

    /// Memory is taken and given back in huge pages (2 MiB): a fault per 2 MiB, not per 4 KiB.
    static let hugePage = 2 << 20
    /// The system's page.
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// `value` rounded up to a whole number of `page`s.
    private static func roundedUp(_ value: Int, to page: Int) -> Int {
        (value + page - 1) / page * page
    }

    /// Bytes read per `pread`.
    static let blockSize = 4 << 20

    /// Takes over `descriptor` (an open regular file) and reserves memory for its bytes; a large
    /// one is mapped there when `mapsFile` (see above).
    init(descriptor: Int32, source: String, mapsFile: Bool = false) throws(IngestError) {
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
        mappedLength = Self.roundedUp(count, to: Self.hugePage) + Self.hugePage
        let address = mmap(nil, mappedLength, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        guard let address, address != MAP_FAILED else {
            close(descriptor)
            throw .outOfMemory(bytes: count)
        }
        mapping = address
        let aligned = Self.roundedUp(Int(bitPattern: address), to: Self.hugePage)
        base = UnsafeMutableRawPointer(bitPattern: aligned)
        #if os(Linux)
        if mapsFile && count >= Self.mappedFrom, let base {
            mappingGuard = cohort_guard(base, Self.roundedUp(count, to: Self.pageSize))
            movesPages = !isMapped
        }
        if count >= Self.hugePage && !isMapped { _ = madvise(base, mappedLength - Self.hugePage, MADV_HUGEPAGE) }
        #endif
    }

    deinit {
        cohort_unguard(mappingGuard)
        if let mapping { munmap(mapping, mappedLength) }
        close(descriptor)
    }

    /// Throws `changedWhileRead` when the mapped file was cut short while it was read (its
    /// missing bytes read as zeros); a file read with `pread` says so in `fill(upTo:)`.
    func checkUnchanged() throws(IngestError) {
        if cohort_guard_was_hit(mappingGuard) != 0 { throw .changedWhileRead(source: source) }
    }

    /// All the file's bytes; only `filled` of them are read yet.
    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base?.assumingMemoryBound(to: UInt8.self), count: count)
    }

    var isComplete: Bool { filled >= count }

    /// Reads on until at least `offset` bytes (or the whole file) are in `bytes`.
    func fill(upTo offset: Int) throws(IngestError) {
        let target = min(offset, count)
        guard filled < target, let base else { return }
        if isMapped {
            // Whole pages from `filled` (a page boundary): the last one ends past the file's end.
            let length = Self.roundedUp(min(max(Self.blockSize, target - filled), count - filled), to: Self.pageSize)
            guard cohort_map_file(base + filled, length, descriptor, off_t(filled)) == 0 else {
                throw .cannotRead(source: source, reason: .unreadable)
            }
            filled = min(count, filled + length)
            return try checkUnchanged()
        }
        while filled < target {
            let length = min(max(Self.blockSize, target - filled), count - filled)
            let got = pread(descriptor, base + filled, length, off_t(filled))
            if got < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(source: source, reason: .unreadable)
            }
            guard got > 0 else { throw .changedWhileRead(source: source) }
            filled += got
        }
    }

    func fillAll() throws(IngestError) {
        try fill(upTo: count)
    }

    /// Gives back the whole pages before `offset` (they must not be read again: `text(in:)` reads them anew).
    func release(before offset: Int) {
        guard let base else { return }
        // Whole huge pages of a large file; pages of the system in a small one.
        let page = count >= 4 * Self.hugePage ? Self.hugePage : Self.pageSize
        let start = Self.roundedUp(released, to: page)
        let end = min(offset, filled) / page * page
        guard end > start else { return }
        let moved = page == Self.hugePage ? moveAhead(start ..< end) : 0
        if end > start + moved { _ = madvise(base + start + moved, end - start - moved, MADV_DONTNEED) }
        released = max(released, end)
    }

    /// Moves the huge pages of `range` (given back) ahead of what is read, after the pages moved
    /// there before, as far as the file's last page; returns how many bytes were moved (0 when
    /// there is no room, or the system cannot move them: then it is not tried again).
    private func moveAhead(_ range: Range<Int>) -> Int {
        guard movesPages, let base else { return 0 }
        let page = Self.hugePage
        let target = max(movedAheadEnd, Self.roundedUp(filled, to: page))
        let length = min(range.count, Self.roundedUp(count, to: page) - target)
        guard length > 0 else { return 0 }
        guard cohort_move_pages(base + range.lowerBound, length, base + target) == 0 else {
            movesPages = false
            return 0
        }
        movedAheadEnd = target + length
        return length
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
