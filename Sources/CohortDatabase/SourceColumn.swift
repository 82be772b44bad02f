/// A column of the table or query, as the server describes it: its name and its type.
public struct SourceColumn: Sendable, Equatable {
    /// The name the column goes by: its own, or for a segment the name `--segment-by` gave.
    public var name: String
    /// The PostgreSQL type's object id (`pg_type.oid`).
    public var typeOID: UInt32
    /// The column's name in the source (differs from `name` only in case, for a segment).
    public var column: String

    public init(name: String, typeOID: UInt32, column: String? = nil) {
        self.name = name
        self.typeOID = typeOID
        self.column = column ?? name
    }

    /// What the column can hold, as far as reading orders cares.
    public var kind: Kind { Kind(oid: typeOID) }

    /// The kinds of built-in types a role accepts (any other type is `.other`).
    public enum Kind: Sendable, Equatable {
        /// smallint, integer, bigint: whole currency units as amounts.
        case integer
        case numeric
        /// real, double precision: converted to numeric (15 significant digits) before anything is summed.
        case floatingPoint
        case money
        case date
        case timestamp
        /// Dated in the session's time zone (the server's `TimeZone` unless `PGTZ` sets another).
        case timestampWithTimeZone
        /// text, varchar, char, name: ids as they are; never a date or an amount.
        case text
        case other

        init(oid: UInt32) {
            switch oid {
            case 20, 21, 23: self = .integer
            case 1700: self = .numeric
            case 700, 701: self = .floatingPoint
            case 790: self = .money
            case 1082: self = .date
            case 1114: self = .timestamp
            case 1184: self = .timestampWithTimeZone
            case 25, 1042, 1043, 19: self = .text
            default: self = .other
            }
        }

        /// True for a type whose values are dates (a time of day is dropped).
        var isDate: Bool { self == .date || self == .timestamp || self == .timestampWithTimeZone }
        /// True for a type whose values are amounts.
        var isAmount: Bool { self == .integer || self == .numeric || self == .floatingPoint || self == .money }
    }

    /// The SQL name of a common type, for messages (nil: ask the server, `format_type`).
    public var typeName: String? {
        switch typeOID {
        case 16: return "boolean"
        case 17: return "bytea"
        case 19: return "name"
        case 20: return "bigint"
        case 21: return "smallint"
        case 23: return "integer"
        case 25: return "text"
        case 114: return "json"
        case 700: return "real"
        case 701: return "double precision"
        case 790: return "money"
        case 1042: return "character"
        case 1043: return "character varying"
        case 1082: return "date"
        case 1083: return "time without time zone"
        case 1114: return "timestamp without time zone"
        case 1184: return "timestamp with time zone"
        case 1186: return "interval"
        case 1700: return "numeric"
        case 2950: return "uuid"
        case 3802: return "jsonb"
        default: return nil
        }
    }
}
