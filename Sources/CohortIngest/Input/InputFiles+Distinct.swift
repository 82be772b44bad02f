import CohortCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension InputFiles {
    /// The files without repeats: a file named again under another name (the same device and
    /// inode: a link, `./a.csv` beside `a.csv`) or a copy with the same bytes is left out, with
    /// a warning, so that its orders are not counted twice.
    ///
    /// Complexity: one `stat` per file; files of equal size are compared byte by byte.
    static func distinct(_ files: [String]) -> (files: [String], warnings: [InputWarning]) {
        struct Seen {
            var name: String
            var device: UInt64
            var inode: UInt64
            var size: Int
        }
        var kept: [String] = []
        var seen: [Seen] = []
        var warnings: [InputWarning] = []
        for file in files {
            var status = stat()
            guard file != "-", stat(file, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
                kept.append(file)
                continue
            }
            let this = Seen(name: file, device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int(status.st_size))
            if let original = seen.first(where: { $0.device == this.device && $0.inode == this.inode }) {
                warnings.append(.sameInputTwice(source: file, original: original.name, sameFile: true))
                continue
            }
            if this.size > 0, let original = seen.first(where: { $0.size == this.size && sameBytes($0.name, file, size: this.size) }) {
                warnings.append(.sameInputTwice(source: file, original: original.name, sameFile: false))
                continue
            }
            seen.append(this)
            kept.append(file)
        }
        return (kept, warnings)
    }

    /// Whether two files of `size` bytes hold the same bytes (false when either cannot be read).
    private static func sameBytes(_ first: String, _ second: String, size: Int) -> Bool {
        let a = systemOpen(first, O_RDONLY | O_CLOEXEC), b = systemOpen(second, O_RDONLY | O_CLOEXEC)
        defer {
            if a >= 0 { close(a) }
            if b >= 0 { close(b) }
        }
        guard a >= 0, b >= 0 else { return false }
        let block = 1 << 20
        var left = [UInt8](repeating: 0, count: block), right = [UInt8](repeating: 0, count: block)
        var offset = 0
        while offset < size {
            let length = min(block, size - offset)
            let gotLeft = left.withUnsafeMutableBytes { pread(a, $0.baseAddress, length, off_t(offset)) }
            let gotRight = right.withUnsafeMutableBytes { pread(b, $0.baseAddress, length, off_t(offset)) }
            guard gotLeft == length, gotRight == length, left[..<length] == right[..<length] else { return false }
            offset += length
        }
        return true
    }
}
