import ArgumentParser
import Foundation

/// The commands and options of `cohort` as the argument parser knows them (its help dump, the
/// `--experimental-dump-help` JSON), for naming the nearest option to a misspelt one.
struct ToolDescription: Decodable {
    struct Name: Decodable {
        /// "long", "short" or "longWithSingleDash".
        var kind: String
        var name: String

        /// "--churn-window", "-h".
        var spelled: String { kind == "long" ? "--" + name : "-" + name }
    }

    struct Argument: Decodable {
        /// "option" (takes a value), "flag" or "positional".
        var kind: String
        var names: [Name]?
    }

    struct Command: Decodable {
        var commandName: String
        var arguments: [Argument]?
        var subcommands: [Command]?

        /// The option or flag spelled `name` ("--as-of", "-h").
        func argument(spelled name: String) -> Argument? {
            arguments?.first { $0.names?.contains { $0.spelled == name } ?? false }
        }

        /// Every long name, "--as-of", in the order of the help.
        var longNames: [String] {
            (arguments ?? []).flatMap { ($0.names ?? []).filter { $0.kind == "long" }.map(\.spelled) }
        }
    }

    var command: Command

    /// `cohort` itself; nil if the parser's dump cannot be read (then no suggestions are made).
    static var cohort: Command? {
        try? JSONDecoder().decode(ToolDescription.self, from: Data(CohortCommand._dumpHelp().utf8)).command
    }
}
