/// Why an output (a `--out` file, the report folder, a published period, `index.html`,
/// standard output) was not written: facts for the vocabulary, no sentences.
///
/// Refusals (`notReplaceable`, `notWrittenByCohort`) are about the target the user named and
/// end the command with status 2 before anything is replaced; `writeFailed` is the
/// environment's (a full or read-only disk) and ends it with status 1.
///
///     OutputError.notReplaceable(path: "/dev/null", kind: .device)
///     // "cannot write /dev/null: it is a device, not a file cohort may replace"
public enum OutputError: Error, Equatable, Sendable {
    /// `path` exists and is not what cohort writes there (a regular file, or a folder of a report).
    case notReplaceable(path: String, kind: OutputEntryKind)
    /// `path` is a folder or file that cohort did not write; it is neither replaced nor deleted.
    case notWrittenByCohort(path: String)
    /// A folder is to be made in `path`, which is not a folder (a file, a device, a link to one).
    case notAFolder(path: String, kind: OutputEntryKind)
    /// Writing `path` failed; `path` is "-" for standard output.
    case writeFailed(path: String, problem: WriteProblem)

    /// True for the refusals of a target (exit status 2), false for a failed write (1).
    public var isRefusal: Bool {
        if case .writeFailed = self { return false }
        return true
    }
}

/// What stands at a path that cohort will not replace.
public enum OutputEntryKind: String, Equatable, Sendable {
    case folder, file, device, pipe, socket, symbolicLink
}

/// Why a write failed, from the system's `errno`.
public enum WriteProblem: Equatable, Sendable {
    case noSpace, readOnly, permissionDenied, quotaExceeded, fileTooLarge, inputOutput, missingFolder
    /// Any other error: its number and the system's text.
    case other(code: Int32, text: String)
}
