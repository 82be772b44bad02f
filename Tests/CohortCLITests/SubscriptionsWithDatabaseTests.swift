import Foundation
import Testing

/// Contracts and survey answers are read beside order files only: with orders from a database they
/// are refused before any connection, instead of being left out without a word.
struct SubscriptionsWithDatabaseTests {
    @Test func contractsAndAnswersWithADatabaseAreRefusedInOneLine() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Port 1: nothing listens there, so a connection attempt would fail with another message.
        let url = "postgresql://cohort@127.0.0.1:1/shop"
        let contracts = try CLIRunner.run(["report", url, "--table", "orders", "--contracts", CLIRunner.fixture("contracts/small-contracts.csv"),
                                           "--out", folder.path])
        #expect(contracts.status == 2)
        #expect(contracts.standardError == "cohort: error: --contracts works with order files only, not yet with orders from a database\n")
        let answers = try CLIRunner.run(["report", url, "--table", "orders", "--nps", CLIRunner.fixture("contracts/small-contracts.csv"),
                                         "--out", folder.path, "--locale", "de"])
        #expect(answers.status == 2)
        #expect(answers.standardError == "cohort: error: --nps geht nur mit Bestelldateien, noch nicht mit Bestellungen aus einer Datenbank\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty) // nothing written
    }
}
