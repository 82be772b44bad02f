import Foundation
import Testing

/// The PostgreSQL server of the tests: the one `scripts/with-postgres.sh` starts (`make test` runs
/// the tests under it) and announces in `COHORT_TEST_POSTGRES`. Without it the database tests skip.
enum PostgresTestServer {
    /// `postgresql://cohort@127.0.0.1:PORT/cohort` (the password is in PGPASSWORD), or nil.
    static var url: String? { ProcessInfo.processInfo.environment["COHORT_TEST_POSTGRES"] }
    static var isConfigured: Bool { url != nil }
    static let skipped: Comment = "no PostgreSQL server: run the tests under scripts/with-postgres.sh (make test does)"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs SQL (psql meta-commands such as \copy included) with psql, stopping at the first error.
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
        guard process.terminationStatus == 0 else {
            throw Failure(description: "psql failed (\(process.terminationStatus)): \(String(decoding: complaint, as: UTF8.self))")
        }
        return String(decoding: printed, as: UTF8.self)
    }

    /// A name of this test process's own (tables of several runs never meet).
    static let prefix = "t\(ProcessInfo.processInfo.processIdentifier)_"
}
