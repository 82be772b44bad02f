import ArgumentParser
import CohortVocabulary
import Foundation

extension CohortCommand {
    /// Parses the arguments, runs the command, and ends every failure the same way: one line
    /// `cohort: error: …` on standard error, status 2 for a usage error (an unknown option or
    /// command, a missing or bad value, a refused setting) and 1 for anything else.
    ///
    /// Replaces the argument parser's `main()`, which prints `Error:` with the usage below it and
    /// exits with 64. An unknown option or command is named with the nearest known one, in the
    /// language of `--locale` or of the environment. Help is the parser's, wrapped by `HelpLayout`.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        Terminal.ignoreBrokenPipeSignal()
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            end(with: error, arguments: arguments)
        }
    }

    private static func end(with error: Error, arguments: [String]) -> Never {
        if let code = error as? ExitCode { Foundation.exit(code.rawValue) } // the command has said why
        let code = exitCode(for: error)
        if code.isSuccess { // help, the version, another clean exit
            let text = fullMessage(for: error), unwrapped = fullMessage(for: error, columns: HelpLayout.unwrapped)
            Terminal.write((text == unwrapped ? text : HelpLayout.wrap(unwrapped, width: HelpLayout.terminalWidth)) + "\n")
            Foundation.exit(0)
        }
        let usageError = code == .validationFailure
        let words = CommandLanguage.of(arguments).words
        if usageError, let unknown = UnknownArgument.first(in: arguments, of: ToolDescription.cohort) {
            Terminal.error(unknown.describe(words))
        } else {
            Terminal.error(oneLine(message(for: error)))
        }
        Foundation.exit(usageError ? 2 : 1)
    }

    /// The parser's message as one line that continues "cohort: error: ": "Missing expected argument" → "missing expected argument".
    static func oneLine(_ message: String) -> String {
        var text = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
        // A capitalized first word ("Missing", "Name"), not a file name ("Orders.csv:") or an abbreviation ("CSV").
        let firstWord = text.prefix { $0 != " " }
        if let first = firstWord.first, first.isUppercase, firstWord.dropFirst().allSatisfy(\.isLowercase), firstWord.count > 1 {
            text = first.lowercased() + text.dropFirst()
        }
        return text
    }
}
