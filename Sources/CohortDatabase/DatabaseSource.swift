import Foundation

/// A PostgreSQL database named by a URL, as libpq reads it:
/// `postgresql://[user@][host][:port][/database][?sslmode=require&...]` (or `postgres://`).
///
///     let source = try DatabaseSource(url: "postgresql://shop@db.internal:5432/shop", environment: [:])
///     source.host       // "db.internal"
///     source.redacted   // the URL as given, without a password
///
/// What the URL leaves out comes from the environment as for `psql` (`PGUSER`, `PGHOST`, `PGPORT`,
/// `PGDATABASE`, `PGSSLMODE`, `PGCONNECT_TIMEOUT`), then the defaults: the login name,
/// `localhost`, 5432, a database named like the user. A host that starts with `/` is the folder
/// of the server's Unix socket. The password is never part of the source: it comes from
/// `PGPASSWORD` or the password file (`PasswordFile`), and a URL that holds one is refused, since
/// a command line is visible to every user of the machine.
public struct DatabaseSource: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    /// A host name or address, or the folder of a Unix socket (starting with `/`).
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode
    /// Seconds to wait for a connection.
    public var connectTimeout: Int
    /// The URL as given, without a password: what every message names.
    public var redacted: String

    /// libpq's `sslmode`, as far as the client supports it.
    public enum SSLMode: String, Sendable, Equatable, CaseIterable {
        /// No TLS.
        case disable
        /// TLS when the server offers it, without checking its certificate (libpq's default).
        case prefer
        /// TLS or no connection, without checking the certificate.
        case require
        /// TLS, the certificate checked against the system's trusted authorities (not the host name).
        case verifyCA = "verify-ca"
        /// TLS, the certificate and the host name checked.
        case verifyFull = "verify-full"
    }

    /// True for text that names a database rather than a file: it starts with `postgresql://` or `postgres://`.
    public static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    /// Reads a URL; `environment` fills what it leaves out (pass `ProcessInfo.processInfo.environment`).
    public init(url: String, environment: [String: String]) throws(DatabaseError) {
        redacted = Self.redact(url)
        let lower = url.lowercased()
        guard let scheme = ["postgresql://", "postgres://"].first(where: { lower.hasPrefix($0) }) else {
            throw .invalidURL(url: redacted, problem: .scheme)
        }
        var rest = Substring(url.dropFirst(scheme.count))
        var parameters: [(String, String)] = []
        if let question = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: question)...].split(separator: "&", omittingEmptySubsequences: true) {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, let name = Self.decoded(parts[0]), let value = Self.decoded(parts[1]) else {
                    throw .invalidURL(url: redacted, problem: .parameter(String(pair)))
                }
                parameters.append((name, value))
            }
            rest = rest[..<question]
        }
        var databaseName: String?
        if let slash = rest.firstIndex(of: "/") {
            let name = rest[rest.index(after: slash)...]
            if !name.isEmpty {
                guard let decodedName = Self.decoded(name) else { throw .invalidURL(url: redacted, problem: .encoding) }
                databaseName = decodedName
            }
            rest = rest[..<slash]
        }
        var userName: String?
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            if userInfo.contains(":") { throw .passwordInURL(source: redacted) }
            guard let decodedUser = Self.decoded(userInfo) else { throw .invalidURL(url: redacted, problem: .encoding) }
            userName = decodedUser.isEmpty ? nil : decodedUser
            rest = rest[rest.index(after: at)...]
        }
        if rest.contains(",") { throw .invalidURL(url: redacted, problem: .severalHosts) }
        var hostName: String?, portText: String?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw .invalidURL(url: redacted, problem: .encoding) }
            hostName = String(rest[rest.index(after: rest.startIndex) ..< close])
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { portText = String(after.dropFirst()) } else if !after.isEmpty { throw .invalidURL(url: redacted, problem: .encoding) }
        } else if let colon = rest.lastIndex(of: ":") {
            hostName = String(rest[..<colon])
            portText = String(rest[rest.index(after: colon)...])
        } else {
            hostName = String(rest)
        }
        if let name = hostName {
            guard let decodedHost = Self.decoded(Substring(name)) else { throw .invalidURL(url: redacted, problem: .encoding) }
            hostName = decodedHost.isEmpty ? nil : decodedHost
        }
        if portText?.isEmpty == true { portText = nil }

        var sslText: String?, timeoutText: String?
        for (name, value) in parameters {
            switch name {
            case "sslmode": sslText = value
            case "host": hostName = value
            case "port": portText = value
            case "user": userName = value
            case "dbname": databaseName = value
            case "connect_timeout": timeoutText = value
            case "application_name": break
            case "password": throw .passwordInURL(source: redacted)
            default: throw .invalidURL(url: redacted, problem: .parameter(name))
            }
        }

        user = userName ?? environment["PGUSER"] ?? environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
        host = hostName ?? environment["PGHOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        let portValue = portText ?? environment["PGPORT"] ?? "5432"
        guard let number = Int(portValue), (1 ... 65535).contains(number) else { throw .invalidURL(url: redacted, problem: .port(portValue)) }
        port = number
        database = databaseName ?? environment["PGDATABASE"] ?? user
        let mode = sslText ?? environment["PGSSLMODE"] ?? SSLMode.prefer.rawValue
        guard let parsedMode = SSLMode(rawValue: mode) else { throw .invalidURL(url: redacted, problem: .sslMode(mode)) }
        sslMode = parsedMode
        connectTimeout = (timeoutText ?? environment["PGCONNECT_TIMEOUT"]).flatMap(Int.init).map { max($0, 2) } ?? 10
    }

    /// True when the host is the folder of a Unix socket.
    public var usesUnixSocket: Bool { host.hasPrefix("/") }

    /// The socket file in the host folder (`/var/run/postgresql/.s.PGSQL.5432`).
    public var socketPath: String { host + "/.s.PGSQL.\(port)" }

    /// "db.internal:5432" or the socket file: where a connection goes, for messages.
    public var endpoint: String { usesUnixSocket ? socketPath : (host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)") }

    public var description: String { redacted }

    /// The URL without a password: `user:secret@` loses `:secret`, a `password=` parameter is dropped.
    public static func redact(_ url: String) -> String {
        var text = url
        if let schemeEnd = text.range(of: "://") {
            let authorityEnd = text[schemeEnd.upperBound...].firstIndex(where: { $0 == "/" || $0 == "?" }) ?? text.endIndex
            let authority = text[schemeEnd.upperBound ..< authorityEnd]
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                text.removeSubrange(colon ..< at)
            }
        }
        if let question = text.firstIndex(of: "?") {
            let pairs = text[text.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false)
            let kept = pairs.filter { !$0.lowercased().hasPrefix("password=") }
            text = String(text[..<question]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
        }
        return text
    }

    private static func decoded(_ text: Substring) -> String? {
        String(text).removingPercentEncoding
    }
}
