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

    /// The known name closest to `typed`: the only one it is a whole word of (`--window` → `--churn-window`),
    /// else the one fewest edits away (letters added, removed, changed or swapped), if that is a third of it at most.
    static func nearest(to typed: String, among names: [String]) -> String? {
        func bare(_ name: String) -> String { String(name.drop { $0 == "-" }).lowercased().replacingOccurrences(of: "_", with: "-") }
        let word = bare(typed)
        guard !word.isEmpty else { return nil }
        let containing = names.filter { bare($0).split(separator: "-").contains { $0 == word } || bare($0).hasPrefix(word + "-") }
        if containing.count == 1 { return containing[0] }
        let limit = max(1, min(3, word.count / 3))
        let scored = names.map { (name: $0, edits: editDistance(word, bare($0))) }.filter { $0.edits <= limit }
        return scored.min { $0.edits < $1.edits }?.name
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0 ... a.count { table[i][0] = i }
        for j in 0 ... b.count { table[0][j] = j }
        for i in 1 ... a.count {
            for j in 1 ... b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
