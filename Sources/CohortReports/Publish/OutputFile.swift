import Foundation

/// One output file written whole or not at all: beside its destination first (`O_EXCL|O_NOFOLLOW`,
/// a name nobody else uses), then renamed onto it, so that the path holds the old file or the
/// whole new one, never a part.
///
///     try OutputFile.write(workbookData, to: "kpis.xlsx")
public enum OutputFile {
    public static func write(_ data: Data, to path: String) throws(ReportError) {
        let url = URL(fileURLWithPath: path)
        let aside = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0 ... .max)).tmp").path
        let descriptor = open(aside, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .write(path, String(cString: strerror(errno))) }
        var failure: Int32?
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if failure == nil, rename(aside, path) != 0 { failure = errno }
        if let failure {
            unlink(aside)
            throw .write(path, String(cString: strerror(failure)))
        }
    }
}
