import Foundation

/// Asks the system to back large arrays with huge pages (2 MiB on x86-64 and arm64 Linux).
///
/// A table of hundreds of MiB read at random misses the TLB on nearly every access with
/// 4 KiB pages, so each lookup waits for the page table and then for the data. With huge
/// pages the page table's part stays cached. A column filled from start to end gains too:
/// every 4 KiB page costs a fault the first time it is written, which on a virtual machine
/// is several times the cost of zeroing the page, and a huge page is one fault for 512 of
/// them. Where transparent huge pages are off, or on other systems, the advice is a no-op.
/// Used for the id tables and columns of ingestion and the arrays of `CustomerHistory`.
package enum HugePages {
    /// Below this, a buffer gains nothing from huge pages.
    package static let threshold = 4 << 20

    /// Reserves room for `count` elements in all (kept ones included) and advises that room
    /// onto huge pages; call before the room is written.
    package static func reserve<Element>(_ array: inout [Element], count: Int) {
        array.reserveCapacity(count)
        let bytes = array.capacity * MemoryLayout<Element>.stride
        array.withUnsafeMutableBufferPointer { buffer in
            advise(UnsafeMutableRawBufferPointer(start: buffer.baseAddress, count: buffer.baseAddress == nil ? 0 : bytes))
        }
    }

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
