import Foundation

/// The password of a connection, found as `psql` finds it: `PGPASSWORD`, else the password file
/// (`PGPASSFILE`, default `~/.pgpass`), whose lines read `host:port:database:user:password`
/// with `*` matching anything and `\:` / `\\` for a colon or backslash in a field.
///
///     let password = PasswordFile.password(for: source, environment: ProcessInfo.processInfo.environment)
///
/// As libpq does, a password file that others may read (any group or world permission) is
/// ignored, and a connection over a Unix socket matches the host `localhost`.
public enum PasswordFile {
    /// The password for `source`, or nil when none is set.
    public static func password(for source: DatabaseSource, environment: [String: String]) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password } // empty: not set, as libpq reads it
        let path = environment["PGPASSFILE"] ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass"
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let permissions = attributes[.posixPermissions] as? NSNumber, permissions.intValue & 0o077 == 0,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return password(in: String(decoding: data, as: UTF8.self), for: source)
    }

    /// The password of the first line of `text` that matches `source`.
    public static func password(in text: String, for source: DatabaseSource) -> String? {
        let host = source.usesUnixSocket ? "localhost" : source.host
        let wanted = [host, String(source.port), source.database, source.user]
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            guard !line.hasPrefix("#") else { continue }
            let fields = self.fields(of: line)
            guard fields.count == 5 else { continue }
            if zip(fields, wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// The colon-separated fields of a line, with `\:` and `\\` unescaped.
    static func fields(of line: Substring) -> [String] {
        var fields: [String] = [], field = "", escaped = false
        for character in line {
            if escaped {
                field.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}
