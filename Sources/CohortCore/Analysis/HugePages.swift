import Foundation

/// Asks the system to back large arrays with huge pages (2 MiB on x86-64 and arm64 Linux).
///
/// A table of hundreds of MiB read at random misses the TLB on nearly every access with
/// 4 KiB pages, so each lookup waits for the page table and then for the data. With huge
/// pages the page table's part stays cached. Where transparent huge pages are off, or on
/// other systems, the advice is a no-op. Used for the id tables of ingestion and the
/// rows of `CustomerHistory`.
package enum HugePages {
    /// Below this, a buffer gains nothing from huge pages.
    package static let threshold = 8 << 20

    /// Advises the whole 2 MiB-aligned part of `buffer`; call before the buffer is first written.
    package static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard buffer.count >= threshold, let base = buffer.baseAddress else { return }
        let hugePage = 2 << 20
        let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(hugePage - 1)
        guard end > start, let address = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(address, end - start, MADV_HUGEPAGE)
        #endif
    }
}
