import Testing

/// `--as-of` takes the dates the data may hold: ISO 8601 and German day.month.year.
struct AsOfDateTests {
    @Test func germanAndISODatesCutTheDataAlike() throws {
        let fixture = CLIRunner.fixture("small-orders.csv")
        let german = try CLIRunner.run(["kpis", fixture, "--as-of", "28.02.2026", "--format", "csv"])
        let iso = try CLIRunner.run(["kpis", fixture, "--as-of", "2026-02-28", "--format", "csv"])
        #expect(german.status == 0, "\(german.standardError)")
        #expect(german.standardOutput == iso.standardOutput)
        // Up to 28 February: January and a complete February (see KPIsCommandTests), no March.
        let lines = german.standardOutput.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[2].hasPrefix("2026-02,false,2,1,0,1,2,0.5000,0.5000,"))
    }

    @Test func germanDateWorksInTheTableTitle() throws {
        let result = try CLIRunner.run(["kpis", CLIRunner.fixture("small-orders.csv"), "--as-of", "15.3.2026", "--locale", "en"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("Period KPIs, as of 2026-03-15 (churn window 1; * = partial period)\n"))
    }

    @Test func anImpossibleDateIsAUsageError() throws {
        let result = try CLIRunner.run(["kpis", CLIRunner.fixture("small-orders.csv"), "--as-of", "31.02.2026"])
        #expect(result.status == 2)
        #expect(result.standardError == "cohort: error: --as-of '31.02.2026' is not a date like 2026-10-31 or 31.10.2026.\n")
    }
}
