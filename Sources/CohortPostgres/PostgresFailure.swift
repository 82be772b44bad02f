import CohortDatabase
import Foundation
import PostgresNIO

/// What postgres-nio or the server reported, as a `DatabaseError` that names the source: the
/// SQLSTATE class decides (28: login, 3D: database, 42: the query, 22: a value, 57/08: the
/// connection), then the client's own error code (no connection, closed, a password needed).
struct PostgresFailure {
    /// When it happened: a closed connection while connecting is an unreachable server, while
    /// reading a broken connection.
    enum Phase {
        case connecting
        /// The first look at the table or query (a missing table is named as such).
        case describing(OrderRelation)
        case reading
    }

    let error: DatabaseError

    init(_ failure: any Error, source: DatabaseSource, phase: Phase) {
        let name = source.redacted
        switch failure {
        case let failure as PSQLError:
            error = Self.map(failure, source: source, phase: phase)
        case let failure as PostgresError:
            if case .connectionClosed = failure {
                error = Self.closed(source, phase: phase, detail: "the server closed the connection")
            } else {
                error = .serverError(source: name, code: nil, detail: failure.description)
            }
        case let failure as PostgresDecodingError:
            error = .serverError(source: name, code: nil, detail: "unexpected value in column '\(failure.columnName)' (\(failure.postgresType))")
        default:
            error = Self.connection(failure, source: source, phase: phase)
        }
    }

    private static func map(_ failure: PSQLError, source: DatabaseSource, phase: Phase) -> DatabaseError {
        let name = source.redacted
        switch failure.code {
        case .server:
            let info = failure.serverInfo
            let state = info?[.sqlState] ?? ""
            var message = info?[.message] ?? "unknown error"
            if let detail = info?[.detail] { message += " (\(detail))" }
            return server(state: state, message: message, source: source, phase: phase)
        case .connectionError:
            return failure.underlying.map { connection($0, source: source, phase: phase) }
                ?? .unreachable(source: name, detail: "\(source.endpoint): no connection")
        case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
            return closed(source, phase: phase, detail: failure.underlying.map(describe) ?? "the server closed the connection")
        case .authMechanismRequiresPassword:
            return .passwordRequired(source: name, user: source.user)
        case .unsupportedAuthMechanism:
            return .loginRefused(source: name, detail: "the server asks for an authentication method the client does not support")
        case .saslError:
            return .loginRefused(source: name, detail: "SCRAM authentication failed")
        case .sslUnsupported:
            return .unreachable(source: name, detail: "\(source.endpoint) does not offer TLS (sslmode=\(source.sslMode.rawValue))")
        case .failedToAddSSLHandler, .receivedUnencryptedDataAfterSSLRequest:
            return .unreachable(source: name, detail: "\(source.endpoint): TLS could not be set up")
        case .queryCancelled:
            return .serverError(source: name, code: nil, detail: "the query was cancelled")
        default:
            return .serverError(source: name, code: nil, detail: failure.underlying.map(describe) ?? "\(failure.code)")
        }
    }

    /// A server's ErrorResponse, by its SQLSTATE.
    private static func server(state: String, message: String, source: DatabaseSource, phase: Phase) -> DatabaseError {
        let name = source.redacted
        switch state {
        case "28P01", "28000": return .loginRefused(source: name, detail: message)
        case "3D000": return .databaseNotFound(source: name, database: source.database)
        case "42P01":
            if case .describing(.table(let table)) = phase { return .tableNotFound(source: name, table: table) }
            return .queryRefused(source: name, detail: message)
        case "42501": return .permissionDenied(source: name, detail: message)
        case "25006": return .queryRefused(source: name, detail: message + "; cohort only reads")
        case "0A000": return .queryRefused(source: name, detail: message)
        case "57P01", "57P02", "57P03": return closed(source, phase: phase, detail: message)
        case "53300": return .unreachable(source: name, detail: message)
        default:
            if state.hasPrefix("42") { return .queryRefused(source: name, detail: message) }
            if state.hasPrefix("22") { return .valueOutOfRange(source: name, detail: message) }
            if state.hasPrefix("08") { return closed(source, phase: phase, detail: message) }
            return .serverError(source: name, code: state.isEmpty ? nil : state, detail: message)
        }
    }

    /// A connection that closed: an unreachable server while connecting, a broken connection while reading.
    private static func closed(_ source: DatabaseSource, phase: Phase, detail: String) -> DatabaseError {
        if case .connecting = phase { return .unreachable(source: source.redacted, detail: "\(source.endpoint): \(detail)") }
        return .connectionLost(source: source.redacted, detail: detail)
    }

    /// A failure below the protocol: the host unknown, the port closed, a timeout.
    private static func connection(_ failure: any Error, source: DatabaseSource, phase: Phase) -> DatabaseError {
        if let failure = failure as? NIOConnectionError {
            if failure.connectionErrors.isEmpty && (failure.dnsAError != nil || failure.dnsAAAAError != nil) {
                return .unknownHost(source: source.redacted, host: source.host)
            }
            if let first = failure.connectionErrors.first { return connection(first.error, source: source, phase: phase) }
        }
        if failure is SocketAddressError { return .unknownHost(source: source.redacted, host: source.host) }
        if case .connecting = phase { return .unreachable(source: source.redacted, detail: "\(source.endpoint): \(describe(failure))") }
        return .connectionLost(source: source.redacted, detail: describe(failure))
    }

    /// A short text for a low-level error: the system's words for an errno, a timeout in seconds.
    static func describe(_ failure: any Error) -> String {
        if let failure = failure as? IOError { return String(cString: strerror(failure.errnoCode)).lowercased() }
        if let failure = failure as? ChannelError, case .connectTimeout(let amount) = failure {
            return "no answer within \(amount.nanoseconds / 1_000_000_000) s"
        }
        if let failure = failure as? NIOSSLError { return "TLS: \(failure)" }
        return "\(failure)"
    }
}
