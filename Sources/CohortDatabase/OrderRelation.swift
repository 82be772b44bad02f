import Foundation

/// Where in the database the order rows are: a table (or view), or a query.
///
///     try OrderRelation(table: "Sales.orders", query: nil, source: "...").sql   // "sales"."orders"
///     try OrderRelation(table: nil, query: "SELECT * FROM orders WHERE amount <> 0;", source: "...").sql
///     // (SELECT * FROM orders WHERE amount <> 0)
///
/// A query must start with SELECT, WITH, VALUES or TABLE (after comments and parentheses); it runs
/// inside a read-only transaction, so a query that would write anything fails there too.
public enum OrderRelation: Sendable, Equatable {
    case table(String)
    case query(String)

    /// The relation named by `--table` or `--query` (exactly one of them).
    public init(table: String?, query: String?, source: String) throws(DatabaseError) {
        switch (table, query) {
        case (let table?, nil):
            self = .table(table)
        case (nil, let query?):
            let trimmed = Self.withoutTrailingSemicolons(query)
            let start = Self.firstWord(of: trimmed)
            guard ["select", "with", "values", "table"].contains(start.lowercased()) else {
                throw .notASelect(source: source, start: start)
            }
            self = .query(trimmed)
        case (nil, nil): throw .relationMissing(source: source)
        case (.some, .some): throw .relationTwice(source: source)
        }
    }

    /// What follows FROM: the quoted table name, or the query in parentheses.
    public var sql: String {
        switch self {
        case .table(let name): return Self.quotedName(name)
        case .query(let text): return "(\n" + text + "\n)"
        }
    }

    /// `sales.orders` → `"sales"."orders"`: each part quoted; a part of plain letters, digits and `_` is
    /// folded to lower case first (as PostgreSQL folds an unquoted name), a part in double quotes is kept.
    static func quotedName(_ name: String) -> String {
        var parts: [String] = [], part = "", quoted = false, wasQuoted = false
        var characters = name.trimmingCharacters(in: .whitespaces).makeIterator()
        func finish() {
            let plain = !wasQuoted && part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
            parts.append(SQLText.identifier(plain ? part.lowercased() : part))
            part = ""
            wasQuoted = false
        }
        while let character = characters.next() {
            if quoted {
                if character == "\"" {
                    quoted = false
                } else {
                    part.append(character)
                }
            } else if character == "\"" {
                if wasQuoted { part.append("\"") } // "" inside quotes: a quote
                quoted = true
                wasQuoted = true
            } else if character == "." {
                finish()
            } else {
                part.append(character)
            }
        }
        finish()
        return parts.joined(separator: ".")
    }

    /// The query without blanks and semicolons at its end.
    static func withoutTrailingSemicolons(_ query: String) -> String {
        var text = Substring(query)
        while let last = text.last, last == ";" || last.isWhitespace { text = text.dropLast() }
        return String(text)
    }

    /// The first word of a query, after blanks, `--` and `/* */` comments and opening parentheses.
    static func firstWord(of query: String) -> String {
        var text = Substring(query)
        while true {
            text = text.drop(while: { $0.isWhitespace || $0 == "(" })
            if text.hasPrefix("--") {
                text = text.drop(while: { !$0.isNewline })
            } else if text.hasPrefix("/*"), let end = text.range(of: "*/") {
                text = text[end.upperBound...]
            } else {
                break
            }
        }
        return String(text.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" }).prefix(40))
    }
}
