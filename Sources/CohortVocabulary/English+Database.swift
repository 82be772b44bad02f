import CohortDatabase
import CohortIngest

extension English {
    func describe(_ error: DatabaseError) -> String {
        switch error {
        case .invalidURL(let url, let problem):
            let why: String
            switch problem {
            case .scheme: why = "it must start with postgresql:// or postgres://"
            case .port(let text): why = "'\(text)' is not a port number"
            case .severalHosts: why = "several hosts are not supported; name one"
            case .parameter(let name):
                why = "unknown parameter '\(name)' (known: sslmode, host, port, user, dbname, connect_timeout, application_name)"
            case .sslMode(let mode): why = "sslmode '\(mode)' is none of disable, prefer, require, verify-ca, verify-full"
            case .encoding: why = "it is not written correctly (check %-escapes and [brackets] around an IPv6 address)"
            }
            return "\(url): not a PostgreSQL URL: \(why)"
        case .passwordInURL(let source):
            return "\(source): the URL holds a password; put it in PGPASSWORD or ~/.pgpass instead (a command line is visible to every user of the machine)"
        case .relationMissing(let source):
            return "\(source): name the orders with --table NAME or --query \"SELECT ...\""
        case .relationTwice(let source):
            return "\(source): --table and --query are both given; use one of them"
        case .notAlone(let source):
            return "\(source): a database is read alone; name no files or other databases beside it"
        case .notASelect(let source, let start):
            return "\(source): --query must be a SELECT (it starts with '\(start)'); cohort only reads"
        case .unreachable(let source, let detail):
            return "\(source): cannot connect to the server: \(detail)"
        case .unknownHost(let source, let host):
            return "\(source): the host '\(host)' is not known"
        case .loginRefused(let source, let detail):
            return "\(source): the server refused the login: \(detail)"
        case .passwordRequired(let source, let user):
            return "\(source): the server asks for the password of '\(user)'; set PGPASSWORD or add a line to ~/.pgpass"
        case .databaseNotFound(let source, let database):
            return "\(source): there is no database '\(database)'"
        case .tableNotFound(let source, let table):
            return "\(source): there is no table or view '\(table)' (or the user may not see it)"
        case .queryRefused(let source, let detail):
            return "\(source): the server refused the query: \(detail)"
        case .permissionDenied(let source, let detail):
            return "\(source): permission denied: \(detail)"
        case .columnNotFound(let source, let role, let name, let suggestion):
            return "\(source): there is no column '\(name)' for \(role.flag)" + suggested(suggestion)
        case .noColumnDetected(let source, let role, let columns, let suggestion):
            return "\(source): no \(role.rawValue) column found among \(quotedList(columns))" + suggested(suggestion) + "; name it with \(role.flag)"
        case .ambiguousColumn(let source, let role, let candidates):
            return "\(source): columns \(candidates.map { "'\($0)'" }.joined(separator: " and ")) could both be the \(role.rawValue) column; "
                + "choose one with \(role.flag)"
        case .duplicateColumn(let source, let name):
            return "\(source): the column name '\(name)' appears twice"
        case .segmentColumnNotFound(let source, let name, let columns):
            return "\(source): there is no column '\(name)' for --segment-by; the columns are \(quotedList(columns))"
        case .wrongColumnType(let source, let column, let role, let type):
            let needed = role == .date ? "a date or timestamp" : "a number (integer, numeric, real, double precision or money)"
            return "\(source): column '\(column)' is \(type) and cannot be the \(role.rawValue), which needs \(needed); "
                + "convert it with --query (e.g. \(role == .date ? "\(column)::date" : "\(column)::numeric"))"
        case .noRows(let source):
            return "\(source): the table or query gives no rows"
        case .amountNotInCents(let source, let column, let count, let example):
            return "\(source): column '\(column)': \(count) \(count == 1 ? "amount has" : "amounts have") more than two decimals"
                + (example.map { " (e.g. \($0))" } ?? "") + "; round them with --query (e.g. round(\(column), 2))"
        case .valueOutOfRange(let source, let detail):
            return "\(source): a value cannot be read: \(detail)"
        case .customerIDsDifferInBlanks(let source, let id):
            return "\(source): the customer id '\(id)' is stored with and without blanks around it, which files count as one customer; "
                + "trim the ids with --query (btrim)"
        case .tooManyIncompleteRows(let source, let count, let read, let limit, let strict):
            let rows = "\(count) of \(read) rows (\(shareText(count, of: read, decimalMark: ".")))"
            return strict
                ? "\(source): \(rows) \(count == 1 ? "has" : "have") no customer id, date or amount (--strict refuses any)"
                : "\(source): \(rows) \(count == 1 ? "has" : "have") no customer id, date or amount, more than the \(percentText(limit, decimalMark: ".")) allowed "
                    + "by --max-rejected; are the columns right?"
        case .connectionLost(let source, let detail):
            return "\(source): the connection broke while the orders were read (\(detail)); nothing was written"
        case .serverError(let source, let code, let detail):
            return "\(source): the server reported an error\(code.map { " (SQLSTATE \($0))" } ?? ""): \(detail)"
        }
    }

    func incompleteRows(source: String, count: Int, read: Int) -> String {
        "\(source): \(count) of \(read) \(read == 1 ? "row" : "rows") \(count == 1 ? "has" : "have") no customer id, date or amount and \(count == 1 ? "was" : "were") left out"
    }

    var explainStatementHeading: String { "-- The statement cohort sends (every subquery that aggregates groups by the customer column):" }
    var explainPlanHeading: String { "-- The server's plan (EXPLAIN):" }

    func explainWithoutPlan(_ error: DatabaseError) -> String {
        "-- No plan: \(describe(error)); the columns are taken as named (--customer-column, --date-column, --amount-column, "
            + "--order-column), the date as a date and the amount as numeric."
    }

    private func suggested(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }

    private func quotedList(_ names: [String]) -> String {
        names.map { "'\($0)'" }.joined(separator: ", ")
    }
}
