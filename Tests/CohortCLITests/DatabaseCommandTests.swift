import Foundation
import Testing

/// `cohort matrix|kpis|customers|report postgresql://...` end to end, against the server that
/// `scripts/with-postgres.sh` starts for the tests (`make test`); skipped without one.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["COHORT_TEST_POSTGRES"] != nil,
                "no PostgreSQL server: run the tests under scripts/with-postgres.sh (make test does)"))
struct DatabaseCommandTests {
    let url = ProcessInfo.processInfo.environment["COHORT_TEST_POSTGRES"] ?? ""
    let environment = ProcessInfo.processInfo.environment

    /// examples/orders.csv sorted by date and customer id (the order in which a database's customers
    /// are numbered, so that ties in ranked lists fall alike), as a file and as a table loaded with COPY.
    struct Orders: Sendable {
        let file: String
        let table: String

        static let shared: Result<Orders, any Error> = Result {
            let folder = try CLIRunner.temporaryDirectory()
            let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("examples/orders.csv")
            var lines = try String(contentsOf: example, encoding: .utf8).split(separator: "\n").map(String.init)
            let header = lines.removeFirst()
            func key(_ line: String) -> (Substring, Substring) {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                return (fields[2], fields[1])
            }
            lines.sort { a, b in
                let (ka, kb) = (key(a), key(b))
                return ka.0 != kb.0 ? ka.0 < kb.0 : ka.1.utf8.lexicographicallyPrecedes(kb.1.utf8)
            }
            let file = folder.appendingPathComponent("orders.csv").path
            try ([header] + lines).joined(separator: "\n").appending("\n").write(toFile: file, atomically: true, encoding: .utf8)
            let table = "cli\(ProcessInfo.processInfo.processIdentifier)_orders"
            try psql("""
                CREATE TABLE \(table) (order_id text, customer_id text, order_date date, amount numeric(12,2), country text, industry text,
                                       company_size text);
                \\copy \(table) FROM '\(file)' WITH (FORMAT csv, HEADER true)
                ANALYZE \(table);
                """)
            return Orders(file: file, table: table)
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// True when `folder` is missing or empty.
    static func holdsNothing(_ folder: URL) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).isEmpty
    }

    @discardableResult
    static func psql(_ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-f", "-"]
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data(sql.utf8))
        try input.fileHandleForWriting.close()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: String(decoding: complaint, as: UTF8.self)) }
        return String(decoding: printed, as: UTF8.self)
    }

    @Test func matrixKPIsAndCustomersPrintWhatTheFileGives() throws {
        let orders = try Orders.shared.get()
        for command in [["matrix"], ["kpis"], ["customers"], ["kpis", "--period", "quarter", "--as-of", "2025-06-30"]] {
            let expected = try CLIRunner.run(command + [orders.file, "--format", "csv"])
            #expect(expected.status == 0, "\(command): \(expected.standardError)")
            for pushdown in [[], ["--no-pushdown"]] {
                let read = try CLIRunner.run(command + [url, "--table", orders.table, "--format", "csv"] + pushdown)
                #expect(read.status == 0, "\(command) \(pushdown): \(read.standardError)")
                #expect(read.standardOutput == expected.standardOutput, "\(command) \(pushdown)")
                #expect(read.standardOutput.split(separator: "\n").count > 5)
            }
        }
    }

    @Test func aConfigurationFileNamesTheDatabase() throws {
        let orders = try Orders.shared.get()
        let folder = try CLIRunner.temporaryDirectory()
        let config = folder.appendingPathComponent("cohort.yml")
        try """
            input:
              files: ["\(url)"]
              table: \(orders.table)
            report:
              out: reports
            """.write(to: config, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["report", "--config", config.path, "--quiet"], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(result.status == 0, "\(result.standardError)")
        let reports = folder.appendingPathComponent("reports")
        let dates = try FileManager.default.contentsOfDirectory(atPath: reports.path).filter { !$0.hasPrefix(".") }
        #expect(dates.count == 1)
        let analysis = try String(contentsOf: reports.appendingPathComponent(dates[0]).appendingPathComponent("analysis.json"), encoding: .utf8)
        #expect(analysis.contains("(table \(orders.table))"))

        // `input: postgresql://...` as one string, the table on the command line.
        try "input: \(url)\nreport:\n  out: strings\n".write(to: config, atomically: true, encoding: .utf8)
        let short = try CLIRunner.run(["report", "--config", config.path, "--table", orders.table, "--quiet"])
        #expect(short.status == 0, "\(short.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("strings").path))
    }

    @Test func explainPrintsTheStatementAndThePlan() throws {
        let orders = try Orders.shared.get()
        let explained = try CLIRunner.run(["matrix", url, "--table", orders.table, "--explain"])
        #expect(explained.status == 0, "\(explained.standardError)")
        #expect(explained.standardOutput.contains("GROUP BY customer, order_id, period"))
        #expect(explained.standardOutput.contains("\nSET LOCAL enable_hashagg = off;\n")) // sent before the statement
        #expect(explained.standardOutput.contains("-- The server's plan (EXPLAIN):"))
        #expect(explained.standardOutput.contains("Aggregate"))

        // Without a server: the statement for the columns as named, and why there is no plan.
        let closed = url.replacingOccurrences(of: ":\(environment["PGPORT"] ?? "")/", with: ":1/")
        let offline = try CLIRunner.run(["report", closed, "--table", "orders", "--order-column", "order_id", "--explain"])
        #expect(offline.status == 0)
        #expect(offline.standardOutput.contains("percentile_cont(0.5)")) // the report's statement sums purchase days
        #expect(offline.standardError.contains("No plan: \(closed): cannot connect"))
    }

    @Test func errorsAreOneLineThatNamesTheSourceWithoutThePassword() throws {
        let orders = try Orders.shared.get()
        let password = environment["PGPASSWORD"] ?? "none"
        func failing(_ arguments: [String], environment extra: [String: String] = [:], status: Int32, saying words: String) throws {
            let result = try CLIRunner.run(arguments, environment: extra)
            #expect(result.status == status, "\(arguments): \(result.standardError)")
            let lines = result.standardError.split(separator: "\n")
            #expect(lines.count == 1, "\(arguments): \(result.standardError)")
            #expect(lines.first?.hasPrefix("cohort: error: postgresql://") == true, "\(result.standardError)")
            #expect(result.standardError.contains(words), "\(arguments): \(result.standardError)")
            #expect(!result.standardError.contains(password) && !result.standardError.contains("s3cret"))
            #expect(result.standardOutput.isEmpty)
        }
        let withPassword = url.replacingOccurrences(of: "cohort@", with: "cohort:s3cret@")
        try failing(["matrix", withPassword, "--table", orders.table], status: 2, saying: "the URL holds a password")
        try failing(["matrix", url, "--table", orders.table], environment: ["PGPASSWORD": "s3cret"], status: 2, saying: "refused the login")
        let closed = url.replacingOccurrences(of: ":\(environment["PGPORT"] ?? "")/", with: ":1/")
        try failing(["kpis", closed, "--table", orders.table], status: 1, saying: "cannot connect to the server: 127.0.0.1:1")
        try failing(["kpis", url, "--table", "no_such_table"], status: 2, saying: "there is no table or view 'no_such_table'")
        try failing(["customers", url, "--table", orders.table, "--amount-column", "betrag"], status: 2, saying: "there is no column 'betrag'")
        try failing(["matrix", url, "--query", "SELECT customer_id, order_date::text AS order_date, amount FROM \(orders.table)"], status: 2,
                    saying: "column 'order_date' is text and cannot be the date")
        try failing(["matrix", url, "--query", "UPDATE \(orders.table) SET amount = 0"], status: 2, saying: "--query must be a SELECT")
        try failing(["matrix", url], status: 2, saying: "name the orders with --table NAME or --query")

        // German, as the report's language.
        let german = try CLIRunner.run(["matrix", url, "--table", "no_such_table"], environment: ["LC_ALL": "de_DE.UTF-8"])
        #expect(german.standardError.contains("es gibt keine Tabelle oder Sicht 'no_such_table'"))
    }

    @Test func nothingIsWrittenWhenTheReadFails() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let out = folder.appendingPathComponent("out")
        let result = try CLIRunner.run(["report", url, "--table", "no_such_table", "--out", out.path, "--quiet"])
        #expect(result.status == 2)
        #expect(Self.holdsNothing(out))
    }

    @Test func aConnectionDroppedMidwayLeavesNoHalfReport() throws {
        let orders = try Orders.shared.get()
        let folder = try CLIRunner.temporaryDirectory()
        let out = folder.appendingPathComponent("out")
        // The first row comes at once (the look at the columns); the statement stalls on a later customer.
        let query = "SELECT o.*, pg_sleep(CASE WHEN o.customer_id = 'C000500' THEN 30 ELSE 0 END)::text AS pause FROM \(orders.table) AS o"
        let process = Process()
        process.executableURL = CLIRunner.productsDirectory.appendingPathComponent("cohort")
        process.arguments = ["report", url, "--query", query, "--out", out.path, "--quiet"]
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait until the statement stalls, then end its connection from the server's side.
        var terminated = false
        for _ in 0 ..< 300 where !terminated {
            Thread.sleep(forTimeInterval: 0.1)
            let killed = try Self.psql("""
                SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE application_name = 'cohort' AND wait_event = 'PgSleep' AND pid <> pg_backend_pid()
                """)
            terminated = killed.trimmingCharacters(in: .whitespacesAndNewlines) != "0"
        }
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(terminated)
        #expect(process.terminationStatus == 1, "\(message)")
        #expect(message.contains("the connection broke while the orders were read"), "\(message)")
        #expect(message.contains("nothing was written"))
        #expect(Self.holdsNothing(out))
    }
}
