import CohortCore
import CohortVocabulary

/// The first argument that names neither an option of its command nor a command, with the
/// nearest known name: `cohort kpis --churn-windw 3` → `--churn-windw`, did you mean `--churn-window`?
///
///     UnknownArgument.first(in: ["kpi", "orders.csv"], of: tool)   // command "kpi", suggestion "kpis"
struct UnknownArgument: Equatable {
    enum Kind { case option, command }

    var kind: Kind
    /// As typed, without a `=value`.
    var name: String
    var suggestion: String?
    /// "cohort kpis": the command the option was given to.
    var command: String

    func describe(_ words: any Vocabulary) -> String {
        switch kind {
        case .option: return words.unknownOption(name, suggestion: suggestion, command: command)
        case .command: return words.unknownCommand(name, suggestion: suggestion)
        }
    }

    /// Walks the arguments as the parser does: commands first, then options (skipping the value of one that takes it)
    /// and files; stops at `--`. Nil when every argument is known, or `tool` is nil.
    static func first(in arguments: [String], of tool: ToolDescription.Command?) -> UnknownArgument? {
        guard var command = tool else { return nil }
        var path = [command.commandName]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" { return nil }
            if argument.hasPrefix("-") && argument.count > 1 && Double(argument) == nil {
                let name = argument.hasPrefix("--") ? String(argument.prefix { $0 != "=" }) : argument
                guard let known = command.argument(spelled: name) else {
                    return UnknownArgument(kind: .option, name: name, suggestion: nearest(to: name, among: command.longNames),
                                           command: path.joined(separator: " "))
                }
                if known.kind == "option" && !argument.contains("=") { index += 1 }
            } else if let subcommands = command.subcommands, !subcommands.isEmpty {
                guard let next = subcommands.first(where: { $0.commandName == argument }) else {
                    return UnknownArgument(kind: .command, name: argument, suggestion: nearest(to: argument, among: subcommands.map(\.commandName)),
                                           command: path.joined(separator: " "))
                }
                if next.commandName == "help" { return nil } // `cohort help kpis`: the rest names commands
                command = next
                path.append(next.commandName)
            }
        }
        return nil
    }

    /// The known name closest to `typed` (see `NearestName`).
    static func nearest(to typed: String, among names: [String]) -> String? {
        NearestName.among(names, for: typed)
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        NearestName.editDistance(a, b)
    }
}
