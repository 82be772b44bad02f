/// The known name a mistyped one most likely meant, for "did you mean" in messages about
/// options, commands and configuration keys.
///
///     NearestName.among(["--churn-window", "--period"], for: "--churn-windw")   // "--churn-window"
///     NearestName.among(["currency", "company"], for: "currncy")                // "currency"
public enum NearestName {
    /// The known name closest to `typed`: the only one it is a whole word of (`--window` → `--churn-window`),
    /// else the only one that is a whole word of it (`keep_last` → `keep`), else the one fewest edits away (letters added, removed, changed or swapped), if that is a third of it at most.
    /// Dashes and underscores count alike, and case is ignored.
    public static func among(_ names: [String], for typed: String) -> String? {
        func bare(_ name: String) -> String { String(name.drop { $0 == "-" }).lowercased().replacingUnderscores() }
        let word = bare(typed)
        guard !word.isEmpty else { return nil }
        let containing = names.filter { bare($0).split(separator: "-").contains { $0 == word } || bare($0).hasPrefix(word + "-") }
        if containing.count == 1 { return containing[0] }
        // The only known name that is a word of the typed one: `keep_last` → `keep`, `--format-csv` → `--format`.
        let typedWords = word.split(separator: "-")
        let contained = names.filter { name in typedWords.count > 1 && typedWords.contains { $0 == bare(name) } }
        if contained.count == 1 { return contained[0] }
        let limit = max(1, min(3, word.count / 3))
        let scored = names.map { (name: $0, edits: editDistance(word, bare($0))) }.filter { $0.edits <= limit }
        return scored.min { $0.edits < $1.edits }?.name
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    ///
    /// Complexity: O(*a* × *b*) in the lengths of the two texts.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0 ... a.count { table[i][0] = i }
        for j in 0 ... b.count { table[0][j] = j }
        for i in 1 ... a.count {
            for j in 1 ... b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}

private extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
