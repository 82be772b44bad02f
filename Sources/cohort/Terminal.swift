import CohortVocabulary
import Foundation

/// Standard output and error, written directly (no buffering surprises when piped). Warnings and
/// errors are one line each: control characters in them (from file names, values) are escaped.
enum Terminal {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func write(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("cohort: warning: \(OneLineText.escaped(message))\n".utf8))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("cohort: error: \(OneLineText.escaped(message))\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(OneLineText.escaped(message))\n".utf8))
    }
}
