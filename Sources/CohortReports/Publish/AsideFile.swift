import CohortCore
import Foundation

/// A file written aside and renamed into place, so that its path holds the earlier file or the
/// whole new one, never a part, and nothing but a regular file is ever replaced.
///
/// The new file is created in a private folder made by `mkdtemp` beside the target (same file
/// system, mode 0700, a name nobody else can guess or take), opened with
/// `O_CREAT|O_EXCL|O_NOFOLLOW`, synced, and renamed onto the target; a link or file planted on
/// the way is never followed. Dropped without `commit()`, it leaves nothing behind.
///
///     let file = try AsideFile(target: "orders.csv")
///     try file.write(Data("customer,date,amount\n".utf8))
///     try file.commit()
public final class AsideFile {
    public let target: String
    private let privateFolder: String
    private let temporary: String
    private var descriptor: Int32
    private var committed = false

    /// Refuses a target that is not free or a regular file, and opens the file aside.
    public init(target: String) throws(OutputError) {
        try OutputTarget.requireReplaceableFile(target)
        self.target = target
        privateFolder = try Self.makePrivateFolder(beside: target)
        temporary = privateFolder + "/" + ((target as NSString).lastPathComponent.isEmpty ? "output" : (target as NSString).lastPathComponent)
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            let problem = OutputTarget.problem()
            rmdir(privateFolder)
            throw .writeFailed(path: target, problem: problem)
        }
    }

    deinit { discard() }

    /// Appends `data`.
    public func write(_ data: Data) throws(OutputError) {
        let failure = data.withUnsafeBytes { Self.writeAll($0, to: descriptor) }
        if let failure { throw .writeFailed(path: target, problem: OutputTarget.problem(failure)) }
    }

    /// Appends `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        if let failure = Self.writeAll(bytes, to: descriptor) { throw .writeFailed(path: target, problem: OutputTarget.problem(failure)) }
    }

    /// Syncs, closes and renames the file onto the target; checks the target again just before.
    public func commit() throws(OutputError) {
        var failure: Int32?
        if fsync(descriptor) != 0, errno != EINVAL { failure = errno } // EINVAL: a file system without fsync
        if close(descriptor) != 0, failure == nil { failure = errno }
        descriptor = -1
        if let failure { throw .writeFailed(path: target, problem: OutputTarget.problem(failure)) }
        try OutputTarget.requireReplaceableFile(target)
        // rename(2) replaces a regular file, or a link planted since, in one step, and never follows a link.
        guard rename(temporary, target) == 0 else {
            let code = errno
            if code == EISDIR { throw .notReplaceable(path: target, kind: .folder) }
            throw .writeFailed(path: target, problem: OutputTarget.problem(code))
        }
        committed = true
        rmdir(privateFolder)
    }

    /// Removes the file aside and its folder, when not committed.
    private func discard() {
        if descriptor >= 0 { close(descriptor); descriptor = -1 }
        if committed { return }
        unlink(temporary)
        rmdir(privateFolder)
    }

    /// `mkdtemp` beside `target`: `.cohort-<name>-XXXXXX`, mode 0700.
    static func makePrivateFolder(beside target: String) throws(OutputError) -> String {
        let folder = OutputTarget.folder(of: target)
        let name = (target as NSString).lastPathComponent.prefix(64)
        var template = Array("\(folder)/.cohort-\(name)-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            let code = errno
            var status = stat()
            if code == ENOTDIR, stat(folder, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
                throw .notAFolder(path: folder, kind: OutputTarget.kind(at: folder) ?? .file)
            }
            throw .writeFailed(path: target, problem: OutputTarget.problem(code))
        }
        return String(cString: made)
    }

    /// Every byte of `bytes` to `descriptor` (a file, or standard output and error for the
    /// terminal); the `errno` of a failed write, or nil.
    public static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
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

    /// Creates the new file `path` (`O_EXCL|O_NOFOLLOW`: never an existing file or a link) and writes `data`.
    static func create(_ path: String, with data: Data, reportedAs target: String) throws(OutputError) {
        try create(path, with: StreamedFile(data), reportedAs: target)
    }

    /// Creates the new file `path` (`O_EXCL|O_NOFOLLOW`) and writes the pieces of `contents` as they are made.
    static func create(_ path: String, with contents: StreamedFile, reportedAs target: String) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw .writeFailed(path: target, problem: OutputTarget.problem()) }
        var failure: Int32?
        contents.write { bytes in
            failure = writeAll(bytes, to: descriptor)
            return failure == nil
        }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if let failure { throw .writeFailed(path: target, problem: OutputTarget.problem(failure)) }
    }
}
