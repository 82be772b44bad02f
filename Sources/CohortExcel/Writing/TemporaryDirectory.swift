import Foundation

/// A private directory (mode 0700, from `mkdtemp`) that is removed with everything in it
/// when this value goes away.
final class TemporaryDirectory {
    let path: String

    /// A new directory inside `parent`.
    init(in parent: String) throws(ExcelError) {
        var template = Array((parent + "/cohort-xlsx.XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
        guard made != nil else { throw .temporaryDirectory(path: parent, errno: errno) }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
