import CohortCore
import CohortDatabase
import CohortIngest
import CohortPostgres
import Foundation
import Testing

/// Every failure of a database source is one `DatabaseError` naming the source without a password.
@Suite(.enabled(if: PostgresTestServer.isConfigured, PostgresTestServer.skipped))
struct PostgresErrorTests {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    func failure(_ url: String, _ options: DatabaseReadOptions, mapping: ColumnMapping = ColumnMapping(),
                 environment: [String: String] = Self.environment) -> DatabaseError? {
        do {
            let reader = try PostgresOrderReader(url: url, options: options, mapping: mapping, environment: environment)
            _ = try reader.read(period: .month, asOf: nil, collectsPurchases: true)
            return nil
        } catch {
            return error
        }
    }

    var table: String { (try? OrderFixture.shared.get().orders) ?? "orders" }

    @Test func aServerThatIsNotThereIsUnreachable() throws {
        let closed = try #require(PostgresTestServer.url).replacingOccurrences(of: ":\(Self.environment["PGPORT"] ?? "")/", with: ":1/")
        guard case .unreachable(let source, let detail) = failure(closed, DatabaseReadOptions(table: table)) else {
            Issue.record("not unreachable")
            return
        }
        #expect(source == closed)
        #expect(detail.contains("127.0.0.1:1"))
        #expect(!(DatabaseError.unreachable(source: source, detail: detail).isBadInput))
        #expect(failure("postgresql://cohort@no-such-host.invalid/cohort", DatabaseReadOptions(table: table))
            == .unknownHost(source: "postgresql://cohort@no-such-host.invalid/cohort", host: "no-such-host.invalid"))
    }

    @Test func aWrongOrMissingPasswordIsARefusedLogin() throws {
        let url = try #require(PostgresTestServer.url)
        var environment = Self.environment
        environment["PGPASSWORD"] = "wrong"
        guard case .loginRefused(let source, let detail)? = failure(url, DatabaseReadOptions(table: table), environment: environment) else {
            Issue.record("not refused")
            return
        }
        #expect(source == url && detail.contains("password authentication failed"))

        environment["PGPASSWORD"] = nil
        environment["PGPASSFILE"] = "/nonexistent/pgpass"
        #expect(failure(url, DatabaseReadOptions(table: table), environment: environment) == .passwordRequired(source: url, user: "cohort"))
    }

    @Test func thePasswordFileIsRead() throws {
        let url = try #require(PostgresTestServer.url)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pgpass").path
        let line = "127.0.0.1:\(Self.environment["PGPORT"] ?? "*"):cohort:cohort:\(Self.environment["PGPASSWORD"] ?? "")\n"
        #expect(FileManager.default.createFile(atPath: file, contents: Data(line.utf8), attributes: [.posixPermissions: 0o600]))
        var environment = Self.environment
        environment["PGPASSWORD"] = nil
        environment["PGPASSFILE"] = file
        #expect(failure(url, DatabaseReadOptions(table: table), environment: environment) == nil)
    }

    @Test func aMissingDatabaseTableOrColumnIsNamed() throws {
        let url = try #require(PostgresTestServer.url)
        let otherDatabase = String(url.dropLast("cohort".count)) + "nowhere"
        #expect(failure(otherDatabase, DatabaseReadOptions(table: table)) == .databaseNotFound(source: otherDatabase, database: "nowhere"))
        #expect(failure(url, DatabaseReadOptions(table: "no_such_orders")) == .tableNotFound(source: url, table: "no_such_orders"))
        #expect(failure(url, DatabaseReadOptions(table: table), mapping: ColumnMapping(customer: "client_id"))
            == .columnNotFound(source: url, role: .customer, name: "client_id", suggestion: nil))
        guard case .noColumnDetected(_, .amount, let columns, _)? = failure(url, DatabaseReadOptions(query: "SELECT customer_id, order_date FROM \(table)")) else {
            Issue.record("the missing amount column is not named")
            return
        }
        #expect(columns == ["customer_id", "order_date"])
        guard case .queryRefused(_, let detail)? = failure(url, DatabaseReadOptions(query: "SELECT customer_id, order_dat, amount FROM \(table)")) else {
            Issue.record("a misspelt column in the query is not refused")
            return
        }
        #expect(detail.contains("order_dat"))
    }

    @Test func aColumnOfTheWrongTypeIsNamedWithItsType() throws {
        let url = try #require(PostgresTestServer.url)
        #expect(failure(url, DatabaseReadOptions(query: "SELECT customer_id, order_date::text AS order_date, amount FROM \(table)"))
            == .wrongColumnType(source: url, column: "order_date", role: .date, type: "text"))
        #expect(failure(url, DatabaseReadOptions(query: "SELECT customer_id, order_date, (amount > 0) AS amount FROM \(table)"))
            == .wrongColumnType(source: url, column: "amount", role: .amount, type: "boolean"))
        #expect(failure(url, DatabaseReadOptions(query: "SELECT customer_id, order_date, int4range(1, 2) AS amount FROM \(table)"))
            == .wrongColumnType(source: url, column: "amount", role: .amount, type: "int4range"))
    }

    @Test func onlyASelectRunsAndNothingIsWritten() throws {
        let url = try #require(PostgresTestServer.url)
        #expect(failure(url, DatabaseReadOptions(query: "DELETE FROM \(table)")) == .notASelect(source: url, start: "DELETE"))
        // A SELECT that would write: the read-only transaction refuses it.
        let sequence = PostgresTestServer.prefix + "sequence"
        try PostgresTestServer.psql("CREATE SEQUENCE IF NOT EXISTS \(sequence)")
        let sneaky = "SELECT *, nextval('\(sequence)') AS n FROM \(table)"
        guard case .queryRefused? = failure(url, DatabaseReadOptions(query: sneaky)) else {
            Issue.record("the query was not refused")
            return
        }
        let writes = "WITH gone AS (DELETE FROM \(table) RETURNING *) SELECT * FROM gone"
        guard case .queryRefused? = failure(url, DatabaseReadOptions(query: writes)) else {
            Issue.record("a data-modifying WITH was not refused")
            return
        }
        #expect(try PostgresTestServer.psql("SELECT count(*) > 0 FROM \(table)").contains("t"))
        #expect(failure(url, DatabaseReadOptions(query: "SELECT * FROM \(table) WHERE false")) == .noRows(source: url))
    }

    @Test func amountsWithAThirdDecimalAreRefused() throws {
        let url = try #require(PostgresTestServer.url)
        let query = "SELECT customer_id, order_date, CASE WHEN order_id = 'SO-E5' THEN 25.005 ELSE amount END AS amount, order_id FROM \(table)"
        #expect(failure(url, DatabaseReadOptions(query: query)) == .amountNotInCents(source: url, column: "amount", count: 1, example: "25.005"))
        let zeros = "SELECT customer_id, order_date, amount::numeric(14,4) AS amount, order_id FROM \(table)" // 12.5000 is whole cents
        #expect(failure(url, DatabaseReadOptions(query: zeros)) == nil)
    }
}
