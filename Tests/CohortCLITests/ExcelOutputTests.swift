import Foundation
import Testing

/// `--format xlsx` and `--csv-dialect` end to end: where a workbook goes, and which dialect a
/// German user gets on standard output and in a report folder.
struct ExcelOutputTests {
    /// The KPI workbook holds kpis.csv's values, read back with openpyxl
    /// (Tests/CohortJobTests/Support/read_report.py), against the CSV of the same command.
    @Test func kpisAsAWorkbookHoldTheCSVsValues() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("kpis.xlsx").path
        let run = try CLIRunner.run(["kpis", CLIRunner.fixture("small-orders.csv"), "--format", "xlsx", "--out", file, "--locale", "de"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
        let csv = try CLIRunner.run(["kpis", CLIRunner.fixture("small-orders.csv"), "--format", "csv"]).standardOutput
        let records = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let sheets = try Self.readWorkbook(file)
        #expect(sheets.map(\.name) == ["Kennzahlen je Monat"])
        let rows = try #require(sheets.first).rows
        #expect(rows.count == 1 + records.count && records.count == 3)
        for (index, record) in records.enumerated() {
            // period, partial, then numbers: equal to the CSV to its places.
            #expect(rows[index + 1][0]?["date"] as? String == record[0] + "-01")
            for column in 2 ..< record.count {
                let value = rows[index + 1][column]?["number"] as? Double
                guard let expected = Double(record[column]) else {
                    #expect(value == nil, "\(record[0]) column \(column)")
                    continue
                }
                let places = record[column].split(separator: ".").dropFirst().first?.count ?? 0
                #expect(value.map { abs($0 - expected) <= 0.5 * pow(10, -Double(places)) + 1e-9 } == true, "\(record[0]) column \(column)")
            }
        }
    }

    /// Piped, the workbook's bytes go to standard output.
    @Test func aWorkbookGoesToAPipe() throws {
        let run = try CLIRunner.run(["matrix", CLIRunner.fixture("small-orders.csv"), "--format", "xlsx"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("PK\u{3}\u{4}"))
    }

    /// On a terminal (a pseudo-terminal from util-linux's `script`), bytes are refused with one line and status 2.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func aWorkbookIsNotWrittenToATerminal() throws {
        let cohort = CLIRunner.productsDirectory.appendingPathComponent("cohort").path
        let command = "\(cohort) kpis \(CLIRunner.fixture("small-orders.csv")) --format xlsx; echo \"status $?\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines == ["cohort: error: --format xlsx writes a binary workbook: name the file with --out FILE.xlsx, or redirect standard output",
                          "status 2"])
    }

    @Test func clvHasNoWorkbook() throws {
        let run = try CLIRunner.run(["clv", CLIRunner.fixture("small-orders.csv"), "--format", "xlsx"])
        #expect(run.status == 2)
        #expect(run.standardError == "cohort: error: cohort clv has no workbook: use --format table, csv or json\n")
    }

    /// Standard output follows `--locale de` given on the command line, never LANG alone (scripts read it).
    @Test func standardOutputIsExcelDEOnlyWithLocaleDEOrTheDialectGiven() throws {
        let orders = CLIRunner.fixture("small-orders.csv")
        let german = try CLIRunner.run(["kpis", orders, "--format", "csv", "--locale", "de"]).standardOutput
        #expect(german.hasPrefix("\u{FEFF}period;partial;customers_start;"))
        #expect(german.contains("\r\n2026-02;false;2;1;0;1;2;0,5000;0,5000;;;110,00;150,00;80,00;0,00;-70,00;-50,00;"))
        let fromLANG = try CLIRunner.run(["kpis", orders, "--format", "csv"], environment: ["LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"])
        #expect(fromLANG.standardOutput.hasPrefix("period,partial,customers_start,"))
        #expect(!fromLANG.standardOutput.contains("\r"))
        let asked = try CLIRunner.run(["survival", orders, "--format", "csv", "--csv-dialect", "excel-de"]).standardOutput
        #expect(asked.hasPrefix("\u{FEFF}age;at_risk;churned;censored;survival;survival_lower_95;survival_upper_95\r\n"))
        let kept = try CLIRunner.run(["matrix", orders, "--format", "csv", "--locale", "de", "--csv-dialect", "rfc4180"]).standardOutput
        #expect(kept == (try CLIRunner.run(["matrix", orders, "--format", "csv"])).standardOutput)
        let bad = try CLIRunner.run(["matrix", orders, "--format", "csv", "--csv-dialect", "excel"])
        #expect(bad.status != 0 && bad.standardError.contains("--csv-dialect"))
    }

    /// A report folder follows the report's language from LANG too; the flag and the configuration key choose.
    @Test func aReportFolderFollowsTheReportsLanguage() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let orders = CLIRunner.fixture("small-orders.csv")
        func kpis(_ arguments: [String], environment: [String: String] = ["LC_ALL": "en_US.UTF-8"]) throws -> String {
            let out = folder.appendingPathComponent(UUID().uuidString)
            let run = try CLIRunner.run(["report", orders, "--out", out.path, "--quiet"] + arguments, environment: environment)
            #expect(run.status == 0, "\(run.standardError)")
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("2026-03-31/report.xlsx").path))
            // Decoded by hand: Foundation's String(contentsOf:) would drop the byte order mark.
            return String(decoding: try Data(contentsOf: out.appendingPathComponent("2026-03-31/kpis.csv")), as: UTF8.self)
        }
        #expect(try kpis([]).hasPrefix("period,partial,"))
        #expect(try kpis([], environment: ["LC_ALL": "de_DE.UTF-8"]).hasPrefix("\u{FEFF}period;partial;"))
        #expect(try kpis(["--locale", "de"]).hasPrefix("\u{FEFF}period;partial;"))
        #expect(try kpis(["--locale", "de", "--csv-dialect", "rfc4180"]).hasPrefix("period,partial,"))
        let config = folder.appendingPathComponent("cohort.yml")
        try "report:\n  locale: en\n  csv_dialect: excel-de\n".write(to: config, atomically: true, encoding: .utf8)
        #expect(try kpis(["--config", config.path]).hasPrefix("\u{FEFF}period;partial;"))
        try "report:\n  csv_dialect: excel\n".write(to: config, atomically: true, encoding: .utf8)
        let bad = try CLIRunner.run(["report", orders, "--config", config.path, "--out", folder.path], environment: ["LC_ALL": "en_US.UTF-8"])
        #expect(bad.status == 2)
        #expect(bad.standardError == "cohort: error: \(config.path): 'report.csv_dialect': 'excel' is not one of rfc4180, excel-de\n")
    }

    /// With `--segment-by`: the report's segment sheet holds `cohort segments --format csv`, and its customer
    /// sheets the segment column of at-risk.csv; the segmented CSV of a command is excel-de line by line.
    @Test func segmentsInTheWorkbookAndInExcelDE() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let orders = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/orders.csv").path
        let run = try CLIRunner.run(["report", orders, "--segment-by", "industry", "--out", folder.path, "--quiet"],
                                    environment: ["LC_ALL": "en_US.UTF-8"])
        #expect(run.status == 0, "\(run.standardError)")
        let csv = try CLIRunner.run(["segments", orders, "--segment-by", "industry", "--format", "csv"]).standardOutput
        let records = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let report = folder.appendingPathComponent("2026-10-31")
        let sheets = try Self.readWorkbook(report.appendingPathComponent("report.xlsx").path)
        let segments = try #require(sheets.first { $0.name == "Segments" })
        #expect(segments.rows.count == 1 + records.count && records.count > 3)
        for (index, record) in records.enumerated() {
            let row = segments.rows[index + 1]
            #expect(row[0]?["text"] as? String == (record[0] == "(all)" ? "All customers" : record[0]))
            for column in 1 ..< record.count {
                let value = row[column]?["number"] as? Double
                let places = record[column].split(separator: ".").dropFirst().first?.count ?? 0
                #expect(value.map { abs($0 - Double(record[column])!) <= 0.5 * pow(10, -Double(places)) + 1e-9 } == true,
                        "\(record[0]) column \(column)")
            }
        }
        let atRiskCSV = try String(contentsOf: report.appendingPathComponent("at-risk.csv"), encoding: .utf8).split(separator: "\n")
        let atRisk = try #require(sheets.first { $0.name == "At risk" })
        #expect(atRisk.rows[1].first??["text"] as? String == "Segment" && atRiskCSV[0].hasPrefix("segment,customer_id,"))
        for (line, row) in zip(atRiskCSV.dropFirst(), atRisk.rows.dropFirst(2)) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(row[0]?["text"] as? String == String(fields[0]) && row[1]?["text"] as? String == String(fields[1]))
        }

        for command in ["matrix", "segments"] {
            let rfc = try CLIRunner.run([command, orders, "--segment-by", "industry", "--format", "csv"]).standardOutput
            let excel = try CLIRunner.run([command, orders, "--segment-by", "industry", "--format", "csv", "--locale", "de"]).standardOutput
            #expect(excel.hasPrefix("\u{FEFF}segment;") && excel.components(separatedBy: "\u{FEFF}").count == 2)
            let rfcLines = rfc.components(separatedBy: "\n").dropLast(), excelLines = excel.dropFirst().components(separatedBy: "\r\n").dropLast()
            #expect(rfcLines.count == excelLines.count && rfcLines.count > (command == "matrix" ? 666 * 2 : 4))
            for (rfcLine, excelLine) in zip(rfcLines, excelLines) {
                let expected = rfcLine.split(separator: ",", omittingEmptySubsequences: false)
                    .map { Double($0) != nil ? $0.replacingOccurrences(of: ".", with: ",") : String($0) }.joined(separator: ";")
                #expect(excelLine == expected, "\(command)")
            }
        }
        let workbook = folder.appendingPathComponent("segments.xlsx").path
        #expect(try CLIRunner.run(["segments", orders, "--segment-by", "industry", "--format", "xlsx", "--out", workbook]).status == 0)
        #expect(try Self.readWorkbook(workbook).map(\.name) == ["Segments"])
    }

    // MARK: Reading back

    struct Sheet {
        let name: String
        let rows: [[[String: Any]?]]
    }

    /// The sheets of an `.xlsx` file as openpyxl reads them (read_report.py in CohortJobTests).
    static func readWorkbook(_ path: String) throws -> [Sheet] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CohortJobTests/Support/read_report.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.environment["COHORT_TEST_PYTHON"] ?? "/usr/bin/python3")
        process.arguments = [script, path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sheets = try #require(json["sheets"] as? [[String: Any]])
        return sheets.map { sheet in
            Sheet(name: sheet["name"] as? String ?? "",
                  rows: (sheet["rows"] as? [[Any]] ?? []).map { $0.map { $0 as? [String: Any] } })
        }
    }
}
