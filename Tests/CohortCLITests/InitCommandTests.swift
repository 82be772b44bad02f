import Foundation
import Testing

/// `cohort init` writes a configuration that works as written: in the repository's folder it reads the
/// example data; elsewhere the first report names the key to edit. The file is a text file ending in a newline.
struct InitCommandTests {
    /// The repository's folder (this file is Tests/CohortCLITests/InitCommandTests.swift).
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func configurationEndsWithOneNewline() throws {
        let folder = try CLIRunner.temporaryDirectory()
        #expect(try CLIRunner.run(["init"], currentDirectory: folder).status == 0)
        let data = try Data(contentsOf: folder.appendingPathComponent("cohort.yml"))
        #expect(data.last == UInt8(ascii: "\n"))
        #expect(data.dropLast().last != UInt8(ascii: "\n"))
    }

    /// A folder laid out as the repository (its examples/ linked in), as after a clone: init, then report.
    @Test func reportRunsRightAfterInitInTheRepository() throws {
        let folder = try CLIRunner.temporaryDirectory()
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("examples"),
                                                   withDestinationURL: Self.repository.appendingPathComponent("examples"))
        let initialize = try CLIRunner.run(["init"], currentDirectory: folder)
        #expect(initialize.status == 0)
        #expect(initialize.standardError == "Wrote cohort.yml. Edit it, then run: cohort report --config cohort.yml\n")
        let report = try CLIRunner.run(["report", "--config", "cohort.yml", "--quiet"], currentDirectory: folder)
        #expect(report.status == 0, "\(report.standardError)")
        // examples/orders.csv runs to 31 October 2026 (README); the configuration sends the report to output/.
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/2026-10-31/report.html").path))
    }

    @Test func withoutExampleDataTheReportNamesTheKeyToEdit() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let initialize = try CLIRunner.run(["init"], currentDirectory: folder)
        #expect(initialize.status == 0)
        #expect(initialize.standardError.contains("name your order exports under input: files: in cohort.yml"))
        let report = try CLIRunner.run(["report", "--config", "cohort.yml"], currentDirectory: folder)
        #expect(report.status == 2)
        #expect(report.standardError == "cohort: error: cohort.yml: 'input.files': 'examples/orders.csv' is not a file that exists; "
            + "edit this key to name your order exports\n")
        // Files named on the command line replace the configuration's: then it is not checked.
        let named = try CLIRunner.run(["report", "--config", "cohort.yml", CLIRunner.fixture("small-orders.csv")], currentDirectory: folder)
        #expect(named.status == 0, "\(named.standardError)")
    }

    @Test func anExistingFileIsKept() throws {
        let folder = try CLIRunner.temporaryDirectory()
        try "mine\n".write(to: folder.appendingPathComponent("cohort.yml"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["init"], currentDirectory: folder)
        #expect(result.status == 2)
        #expect(result.standardError == "cohort: error: cohort.yml exists already; use --force to replace it\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("cohort.yml"), encoding: .utf8) == "mine\n")
    }
}
