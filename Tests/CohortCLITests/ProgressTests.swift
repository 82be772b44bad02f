import Foundation
import Testing

/// The progress bar of the analysing commands stays off standard error unless it is a
/// terminal; `--quiet` is accepted everywhere and changes nothing else.
struct ProgressTests {
    @Test(arguments: [["matrix", "--format", "csv"], ["kpis", "--format", "csv"]])
    func noProgressOnAPipeAndQuietChangesNothingElse(command: [String]) throws {
        let arguments = [command[0], CLIRunner.fixture("small-orders.csv")] + command.dropFirst()
        let plain = try CLIRunner.run(arguments)
        let quiet = try CLIRunner.run(arguments + ["--quiet"])
        #expect(plain.status == 0 && quiet.status == 0)
        #expect(plain.standardError.isEmpty)              // standard error is a pipe here: no bar
        #expect(quiet.standardError.isEmpty)
        #expect(quiet.standardOutput == plain.standardOutput)
    }

    @Test func helpNamesQuiet() throws {
        for command in ["matrix", "kpis", "chart", "report"] {
            let help = try CLIRunner.run([command, "--help"])
            #expect(help.standardOutput.contains("--quiet"), "cohort \(command) --help")
        }
    }
}
