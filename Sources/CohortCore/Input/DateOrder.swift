import Foundation

/// The order of day, month and year in a date written with numbers only.
///
/// `01.03.2026` is always day first (German); `01/03/2026` and `01-03-2026` are
/// read in the order given with `--date-format`, else in the order the column's
/// data proves (a first number above 12 is a day, a second one above 12 is a day
/// too); a year of four digits first (`2026-03-01`) is always year first.
public enum DateOrder: String, Sendable, Codable, CaseIterable {
    case dayMonthYear = "DD/MM/YYYY"
    case monthDayYear = "MM/DD/YYYY"
    case yearMonthDay = "YYYY-MM-DD"

    /// Parses `--date-format`: a pattern such as `DD.MM.YYYY`, `dd/mm/yy`, `MM/DD/YYYY`,
    /// `YYYY-MM-DD` (case does not matter; only the order of D, M and Y counts),
    /// or the shorthands `DMY`, `MDY`, `YMD`, `ISO`.
    public init?(pattern: String) {
        let text = pattern.trimmingCharacters(in: .whitespaces).uppercased()
        if text == "ISO" { self = .yearMonthDay; return }
        var letters: [Character] = []
        for character in text {
            guard "DMY".contains(character) || "./- ".contains(character) else { return nil }
            if "DMY".contains(character), letters.last != character { letters.append(character) }
        }
        switch String(letters) {
        case "DMY": self = .dayMonthYear
        case "MDY": self = .monthDayYear
        case "YMD": self = .yearMonthDay
        default: return nil
        }
    }
}
