import Foundation

/// The character encoding of a text file, as detected or named with `--encoding`.
///
/// Everything is read as UTF-8 after one transcoding pass where needed; see
/// `TextEncoding+Detection.swift` for how the encoding is recognized from the head
/// of a file and `TextEncoding+Transcoding.swift` for the conversion.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    /// Windows-1252, the "ANSI" code page of German and Western European Windows;
    /// a superset of ISO-8859-1 in every printable character, so it reads Latin-1 too.
    case windows1252 = "Windows-1252"

    /// Parses `--encoding`: `utf-8`, `utf-16` (little-endian unless a byte-order mark
    /// says otherwise), `utf-16le`, `utf-16be`, `windows-1252`, `cp1252`, `ansi`,
    /// `iso-8859-1`, `latin1` (case and dashes do not matter).
    public init?(argument: String) {
        let name = argument.lowercased().filter { $0.isLetter || $0.isNumber }
        switch name {
        case "utf8": self = .utf8
        case "utf16", "utf16le", "unicode": self = .utf16LittleEndian
        case "utf16be": self = .utf16BigEndian
        case "windows1252", "cp1252", "win1252", "ansi", "iso88591", "latin1", "l1", "iso885915", "latin9":
            self = .windows1252
        default: return nil
        }
    }
}
