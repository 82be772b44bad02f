import Foundation
import Testing

/// Bad input ends with one clear line naming the file (and line), status 2, never a stack trace.
struct ErrorHandlingTests {
    @Test func missingFileIsOneLineWithStatus2() throws {
        let result = try CLIRunner.run(["matrix", "no-such-file.csv"])
        #expect(result.status == 2)
        #expect(result.standardError == "cohort: error: no-such-file.csv: cannot read the file: no such file\n")
    }

    @Test func tooManyRejectedRowsFailNamingTheFirstOne() throws {
        let file = CLIRunner.fixture("german-orders.csv")
        let result = try CLIRunner.run(["matrix", file])
        #expect(result.status == 2)
        // 4 of 7 data rows are bad (lines 5 to 8): far above the default 1 %.
        #expect(result.standardError.contains("4 of 7 rows (57.1 %) could not be read"))
        #expect(result.standardError.contains("german-orders.csv:5: column 'Betrag': '12,5O' is not a number"))
        #expect(result.standardError.split(separator: "\n").count == 1) // one line, nothing else
    }

    @Test func rejectedRowsAreSkippedWhenAllowed() throws {
        let result = try CLIRunner.run(["kpis", CLIRunner.fixture("german-orders.csv"), "--max-rejected", "80", "--format", "csv"])
        #expect(result.status == 0)
        // Kept: K-1 05.01. +1234.50, K-2 31.01. +99.90, K-1 01.02. −34.50 → Jan revenue 1334.40, Feb −34.50.
        // The latest kept date, 2026-02-01, is the as-of date, so February is partial. In February
        // K-1 only has a refund and K-2 nothing: both churn, S 2, C 2, E 0 → churn 1, CRR (0 − 0) / 2 = 0.
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines[1].hasPrefix("2026-01,false,0,2,0,0,2,,,,,1334.40,"))
        #expect(lines[2].hasPrefix("2026-02,true,2,0,0,2,0,1.0000,0.0000,,,-34.50,"))
    }

    @Test func strictRefusesAnyBadRow() throws {
        let result = try CLIRunner.run(["matrix", CLIRunner.fixture("german-orders.csv"), "--strict"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("german-orders.csv:5: column 'Betrag': '12,5O' is not a number (--strict refuses any bad row)"))
    }

    @Test func missingColumnSuggestsTheClosestName() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let file = directory.appendingPathComponent("orders.csv")
        try "kunde,datum,betrag\nA,2026-01-01,1\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["matrix", file.path, "--amount-column", "Betrga"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("orders.csv:1: there is no column 'Betrga' for --amount-column (did you mean 'betrag'?)"))
    }

    @Test func everyCommandHelpShowsExamples() throws {
        for command in ["report", "matrix", "kpis", "sample"] {
            let result = try CLIRunner.run([command, "--help"])
            #expect(result.status == 0)
            #expect(result.standardOutput.contains("Examples:"), "\(command) --help has no examples")
        }
    }
}
