import CohortDatabase
import Logging
import PostgresNIO // with NIO and NIOSSL

/// One connection to a PostgreSQL server, through postgres-nio: opened read-only, statements run
/// one at a time with their rows handed to a closure, closed when released.
///
/// The calls block the calling thread until the server answers (the work happens on postgres-nio's
/// event loop), so the synchronous job can use them; never call them from an event loop.
/// Failures are thrown as `DatabaseError` (`PostgresFailure`), naming the source without a password.
///
///     let session = try PostgresSession.open(source, password: PasswordFile.password(for: source, environment: environment))
///     try session.run("SELECT 1") { row in ... }
final class PostgresSession {
    let source: DatabaseSource
    private let connection: PostgresConnection
    private let logger: Logger
    private var closed = false

    private init(source: DatabaseSource, connection: PostgresConnection, logger: Logger) {
        self.source = source
        self.connection = connection
        self.logger = logger
    }

    deinit { close() }

    /// Connects and logs in; every transaction of the session is read-only (`default_transaction_read_only`).
    static func open(_ source: DatabaseSource, password: String?) throws(DatabaseError) -> PostgresSession {
        // postgres-nio logs through swift-log; nothing of it may reach standard output (a CSV may be printed there).
        let logger = Logger(label: "cohort.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        do {
            var configuration: PostgresConnection.Configuration
            if source.usesUnixSocket {
                configuration = .init(unixSocketPath: source.socketPath, username: source.user, password: password, database: source.database)
            } else {
                configuration = .init(host: source.host, port: source.port, username: source.user, password: password,
                                      database: source.database, tls: try tls(source.sslMode))
            }
            configuration.options.connectTimeout = .seconds(Int64(source.connectTimeout))
            configuration.options.additionalStartupParameters = [("application_name", "cohort"), ("default_transaction_read_only", "on")]
            let connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration,
                                                            id: 1, logger: logger).wait()
            return PostgresSession(source: source, connection: connection, logger: logger)
        } catch {
            throw PostgresFailure(error, source: source, phase: .connecting).error
        }
    }

    /// Runs a statement, handing each row to `onRow` (on postgres-nio's thread, one row after the
    /// other); returns when the last row is handed over. An error thrown by `onRow` ends the statement.
    func run(_ sql: String, phase: PostgresFailure.Phase = .reading, onRow: @escaping @Sendable (PostgresRow) throws -> Void = { _ in })
        throws(DatabaseError) {
        do {
            _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger, onRow).wait()
        } catch let error as DatabaseError {
            throw error
        } catch {
            throw PostgresFailure(error, source: source, phase: phase).error
        }
    }

    /// Runs a statement and gives back its rows' first column as text (EXPLAIN, a value for a message).
    func texts(_ sql: String, phase: PostgresFailure.Phase = .reading) throws(DatabaseError) -> [String?] {
        let lines = Collected<[String?]>([])
        try run(sql, phase: phase) { row in
            let text = try row.makeRandomAccess()[0].decode(String?.self)
            lines.update { $0.append(text) }
        }
        return lines.value
    }

    /// Closes the connection (also when the session is released).
    func close() {
        guard !closed else { return }
        closed = true
        try? connection.close().wait()
    }

    /// libpq's sslmode as postgres-nio's TLS setting.
    private static func tls(_ mode: DatabaseSource.SSLMode) throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable: return .disable
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        let context = try NIOSSLContext(configuration: configuration)
        return mode == .prefer ? .prefer(context) : .require(context)
    }
}
