/// The steps of a statement as `PushdownStatement` writes it (`name AS NOT MATERIALIZED (...)`,
/// then the final SELECT), and what each of them aggregates: read from the text, to prove that
/// every step that aggregates groups by the customer column and every window is partitioned by it.
struct StatementShape {
    struct Step {
        var name: String
        var body: String
        /// Aggregate calls that are not windows (`sum(x)`, not `sum(x) OVER w`).
        var groupedAggregates: [String]
        /// Window calls (`... OVER (...)` or `... OVER name`).
        var windows: [String]
        /// What follows GROUP BY, up to the line's end.
        var groupBy: String?
        /// The PARTITION BY clauses of the step, each up to its end.
        var partitions: [String]
    }

    var steps: [Step] = []

    static let aggregates = ["count", "sum", "min", "max", "avg", "array_agg", "percentile_cont", "bool_or", "bool_and", "string_agg", "row_number"]

    init(_ sql: String) {
        var name = "", body: [Substring] = []
        func finish() {
            guard !name.isEmpty else { return }
            steps.append(Self.step(name: name, body: body.joined(separator: "\n")))
        }
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            var trimmed = line.drop(while: { $0 == " " })
            if trimmed.hasPrefix("WITH ") { trimmed = trimmed.dropFirst(5) }
            if let range = trimmed.range(of: " AS NOT MATERIALIZED ("), !trimmed[..<range.lowerBound].contains(" ") {
                finish()
                name = String(trimmed[..<range.lowerBound])
                body = []
            } else if line.hasPrefix("SELECT ") {
                finish()
                name = "final"
                body = [line]
            } else {
                body.append(line)
            }
        }
        finish()
    }

    private static func step(name: String, body: String) -> Step {
        let text = Array(body)
        var grouped: [String] = [], windows: [String] = []
        var index = 0
        while index < text.count {
            guard text[index].isLetter, index == 0 || !(text[index - 1].isLetter || text[index - 1] == "_" || text[index - 1] == ".") else {
                index += 1
                continue
            }
            var end = index
            while end < text.count, text[end].isLetter || text[end] == "_" { end += 1 }
            let function = String(text[index ..< end]).lowercased()
            guard aggregates.contains(function), end < text.count, text[end] == "(" else {
                index = end
                continue
            }
            var close = matching(text, end)
            var after = skipBlanks(text, close + 1)
            if word(at: after, in: text) == "FILTER" {
                let open = skipBlanks(text, after + 6)
                close = matching(text, open)
                after = skipBlanks(text, close + 1)
            }
            let call = String(text[index ... close])
            if word(at: after, in: text) == "OVER" { windows.append(call) } else if function != "row_number" { grouped.append(call) }
            index = close + 1
        }
        let groupBy = body.range(of: "GROUP BY ").map { range in
            String(body[range.upperBound...].prefix(while: { $0 != "\n" }))
        }
        var partitions: [String] = []
        var rest = Substring(body)
        while let range = rest.range(of: "PARTITION BY ") {
            partitions.append(String(rest[range.upperBound...].prefix(while: { $0 != ")" && $0 != "\n" })))
            rest = rest[range.upperBound...]
        }
        return Step(name: name, body: body, groupedAggregates: grouped, windows: windows, groupBy: groupBy, partitions: partitions)
    }

    private static func matching(_ text: [Character], _ open: Int) -> Int {
        var depth = 0, index = open
        while index < text.count {
            if text[index] == "(" { depth += 1 } else if text[index] == ")" {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return text.count - 1
    }

    private static func skipBlanks(_ text: [Character], _ from: Int) -> Int {
        var index = from
        while index < text.count, text[index].isWhitespace { index += 1 }
        return index
    }

    private static func word(at index: Int, in text: [Character]) -> String {
        var end = index
        while end < text.count, text[end].isLetter { end += 1 }
        return String(text[index ..< end]).uppercased()
    }
}
