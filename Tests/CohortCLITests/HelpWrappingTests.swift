import Testing

/// Help is wrapped to the terminal, between words and never inside parentheses or brackets.
struct HelpWrappingTests {
    /// Every command `cohort --help` lists (so commands added later are checked too), and `cohort` itself.
    private func commands() throws -> [[String]] {
        let help = try CLIRunner.run(["--help"], environment: ["COLUMNS": "80"]).standardOutput
        let listed = help.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0 != "SUBCOMMANDS:" }.dropFirst()
            .prefix { !$0.isEmpty }
            .compactMap { $0.hasPrefix("  ") && !$0.hasPrefix("   ") ? $0.split(separator: " ").first.map(String.init) : nil }
        return [[]] + listed.map { [$0] }
    }

    /// Parentheses still open at the end of `line`.
    private func openParentheses(_ line: Substring) -> Int {
        line.reduce(0) { depth, character in character == "(" ? depth + 1 : character == ")" ? max(0, depth - 1) : depth }
    }

    @Test func eightyColumnsNeverBreakInsideParentheses() throws {
        let commands = try commands()
        #expect(commands.count >= 12) // cohort and its eleven commands
        for command in commands {
            let result = try CLIRunner.run(command + ["--help"], environment: ["COLUMNS": "80"])
            #expect(result.status == 0)
            for line in result.standardOutput.split(separator: "\n") {
                #expect(openParentheses(line) == 0, "cohort \(command.joined()) --help: '\(line)'")
                #expect(line.count <= 80, "cohort \(command.joined()) --help: '\(line)'")
            }
        }
    }

    @Test func optionTextWrapsBeforeItsParenthesis() throws {
        let result = try CLIRunner.run(["kpis", "--help"], environment: ["COLUMNS": "80"])
        // 26 columns of label, 54 of text: the parenthesis does not fit behind "Column with the customer id".
        #expect(result.standardOutput.contains("""
              --customer-column <name>
                                      Column with the customer id
                                      (default: detected, e.g. customer_id, Kundennummer).

            """))
        // The parser's own "(values: …; default: …)" is kept whole too.
        #expect(result.standardOutput.split(separator: "\n").contains { $0.hasSuffix("(values: table, csv, json, xlsx; default: table)") })
    }

    @Test func wideTerminalsGetLongLines() throws {
        let result = try CLIRunner.run(["report", "--help"], environment: ["COLUMNS": "200"])
        // No line breaks written into the text: a paragraph is one line when there is room.
        #expect(result.standardOutput.contains(
            "The folder is built aside and renamed into place in one step, so nobody sees a half-written report; a failed run leaves"))
        #expect(result.standardOutput.contains(
            "  --customer-column <name>\n                          Column with the customer id (default: detected, e.g. customer_id, Kundennummer).\n"))
    }

    @Test func helpCommandWrapsAlike() throws {
        let viaCommand = try CLIRunner.run(["help", "report"], environment: ["COLUMNS": "80"])
        let viaFlag = try CLIRunner.run(["report", "-h"], environment: ["COLUMNS": "80"])
        #expect(viaCommand.status == 0)
        #expect(viaCommand.standardOutput == viaFlag.standardOutput)
    }
}
