import Foundation
import Testing

/// End-to-end: the input side of the CLI on Tests/Fixtures/ingest (see make_fixtures.py there):
/// workbooks, patterns, standard input, the reading options, whole-file errors and bad rows.
struct InputTests {
    private func fixture(_ name: String) -> String { CLIRunner.fixture("ingest/" + name) }

    /// Runs `cohort` with `input` on standard input.
    private func run(_ arguments: [String], input: Data) throws -> CLIRunner.Result {
        let process = Process()
        process.executableURL = CLIRunner.productsDirectory.appendingPathComponent("cohort")
        process.arguments = arguments
        let standardInput = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = standardInput
        process.standardOutput = output
        process.standardError = error
        try process.run()
        standardInput.fileHandleForWriting.write(input)
        try standardInput.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRunner.Result(status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
                                standardError: String(decoding: errorData, as: UTF8.self))
    }

    // MARK: - Formats

    @Test func excelWorkbookIsReadDirectly() throws {
        let result = try CLIRunner.run(["kpis", fixture("orders.xlsx"), "--format", "csv", "--max-rejected", "50"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        // January: K-1 1,234.56 (a number cell) and K-2 "99,90" (a number stored as text): 2 new, 1,334.46.
        #expect(lines[1].hasPrefix("2026-01,false,0,2,0,0,2,,,,,1334.46,"))
        // February up to 3 Feb (partial): "Grün AG" buys 5.00; K-1 and K-2 churn. 1001 has only a refund (−34.50),
        // so it has no cohort and its rows are left out (METRICS.md). S 2, N 1, C 2, E 1: churn 2/2,
        // CRR (1 − 1)/2 = 0; revenue 5.00.
        #expect(lines[2].hasPrefix("2026-02,true,2,1,0,2,1,1.0000,0.0000,,,5.00,"))
        #expect(result.standardError.contains("1 of 5 rows could not be read and were skipped; first: \(fixture("orders.xlsx")):6: column 'Betrag': '#N/A' is not a number"))
    }

    @Test func aNamedSheet() throws {
        let result = try CLIRunner.run(["kpis", fixture("orders.xlsx"), "--sheet", "Rohdaten", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.standardOutput.split(separator: "\n")[1].hasPrefix("2026-01,true,0,1,0,0,1,,,,,5.00,"))
    }

    @Test func germanWindows1252ExportFromStandardInput() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture("dialect-windows1252.csv")))
        let result = try run(["kpis", "-", "--format", "csv"], input: bytes)
        #expect(result.status == 0)
        // 12,50 € + 1.000,00 € on 3 and 4 March.
        #expect(result.standardOutput.split(separator: "\n")[1].hasPrefix("2026-03,true,0,2,0,0,2,,,,,1012.50,"))
    }

    @Test func workbookFromStandardInput() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture("orders-1904.xlsx")))
        let result = try run(["kpis", "-", "--format", "csv"], input: bytes)
        #expect(result.status == 0)
        #expect(result.standardOutput.split(separator: "\n")[1].hasPrefix("2026-01,true,0,1,0,0,1,,,,,12.00,"))
    }

    @Test func aQuotedPatternReadsEveryMonthAndSkipsTheOverlap() throws {
        let result = try CLIRunner.run(["kpis", fixture("monthly/*.csv"), "--format", "csv"])
        #expect(result.status == 0)
        // January: C1 10 + C2 20 = 30.00 (the repeated J-2 of February's export would have made it 50.00).
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines[1].hasPrefix("2026-01,false,0,2,0,0,2,,,,,30.00,"))
        #expect(result.standardError == "cohort: warning: 1 row repeats a row of an earlier file and was skipped (same order id, customer, "
            + "date and amount); first: \(fixture("monthly/2026-02.csv")):2 repeats \(fixture("monthly/2026-01.csv")):3 "
            + "(same order id, customer, date and amount)\n")
    }

    // MARK: - Options

    @Test func optionsDecideWhatDetectionCannot() throws {
        let dates = try CLIRunner.run(["kpis", fixture("ambiguous-dates.csv"), "--date-format", "MM/DD/YYYY", "--format", "csv"])
        #expect(dates.status == 0)
        // Month first: 4 March (A, 1.00) and 6 May (B, 2.00).
        #expect(dates.standardOutput.split(separator: "\n")[1].hasPrefix("2026-03,false,0,1,0,0,1,,,,,1.00,"))
        let points = try CLIRunner.run(["kpis", fixture("ambiguous-decimal.csv"), "--decimal", ".", "--format", "csv"])
        #expect(points.standardOutput.split(separator: "\n")[1].hasPrefix("2026-03,true,0,2,0,0,2,,,,,3.75,")) // 1.50 + 2.25
        let commas = try CLIRunner.run(["kpis", fixture("ambiguous-decimal.csv"), "--decimal", ",", "--format", "csv"])
        #expect(commas.standardOutput.split(separator: "\n")[1].hasPrefix("2026-03,true,0,2,0,0,2,,,,,3750.00,")) // 1,500 + 2,250
        let encoding = try CLIRunner.run(["kpis", fixture("unknown-encoding.csv"), "--encoding", "windows-1252", "--format", "csv"])
        #expect(encoding.status == 0)
        let delimiter = try CLIRunner.run(["kpis", fixture("dialect-pipe.csv"), "--delimiter", "|", "--format", "csv"])
        #expect(delimiter.status == 0)
    }

    @Test func badOptionValuesAreUsageErrors() throws {
        let result = try CLIRunner.run(["kpis", fixture("dialect-pipe.csv"), "--encoding", "ebcdic"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--encoding 'ebcdic' is not known; use utf-8, utf-16, utf-16be, windows-1252 or iso-8859-1."))
        let format = try CLIRunner.run(["kpis", fixture("dialect-pipe.csv"), "--date-format", "DD/MM"])
        #expect(format.status == 2)
        #expect(format.standardError.contains("--date-format 'DD/MM' does not say the order of day, month and year"))
    }

    // MARK: - Refused input

    @Test func wholeFileProblemsExitWith2AndOneLine() throws {
        let expected: [(String, String)] = [
            ("empty.csv", "empty.csv: the file is empty"),
            ("header-only.csv", "header-only.csv: the file has a header but no data rows"),
            ("compressed.csv.gz", "compressed.csv.gz: this is a gzip-compressed file, not CSV; unpack it first (gunzip)"),
            ("unknown-encoding.csv", "unknown-encoding.csv:3: unknown text encoding (byte 0x81 is neither UTF-8 nor Windows-1252 text); "
                + "save the file as UTF-8 or name its encoding with --encoding"),
            ("missing-column.csv", "missing-column.csv:1: no amount column found among 'Kunde', 'Datum', 'Betarg' (did you mean 'Betarg'?); "
                + "name it with --amount-column"),
            ("ambiguous-column.csv", "ambiguous-column.csv:1: columns 'Betrag' and 'Umsatz' could both be the amount column; choose one with --amount-column"),
            ("unterminated-quote.csv", "unterminated-quote.csv:3: a quoted field starts here and never ends (a missing closing \")"),
            ("ambiguous-dates.csv", "ambiguous-dates.csv:2: column 'date': '03/04/2026' could be 2026-04-03 (day first) or 2026-03-04 (month first) "
                + "and no date in the file tells which; add --date-format DD/MM/YYYY or --date-format MM/DD/YYYY"),
        ]
        for (name, message) in expected {
            let result = try CLIRunner.run(["matrix", fixture(name)])
            #expect(result.status == 2, "\(name)")
            #expect(result.standardError == "cohort: error: \(fixture(name).dropLast(name.count))\(message)\n")
        }
    }

    @Test func aRefusedInputLeavesThePreviousReportAsItWas() throws {
        let directory = try CLIRunner.temporaryDirectory()
        #expect(try CLIRunner.run(["report", CLIRunner.fixture("small-orders.csv"), "--out", directory.path]).status == 0)
        let report = directory.appendingPathComponent("2026-03-31/report.md")
        let before = try Data(contentsOf: report)
        let refused = try CLIRunner.run(["report", fixture("ambiguous-decimal.csv"), "--out", directory.path])
        #expect(refused.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["2026-03-31"])
        #expect(try Data(contentsOf: report) == before)
    }

    // MARK: - Bad rows

    @Test func badRowsFailTheRunAboveTheLimitAndUnderStrict() throws {
        let file = fixture("bad-rows.csv")
        let defaultLimit = try CLIRunner.run(["matrix", file])
        #expect(defaultLimit.status == 2)
        #expect(defaultLimit.standardError == "cohort: error: 7 of 8 rows (87.5 %) could not be read, more than the 1 % allowed by --max-rejected; "
            + "the column mapping is probably wrong. First: \(file):3: has 3 fields, the header has 4\n")
        let strict = try CLIRunner.run(["matrix", file, "--strict", "--max-rejected", "100"])
        #expect(strict.standardError == "cohort: error: \(file):3: has 3 fields, the header has 4 (--strict refuses any bad row)\n")
    }

    @Test func badRowsAreListedInRejectedCSV() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let file = fixture("bad-rows.csv")
        let result = try CLIRunner.run(["report", file, "--out", directory.path, "--max-rejected", "100"])
        #expect(result.status == 0)
        let rejected = try String(contentsOf: directory.appendingPathComponent("2026-01-05/rejected.csv"), encoding: .utf8)
        let lines = rejected.split(separator: "\n")
        #expect(lines.count == 8) // the header and lines 3 to 9
        #expect(lines[1] == "\(file),3,,\"has 3 fields, the header has 4\",R-2;C2;06.01.2026")
        #expect(lines[7] == "\(file),9,amount,the amount is empty,R-8;C7;10.01.2026;;;")
    }

    @Test func readingWarningsArePrinted() throws {
        let file = fixture("quality-warnings.csv")
        let result = try CLIRunner.run(["kpis", file, "--as-of", "2026-02-28", "--format", "csv"])
        #expect(result.status == 0)
        let warnings = result.standardError.split(separator: "\n")
        #expect(warnings.contains("cohort: warning: 1 row is dated more than 20 years before the latest order (2026-02-10); "
            + "the earliest, 1990-01-01, is at \(file):3: a placeholder date or a typo?"))
        #expect(warnings.contains { $0.hasPrefix("cohort: warning: 1 row is dated after today (") && $0.contains("the latest 2029-01-05 at \(file):6") })
        #expect(warnings.contains { $0.contains("'$'") })
    }
}
