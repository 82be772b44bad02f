import Testing

/// A misspelt option or command is named with the nearest known one, in the command's language, as a usage error.
struct MisspeltOptionTests {
    private let orders = CLIRunner.fixture("small-orders.csv")

    @Test func misspeltOptionSuggestsTheNearest() throws {
        let result = try CLIRunner.run(["kpis", orders, "--churn-windw", "3"])
        #expect(result.status == 2)
        #expect(result.standardError == "cohort: error: unknown option '--churn-windw' (did you mean '--churn-window'?)\n")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func partOfAnOptionSuggestsTheWhole() throws {
        let result = try CLIRunner.run(["report", orders, "--window", "3"])
        #expect(result.status == 2)
        #expect(result.standardError == "cohort: error: unknown option '--window' (did you mean '--churn-window'?)\n")
        let underscore = try CLIRunner.run(["matrix", orders, "--churn_window=3"])
        #expect(underscore.standardError == "cohort: error: unknown option '--churn_window' (did you mean '--churn-window'?)\n")
    }

    @Test func suggestionInTheCommandsLanguage() throws {
        let result = try CLIRunner.run(["kpis", orders, "--locale", "de", "--asof", "2026-03-31"])
        #expect(result.status == 2)
        #expect(result.standardError == "cohort: error: unbekannte Option '--asof' (gemeint: '--as-of'?)\n")
        let fromEnvironment = try CLIRunner.run(["survival", orders, "--churnwindow", "2"], environment: ["LC_ALL": "de_DE.UTF-8"])
        #expect(fromEnvironment.standardError == "cohort: error: unbekannte Option '--churnwindow' (gemeint: '--churn-window'?)\n")
    }

    @Test func misspeltCommandSuggestsTheNearest() throws {
        let result = try CLIRunner.run(["kpi", orders])
        #expect(result.status == 2)
        #expect(result.standardError == "cohort: error: unknown command 'kpi' (did you mean 'kpis'?)\n")
        let swapped = try CLIRunner.run(["reprot", orders])
        #expect(swapped.standardError == "cohort: error: unknown command 'reprot' (did you mean 'report'?)\n")
    }

    @Test func nothingCloseSaysWhereTheNamesAre() throws {
        let option = try CLIRunner.run(["kpis", orders, "--frobnicate"])
        #expect(option.status == 2)
        #expect(option.standardError == "cohort: error: unknown option '--frobnicate'; 'cohort kpis --help' lists the options\n")
        let command = try CLIRunner.run(["frobnicate"])
        #expect(command.status == 2)
        #expect(command.standardError == "cohort: error: unknown command 'frobnicate'; 'cohort --help' lists the commands\n")
    }

    @Test func valuesAndFilesAreNotTakenForOptions() throws {
        // The value of an option is skipped when looking for unknown names.
        let result = try CLIRunner.run(["kpis", orders, "--churn-window", "2", "--format", "csv"])
        #expect(result.status == 0, "\(result.standardError)")
        // A value that looks like an option is the parser's to refuse: it is missing, not unknown.
        let missing = try CLIRunner.run(["summary", orders, "--target", "--nrr=1.0"])
        #expect(missing.status == 2)
        #expect(missing.standardError == "cohort: error: missing value for '--target <key=value>'\n")
    }
}
