import CohortCore
import CohortReports
import CohortVocabulary
import Foundation

/// Standard output and error, written directly (no buffering surprises when piped).
///
/// Standard output that cannot take the bytes ends the command: a closed pipe (`cohort kpis |
/// head -1`) quietly with status 0, as the reader has what it wanted; any other failure (a full
/// disk, `> /dev/full`) with one line naming standard output and status 1. Writes to standard
/// error that fail are dropped: there is nowhere left to say so. Warnings, errors and notes are one
/// line each: control characters in them (from file names, values) are escaped (`OneLineText`).
enum Terminal {
    static func write(_ text: String) {
        write(Data(text.utf8))
    }

    static func write(_ data: Data) {
        data.withUnsafeBytes(write)
    }

    static func write(_ bytes: UnsafeRawBufferPointer) {
        guard let failure = AsideFile.writeAll(bytes, to: STDOUT_FILENO) else { return }
        if failure == EPIPE { Foundation.exit(0) }
        error(CommandLanguage.of(Array(CommandLine.arguments.dropFirst())).words
            .describe(OutputError.writeFailed(path: "-", problem: OutputTarget.problem(failure))))
        Foundation.exit(1)
    }

    static func warn(_ message: String) {
        writeError("cohort: warning: \(OneLineText.escaped(message))\n")
    }

    static func error(_ message: String) {
        writeError("cohort: error: \(OneLineText.escaped(message))\n")
    }

    static func note(_ message: String) {
        writeError("\(OneLineText.escaped(message))\n")
    }

    /// To standard error, ignoring failure.
    static func writeError(_ text: String) {
        _ = Data(text.utf8).withUnsafeBytes { AsideFile.writeAll($0, to: STDERR_FILENO) }
    }

    /// A closed pipe is an `EPIPE` error of `write`, not a signal that ends the process unheard.
    static func ignoreBrokenPipeSignal() {
        signal(SIGPIPE, SIG_IGN)
    }
}
