import CohortDatabase
import Testing

@Suite struct DatabaseSourceTests {
    @Test func readsEveryPartOfAURL() throws {
        let source = try DatabaseSource(url: "postgresql://shop%40eu@db.internal:6543/sales%20db?sslmode=require&connect_timeout=3", environment: [:])
        #expect(source.user == "shop@eu")
        #expect(source.host == "db.internal")
        #expect(source.port == 6543)
        #expect(source.database == "sales db")
        #expect(source.sslMode == .require)
        #expect(source.connectTimeout == 3)
        #expect(source.endpoint == "db.internal:6543")
    }

    @Test func takesWhatTheURLLeavesOutFromTheEnvironmentThenTheDefaults() throws {
        let environment = ["PGUSER": "reporting", "PGHOST": "pg.local", "PGPORT": "5433", "PGDATABASE": "shop", "PGSSLMODE": "disable"]
        let filled = try DatabaseSource(url: "postgres://", environment: environment)
        #expect(filled.user == "reporting" && filled.host == "pg.local" && filled.port == 5433 && filled.database == "shop")
        #expect(filled.sslMode == .disable)

        let defaults = try DatabaseSource(url: "postgresql:///orders", environment: ["USER": "anna"])
        #expect(defaults.user == "anna" && defaults.host == "localhost" && defaults.port == 5432 && defaults.database == "orders")
        #expect(defaults.sslMode == .prefer)
        #expect(try DatabaseSource(url: "postgresql://bob@h", environment: [:]).database == "bob") // a database named like the user
    }

    @Test func readsIPv6AddressesAndSocketFolders() throws {
        let ipv6 = try DatabaseSource(url: "postgresql://u@[::1]:5432/d", environment: [:])
        #expect(ipv6.host == "::1" && ipv6.endpoint == "[::1]:5432")
        let socket = try DatabaseSource(url: "postgresql://u@/d?host=/var/run/postgresql", environment: [:])
        #expect(socket.usesUnixSocket && socket.socketPath == "/var/run/postgresql/.s.PGSQL.5432")
    }

    @Test func refusesAPasswordInTheURLAndNeverRepeatsIt() {
        for url in ["postgresql://shop:s3cret@db/shop", "postgresql://shop@db/shop?password=s3cret&sslmode=require"] {
            #expect(throws: DatabaseError.self) { try DatabaseSource(url: url, environment: [:]) }
            do {
                _ = try DatabaseSource(url: url, environment: [:])
            } catch {
                guard case .passwordInURL(let source) = error else { Issue.record("\(error)"); continue }
                #expect(!source.contains("s3cret"))
                #expect(source.hasPrefix("postgresql://shop@db/shop"))
            }
        }
        #expect(DatabaseSource.redact("postgresql://a:b@h:1/d?sslmode=disable&password=x") == "postgresql://a@h:1/d?sslmode=disable")
    }

    @Test func refusesWhatItCannotRead() {
        func problem(_ url: String) -> DatabaseError.URLProblem? {
            do {
                _ = try DatabaseSource(url: url, environment: [:])
                return nil
            } catch {
                if case .invalidURL(_, let problem) = error { return problem }
                return nil
            }
        }
        #expect(problem("mysql://h/d") == .scheme)
        #expect(problem("postgresql://h:99999/d") == .port("99999"))
        #expect(problem("postgresql://h1,h2/d") == .severalHosts)
        #expect(problem("postgresql://h/d?sslmod=require") == .parameter("sslmod"))
        #expect(problem("postgresql://h/d?sslmode=sometimes") == .sslMode("sometimes"))
    }

    @Test func tellsDatabaseURLsFromFiles() {
        #expect(DatabaseSource.isURL("postgresql://h/d"))
        #expect(DatabaseSource.isURL("POSTGRES://h/d"))
        #expect(!DatabaseSource.isURL("orders.csv"))
        #expect(!DatabaseSource.isURL("exports/postgresql.csv"))
    }
}
