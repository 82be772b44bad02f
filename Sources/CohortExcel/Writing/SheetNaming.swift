/// Turns requested sheet names into names Excel accepts, each unique in the workbook.
///
/// Excel's rules: 1–31 characters (UTF-16 units), none of `[]:*?/\`, no apostrophe
/// first or last, no two names equal ignoring case, and not `History` (reserved).
/// Forbidden and control characters become `_`; a name already taken gets ` (2)`, ` (3)`, ….
///
///     var naming = SheetNaming()
///     naming.name(for: "Revenue/GRR")   // "Revenue_GRR"
///     naming.name(for: "revenue_grr")   // "revenue_grr (2)"
struct SheetNaming {
    static let maximumLength = 31
    static let fallback = "Sheet"
    private static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Lower-cased names already given, and Excel's reserved one.
    private var taken: Set<String> = ["history"]

    mutating func name(for requested: String) -> String {
        let cleaned = String(requested.map { character in
            Self.forbidden.contains(character) || character.unicodeScalars.contains(where: Self.isControl) ? "_" : character
        })
        var base = Self.trimmingApostrophes(Self.truncated(Self.trimmingApostrophes(cleaned), to: Self.maximumLength))
        if base.isEmpty { base = Self.fallback }
        var candidate = base
        var number = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " (\(number))"
            candidate = Self.trimmingApostrophes(Self.truncated(base, to: Self.maximumLength - suffix.utf16.count)) + suffix
            number += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    /// The longest prefix of whole characters with at most `length` UTF-16 units.
    static func truncated(_ text: String, to length: Int) -> String {
        guard text.utf16.count > length else { return text }
        var result = ""
        var used = 0
        for character in text {
            let size = character.utf16.count
            guard used + size <= length else { break }
            result.append(character)
            used += size
        }
        return result
    }

    private static func trimmingApostrophes(_ text: String) -> String {
        var text = Substring(text)
        while text.first == "'" { text = text.dropFirst() }
        while text.last == "'" { text = text.dropLast() }
        return String(text)
    }

    /// C0 and C1 controls, DEL, and the non-characters U+FFFE and U+FFFF.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
