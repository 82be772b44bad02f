import CohortIngest

/// Why orders cannot be read from a database, with the source (its URL without a password) and
/// what the server said; the vocabulary words it as one line
/// ("postgresql://shop@db:5432/shop: there is no table 'order' (did you mean 'orders'?)").
///
/// `isBadInput` tells the CLI the exit status, as for files: 2 for a source named or written
/// wrongly, 1 when the server or the network failed.
public enum DatabaseError: Error, Equatable, Sendable {
    /// The URL cannot be read; `problem` says which part.
    case invalidURL(url: String, problem: URLProblem)
    /// The URL holds a password (it would show in the process list and in shell history).
    case passwordInURL(source: String)
    /// Neither `--table` nor `--query` was given, or both.
    case relationMissing(source: String)
    case relationTwice(source: String)
    /// A database source is read alone, not beside files or another database.
    case notAlone(source: String)
    /// `--query` does not start with SELECT, WITH, VALUES or TABLE; `start` is its first word.
    case notASelect(source: String, start: String)
    /// No connection: the server is down, the port closed, the host unknown, or it timed out.
    case unreachable(source: String, detail: String)
    /// The host name is not known (DNS).
    case unknownHost(source: String, host: String)
    /// The server refused the login (wrong password, no such user, pg_hba.conf).
    case loginRefused(source: String, detail: String)
    /// The server asks for a password and none was found in PGPASSWORD or the password file.
    case passwordRequired(source: String, user: String)
    case databaseNotFound(source: String, database: String)
    case tableNotFound(source: String, table: String)
    /// The server refused the query (a syntax error, an unknown column or function, ...).
    case queryRefused(source: String, detail: String)
    /// The user may not read the table (or run the query).
    case permissionDenied(source: String, detail: String)
    case columnNotFound(source: String, role: ColumnRole, name: String, suggestion: String?)
    case noColumnDetected(source: String, role: ColumnRole, columns: [String], suggestion: String?)
    case ambiguousColumn(source: String, role: ColumnRole, candidates: [String])
    case duplicateColumn(source: String, name: String)
    /// The segment column (`--segment-by`) is not among the source's columns.
    case segmentColumnNotFound(source: String, name: String, columns: [String])
    /// A column's type cannot hold its role: a date column that is text, an amount that is a date.
    case wrongColumnType(source: String, column: String, role: ColumnRole, type: String)
    /// The table or query gives no rows.
    case noRows(source: String)
    /// Amounts with a third decimal that is not zero: the column holds no money in cents.
    case amountNotInCents(source: String, column: String, count: Int, example: String?)
    /// A value the server could not convert (a date out of range, an amount too large for cents).
    case valueOutOfRange(source: String, detail: String)
    /// Two customer ids differ only in blanks around them (`' C1'`, `'C1'`), which files count as one customer.
    case customerIDsDifferInBlanks(source: String, id: String)
    /// More rows without a customer id, date or amount than `--max-rejected` allows (any, with `--strict`).
    case tooManyIncompleteRows(source: String, count: Int, read: Int, limitPercent: Double, strict: Bool)
    /// The connection broke while the rows came (nothing was written).
    case connectionLost(source: String, detail: String)
    /// Anything else the server or the client library reported; `code` is the SQLSTATE when there is one.
    case serverError(source: String, code: String?, detail: String)

    /// What is wrong with a URL.
    public enum URLProblem: Equatable, Sendable {
        case scheme
        case port(String)
        case severalHosts
        case parameter(String)
        case sslMode(String)
        case encoding
    }

    /// True when the source was named or written wrongly (exit 2); false when the server or the network failed (exit 1).
    public var isBadInput: Bool {
        switch self {
        case .unreachable, .connectionLost, .serverError: return false
        default: return true
        }
    }
}
