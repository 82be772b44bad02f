import Foundation
import Testing

/// End-to-end: `cohort mrr` on Tests/Fixtures/contracts/small-contracts.csv (the eight customers of
/// RenewalTests in CohortCoreTests, where every number is worked out), an independent recomputation in
/// SQL on generated contracts, and bad input.
struct MRRCommandTests {
    static let header = "period,partial,customers_start,new_customers,reactivated_customers,churned_customers,customers_end,mrr_start,mrr_new,mrr_expansion,mrr_contraction,mrr_churned,mrr_reactivation,mrr_end,arr_end,contracts_due,contracts_renewed,renewal_rate,mrr_due,mrr_renewed,mrr_renewal_rate"

    @Test func csvMatchesTheHandComputedMonths() throws {
        let result = try CLIRunner.run(["mrr", CLIRunner.fixture("contracts/small-contracts.csv"), "--format", "csv", "--as-of", "2026-03-31"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == Self.header)
        // Jan 2025 … Mar 2026: 15 months. Dec 2025: 8 customers throughout; B's early renewal +100 expansion:
        // 1,050 → 1,150, ARR 13,800. Due A…F (6), renewed A, B, C, E (4): 0.6667; MRR 700 due, 500 renewed: 0.7143.
        #expect(lines.count == 16)
        #expect(lines.contains("2025-12,false,8,0,0,0,8,1050.00,0.00,100.00,0.00,0.00,0.00,1150.00,13800.00,6,4,0.6667,700.00,500.00,0.7143"))
        // Jan 2026: B −100 and E −50 contraction, D and F churned −200: 1,150 → 800, 6 customers; nothing due.
        #expect(lines.contains("2026-01,false,8,0,0,2,6,1150.00,0.00,0.00,-150.00,-200.00,0.00,800.00,9600.00,0,0,,0.00,0.00,"))
        // Feb 2026: D back (+100 reactivation) → 900.
        #expect(lines.contains("2026-02,false,6,0,1,0,7,800.00,0.00,0.00,0.00,0.00,100.00,900.00,10800.00,0,0,,0.00,0.00,"))
    }

    @Test func aShorterGraceLeavesTheLateRenewalOut() throws {
        let result = try CLIRunner.run(["mrr", CLIRunner.fixture("contracts/small-contracts.csv"), "--format", "csv", "--as-of", "2026-03-31",
                                        "--grace-days", "29"])
        // C renewed 30 days after the end: with 29 days of grace, 3 of 6; MRR 400 of 700.
        #expect(result.standardOutput.contains("\n2025-12,false,8,0,0,0,8,1050.00,0.00,100.00,0.00,0.00,0.00,1150.00,13800.00,6,3,0.5000,700.00,400.00,0.5714\n"))
    }

    @Test func tableAndJSON() throws {
        let table = try CLIRunner.run(["mrr", CLIRunner.fixture("contracts/small-contracts.csv"), "--as-of", "2026-03-31"])
        // K1–K13 start by 31 March 2026 (K14 on 15 April), customers A–H.
        #expect(table.status == 0 && table.standardOutput.contains("13 contracts of 8 customers started by the as-of date (renewals count up to 30 days late)"))
        let german = try CLIRunner.run(["mrr", CLIRunner.fixture("contracts/small-contracts.csv"), "--as-of", "2026-03-31", "--locale", "de"])
        #expect(german.standardOutput.contains("Verlängerungsrate") && german.standardOutput.contains("30 Tage"))
        let json = try CLIRunner.run(["mrr", CLIRunner.fixture("contracts/small-contracts.csv"), "--format", "json", "--as-of", "2026-03-31"])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        #expect((decoded?["months"] as? [Any])?.count == 15)
        #expect(((decoded?["upcoming"] as? [[String: Any]])?.first?["customer"] as? String) == "G")
    }

    // MARK: - Independent recomputation (bench/crosscheck/mrr_crosscheck.py, SQL in SQLite)

    static let python = findPython()

    @Test(.enabled(if: python != nil, "needs python3 with sqlite3"), arguments: [
        ["--generate", "1", "--as-of", "2025-09-15"], ["--generate", "2"], ["--generate", "3", "--grace-days", "7"],
        ["--generate", "4", "--as-of", "2025-06-30", "--grace-days", "0"],
    ])
    func sqlRecomputesRandomContractsEveryMonth(_ options: [String]) throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try crosscheck(folder.appendingPathComponent("contracts.csv").path, options)
    }

    @Test(.enabled(if: python != nil, "needs python3 with sqlite3"))
    func sqlRecomputesTheSampleContracts() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let contracts = folder.appendingPathComponent("contracts.csv").path
        let sample = try CLIRunner.run(["sample", "--customers", "600", "--months", "30", "--seed", "9", "--out", folder.appendingPathComponent("o.csv").path,
                                        "--contracts", contracts])
        #expect(sample.status == 0)
        try crosscheck(contracts, [])
        try crosscheck(contracts, ["--as-of", "2025-12-10", "--grace-days", "45"])
    }

    private func crosscheck(_ contracts: String, _ options: [String]) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("bench/crosscheck/mrr_crosscheck.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python))
        process.arguments = [script, contracts, "--cohort", CLIRunner.productsDirectory.appendingPathComponent("cohort").path] + options
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("months match"), "\(text)")
    }

    /// The first python3 (Debian's, then PATH's) that has sqlite3.
    private static func findPython() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for candidate in ["/usr/bin/python3"] + path.split(separator: ":").map({ "\($0)/python3" })
        where FileManager.default.isExecutableFile(atPath: candidate) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: candidate)
            process.arguments = ["-c", "import sqlite3"]
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { continue }
            process.waitUntilExit()
            if process.terminationStatus == 0 { return candidate }
        }
        return nil
    }

    // MARK: - Bad input

    private func contractsFile(_ text: String) throws -> (folder: URL, path: String) {
        let folder = try CLIRunner.temporaryDirectory()
        let file = folder.appendingPathComponent("contracts.csv")
        try Data(text.utf8).write(to: file)
        return (folder, file.path)
    }

    @Test func aMissingMRRColumnIsOneLineAndExitTwo() throws {
        let (folder, path) = try contractsFile("customer_id,start,end\nC1,2026-01-01,2026-12-31\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["mrr", path])
        #expect(result.status == 2)
        #expect(result.standardError == "cohort: error: \(path):1: no mrr column found among 'customer_id', 'start', 'end'; name it with --mrr-column\n")
    }

    @Test func badRowsAreSkippedAndNamedOrRefusedWithStrict() throws {
        let good = (1 ... 60).map { "C\($0),2026-01-01,2026-12-31,10" }.joined(separator: "\n")
        let (folder, path) = try contractsFile("customer_id,start,end,mrr\n\(good)\nX1,2026-05-01,2026-04-30,10\nX2,2026-01-01,,-5\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lenient = try CLIRunner.run(["mrr", path, "--max-rejected", "10", "--format", "csv"])
        #expect(lenient.status == 0)
        #expect(lenient.standardError.contains("2 of 62 rows could not be read and were skipped"))
        #expect(lenient.standardError.contains("\(path):62: column 'end': the contract ends on 2026-04-30, before it starts on 2026-05-01"))
        let strict = try CLIRunner.run(["mrr", path, "--strict"])
        #expect(strict.status == 2)
        #expect(strict.standardError == "cohort: error: \(path):62: column 'end': the contract ends on 2026-04-30, before it starts on 2026-05-01 (--strict refuses any bad row)\n")
        // Over the default 1 %: refused, saying how many.
        let refused = try CLIRunner.run(["mrr", path])
        #expect(refused.status == 2 && refused.standardError.hasPrefix("cohort: error: 2 of 62 rows (3.2 %) could not be read"))
    }

    @Test func noFileIsAUsageError() throws {
        let result = try CLIRunner.run(["mrr"])
        #expect(result.status != 0 && result.standardError.contains("name at least one contracts file"))
    }
}
