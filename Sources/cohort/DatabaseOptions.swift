import ArgumentParser
import CohortDatabase
import CohortJob
import CohortVocabulary

/// The options of a `postgresql://` source: the table or query, pushdown or not, `--explain`.
/// Part of `InputOptions`, so every analysing command has them.
struct DatabaseOptions: ParsableArguments {
    @Option(help: ArgumentHelp("With a postgresql:// source: the table or view of order lines, e.g. orders or sales.orders.", valueName: "name"))
    var table: String?

    @Option(help: ArgumentHelp("With a postgresql:// source: a SELECT whose rows are the order lines (run read-only).", valueName: "sql"))
    var query: String?

    @Flag(help: "With a postgresql:// source: stream every row instead of letting the database sum the orders (the default).")
    var noPushdown = false

    @Flag(help: "With a postgresql:// source: print the statement cohort sends, with the server's plan (EXPLAIN), and stop.")
    var explain = false

    /// Refuses the database options beside files only.
    func validate(files: [String]) throws {
        guard !files.isEmpty, !files.contains(where: DatabaseSource.isURL) else { return }
        if table != nil || query != nil || noPushdown || explain {
            throw ValidationError("--table, --query, --no-pushdown and --explain need a postgresql:// source.")
        }
    }

    func apply(to options: inout JobOptions) {
        options.database.table = table ?? options.database.table
        options.database.query = query ?? options.database.query
        if noPushdown { options.database.pushdown = false }
    }
}

extension InputOptions {
    /// With `--explain` and a database source: prints the statement and the server's plan (or why
    /// there is none) and returns true; the command then stops.
    func explainIfAsked(_ options: JobOptions, collectsPurchases: Bool) throws -> Bool {
        let job = ReportJob(options: options)
        guard database.explain, let url = job.databaseURL else { return false }
        let words = options.look.language.words
        let (statement, plan, error) = try CommandRun(language: options.look.language, quiet: true).failingCleanly {
            try job.explainDatabase(url, collectsPurchases: collectsPurchases)
        }
        Terminal.write(words.explainStatementHeading + "\n" + statement + ";\n")
        if let plan {
            Terminal.write("\n" + words.explainPlanHeading + "\n" + plan.map { "-- " + $0 }.joined(separator: "\n") + "\n")
        } else if let error {
            Terminal.warn(words.explainWithoutPlan(error))
        }
        return true
    }
}
