import Foundation

/// One output file (`--out FILE` of a command) written whole or not at all: beside its
/// destination first (`O_EXCL|O_NOFOLLOW`, a name nobody else uses), then renamed onto it, so
/// that the path holds the old file or the whole new one, never a part.
///
/// What is not a plain file is never replaced: a device or pipe (`/dev/stdout`, a FIFO) or a
/// symbolic link is written through as it is; a folder is refused.
///
///     try OutputFile.write(workbookData, to: "kpis.xlsx")
public enum OutputFile {
    public static func write(_ data: Data, to path: String) throws(ReportError) {
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            var target = stat()
            if stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFDIR { throw .write(path, "it is a folder") }
            let truncate = stat(path, &target) == 0 && target.st_mode & S_IFMT == S_IFREG ? O_TRUNC : 0
            try writeThrough(data, to: path, flags: O_WRONLY | O_CLOEXEC | truncate)
            return
        }
        let url = URL(fileURLWithPath: path)
        let aside = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0 ... .max)).tmp").path
        let descriptor = open(aside, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .write(path, String(cString: strerror(errno))) }
        var failure = writeAll(data, to: descriptor)
        if failure == nil, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if failure == nil, rename(aside, path) != 0 { failure = errno }
        if let failure {
            unlink(aside)
            throw .write(path, String(cString: strerror(failure)))
        }
    }

    /// Writes into what `path` names (a device, a pipe, a link's target), without replacing it.
    private static func writeThrough(_ data: Data, to path: String, flags: Int32) throws(ReportError) {
        let descriptor = open(path, flags)
        guard descriptor >= 0 else { throw .write(path, String(cString: strerror(errno))) }
        var failure = writeAll(data, to: descriptor)
        if close(descriptor) != 0, failure == nil { failure = errno }
        if let failure { throw .write(path, String(cString: strerror(failure))) }
    }

    /// Every byte of `data`; the `errno` of a failed write, or nil.
    private static func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
        data.withUnsafeBytes { bytes -> Int32? in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }
}
