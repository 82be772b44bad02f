import CohortCore

/// Pieces of PostgreSQL text: quoted identifiers and literals, day numbers, the period of a day.
///
/// Everything the statements hold is built here from names and numbers the program knows (column
/// names read from the server, dates it parsed): nothing a user typed is pasted in unquoted, except
/// the `--query` itself, which runs read-only (`OrderRelation`).
enum SQLText {
    /// `"order date"`: an identifier in double quotes, inner quotes doubled; exactly the name given.
    static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `'it''s'`: a string literal, inner quotes doubled (standard_conforming_strings is on since PostgreSQL 9.1).
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// `DATE '2026-03-31'`.
    static func date(_ dayNumber: Int) -> String {
        "DATE '\(CivilDate(dayNumber: dayNumber))'"
    }

    /// The day number of a date expression: days since 1970-01-01, as `CivilDate.dayNumber` counts.
    static func dayNumber(_ date: String) -> String {
        "(\(date) - DATE '1970-01-01')"
    }

    /// The absolute period number of a date expression, as `PeriodCalendar.period(containingDay:)` numbers it:
    /// months `year * 12 + month - 1`, quarters `year * 4 + quarter - 1`, ISO weeks Mondays since 1969-12-29
    /// (day + 3 divided by 7, rounded down; integer arithmetic only, so dates before 1970 come out right too).
    static func period(of date: String, _ kind: PeriodKind) -> String {
        switch kind {
        case .month:
            return "(date_part('year', \(date))::int * 12 + date_part('month', \(date))::int - 1)"
        case .quarter:
            return "(date_part('year', \(date))::int * 4 + (date_part('month', \(date))::int - 1) / 3)"
        case .week:
            let shifted = "(\(dayNumber(date)) + 3)"
            return "((\(shifted) - ((\(shifted) % 7) + 7) % 7) / 7)"
        }
    }
}
