import CohortCore
import Foundation

/// What stands at a path cohort is about to write, checked before anything is replaced.
///
/// cohort replaces a regular file (an earlier output) and, for report folders, a folder it
/// wrote itself; anything else at the path (a device, a pipe, a socket, a folder, a symbolic
/// link, wherever it points) is refused with an `OutputError`, and left as it is.
///
///     try OutputTarget.requireReplaceableFile("kpis.csv")   // nothing there, or a regular file
///     try OutputTarget.requireReplaceableFile("/dev/null")  // throws .notReplaceable(path:kind: .device)
public enum OutputTarget {
    /// Throws unless `path` is free or holds a regular file (not a link to one).
    public static func requireReplaceableFile(_ path: String) throws(OutputError) {
        guard let kind = kind(at: path) else { return }
        if kind != .file { throw .notReplaceable(path: path, kind: kind) }
    }

    /// What is at `path`, not following a final symbolic link; nil when nothing is.
    public static func kind(at path: String) -> OutputEntryKind? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        case S_IFIFO: return .pipe
        case S_IFSOCK: return .socket
        default: return .device
        }
    }

    /// A report folder cohort wrote, recognised by its content: a real folder (not a link) that
    /// holds `analysis.json` as a regular file. Every report folder has it, from the first version
    /// on (it is what `index.html` and `cohort report --from` read), so folders written before this
    /// check are recognised too, and no marker file is needed.
    public static func isReportFolder(_ path: String) -> Bool {
        kind(at: path) == .folder && kind(at: path + "/" + reportFolderFile) == .file
    }

    /// The file that makes a folder a report folder of cohort's.
    public static let reportFolderFile = "analysis.json"

    /// The write problem of an `errno` (by default the current one).
    public static func problem(_ code: Int32 = errno) -> WriteProblem {
        switch code {
        case ENOSPC: return .noSpace
        case EROFS: return .readOnly
        case EACCES, EPERM: return .permissionDenied
        case EDQUOT: return .quotaExceeded
        case EFBIG: return .fileTooLarge
        case EIO: return .inputOutput
        case ENOENT, ENOTDIR: return .missingFolder
        default: return .other(code: code, text: String(cString: strerror(code)))
        }
    }

    /// The folder `path` is in ("." for a bare file name).
    static func folder(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }
}
