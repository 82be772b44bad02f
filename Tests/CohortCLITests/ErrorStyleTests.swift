import Foundation
import Testing

/// Every failure ends the same way: one line `cohort: error: …` on standard error, nothing on standard
/// output, status 2 for bad input or usage, 1 when the tool or the environment failed.
struct ErrorStyleTests {
    private let orders = CLIRunner.fixture("small-orders.csv")

    private func expectOneErrorLine(_ arguments: [String], status: Int32, message: String,
                                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == status, "cohort \(arguments.joined(separator: " "))", sourceLocation: sourceLocation)
        #expect(result.standardError == "cohort: error: \(message)\n", sourceLocation: sourceLocation)
        #expect(result.standardOutput.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func checksOfOptionsAreOneLineWithStatus2() throws {
        // Refused by a command's own check (ValidationError), while parsing and while running.
        try expectOneErrorLine(["report", orders, "--keep", "0"], status: 2, message: "--keep must be 1 or more.")
        try expectOneErrorLine(["kpis"], status: 2, message: "name at least one orders file, or '-' for standard input.")
        try expectOneErrorLine(["sample", "--rows", "5", "--customers", "5"], status: 2, message: "give --customers or --rows, not both.")
    }

    @Test func parserErrorsAreOneLineWithStatus2() throws {
        try expectOneErrorLine(["kpis", orders, "--as-of"], status: 2, message: "missing value for '--as-of <date>'")
        try expectOneErrorLine(["chart", orders], status: 2, message: "missing expected argument '--out <file>'")
        try expectOneErrorLine(["kpis", orders, "--format", "tabel"], status: 2,
                               message: "the value 'tabel' is invalid for '--format <format>'. Please provide one of 'table', 'csv', 'json' or 'xlsx'.")
    }

    @Test func badInputIsOneLineWithStatus2() throws {
        try expectOneErrorLine(["matrix", "no-such-file.csv"], status: 2, message: "no-such-file.csv: cannot read the file: no such file")
        let folder = try CLIRunner.temporaryDirectory()
        let configuration = folder.appendingPathComponent("bad.yml")
        try "analysis:\n  period: fortnight\n".write(to: configuration, atomically: true, encoding: .utf8)
        try expectOneErrorLine(["report", orders, "--config", configuration.path], status: 2,
                               message: "\(configuration.path): 'analysis.period': 'fortnight' is not a period: month, week or quarter")
    }

    @Test func aFailingEnvironmentIsOneLineWithStatus1() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let result = try CLIRunner.run(["chart", orders, "--out", folder.appendingPathComponent("missing/retention.png").path])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("cohort: error: "))
        #expect(result.standardError.filter { $0 == "\n" }.count == 1, "\(result.standardError)")
    }

    @Test func noErrorSaysErrorTheParsersWay() throws {
        for arguments in [["kpis", orders, "--churn-windw", "3"], ["report", orders, "--keep", "0"], ["kpis"], ["kpi"]] {
            let result = try CLIRunner.run(arguments)
            #expect(!result.standardError.contains("Error:") && !result.standardError.contains("Usage:"), "\(result.standardError)")
        }
    }
}
