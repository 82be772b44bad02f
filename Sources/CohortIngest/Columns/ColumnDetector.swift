/// Finds the customer, date, amount and order columns in a header row.
///
/// Explicit names (from `ColumnMapping`) are matched after normalization
/// ("Kunden-Nr." matches "kundennr"); otherwise a column is detected when its
/// normalized name is one of the role's `knownNames`. Two candidates for one
/// role are refused rather than guessed.
struct ColumnDetector {
    let source: String
    let header: [String]
    /// The header's line (row) in the file, for messages.
    var line = 1

    /// Column index per role; `order` is nil when the input has no order column.
    struct Columns: Equatable {
        var customer: Int
        var date: Int
        var amount: Int
        var order: Int?
        /// Per segment column asked for, its index in this file; nil when the file has none of that name.
        var segments: [Int?] = []

        /// The index of the last column a row is read from.
        var lastReadColumn: Int {
            segments.reduce(max(customer, date, amount, order ?? 0)) { last, column in max(last, column ?? 0) }
        }
    }

    func resolve(_ mapping: ColumnMapping, segments: [String] = []) throws(IngestError) -> Columns {
        let normalized = header.map(ColumnRole.normalize)
        var seen: Set<String> = []
        for (index, name) in normalized.enumerated() where !name.isEmpty {
            if !seen.insert(name).inserted { throw .duplicateColumn(source: source, line: line, name: header[index]) }
        }
        var columns = Columns(customer: try require(.customer, named: mapping.customer, in: normalized),
                              date: try require(.date, named: mapping.date, in: normalized),
                              amount: try require(.amount, named: mapping.amount, in: normalized),
                              order: try find(.order, named: mapping.order, in: normalized))
        columns.segments = segments.map { name in header.firstIndex(of: name) ?? normalized.firstIndex(of: ColumnRole.normalize(name)) }
        return columns
    }

    /// The customer id column of a customer file: named, or detected like the orders'.
    func customerColumn(named name: String?) throws(IngestError) -> Int {
        let normalized = header.map(ColumnRole.normalize)
        return try require(.customer, named: name, in: normalized)
    }

    /// The header name closest to `name` (a likely typo), if any.
    func suggestion(for name: String) -> String? {
        closest(to: ColumnRole.normalize(name), in: header.map(ColumnRole.normalize))
    }

    func require(_ role: ColumnRole, named name: String?, in normalized: [String]) throws(IngestError) -> Int {
        if let index = try find(role, named: name, in: normalized) { return index }
        let guess = role.knownNames.sorted().compactMap { closest(to: $0, in: normalized, maxDistance: 2) }.first
        throw .noColumnDetected(source: source, line: line, role: role, header: header, suggestion: guess)
    }

    /// The column named or detected for `role`; nil when none is detected.
    func find(_ role: ColumnRole, named name: String?, in normalized: [String]) throws(IngestError) -> Int? {
        if let name {
            let wanted = ColumnRole.normalize(name)
            if let index = header.firstIndex(of: name) ?? normalized.firstIndex(of: wanted) { return index }
            throw .columnNotFound(source: source, line: line, role: role, name: name, suggestion: closest(to: wanted, in: normalized))
        }
        let matches = normalized.indices.filter { role.knownNames.contains(normalized[$0]) }
        if matches.count > 1 { throw .ambiguousColumn(source: source, line: line, role: role, candidates: matches.map { header[$0] }) }
        return matches.first
    }

    /// The header name closest to `wanted` by edit distance, when close enough to be a likely typo.
    private func closest(to wanted: String, in normalized: [String], maxDistance: Int? = nil) -> String? {
        let limit = maxDistance ?? max(2, wanted.count / 3)
        let scored = normalized.indices.map { (index: $0, distance: Self.editDistance(wanted, normalized[$0])) }
        guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= limit else { return nil }
        return header[best.index]
    }

    /// Levenshtein distance between two strings.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0 ... b.count)
        for i in 1 ... a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1 ... b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
