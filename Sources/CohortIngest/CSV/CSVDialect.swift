/// How a CSV file is written: its delimiter, and where its header starts.
///
/// The delimiter is the most frequent of `,` `;` tab `|` outside quotes on the header
/// line; a tie is broken by the lines below (the candidate that splits them into as
/// many fields as the header wins), then in that order. Excel's `sep=;` first line
/// names the delimiter and is skipped. Only the header and at most 20 lines below it
/// are looked at: detection never reads the whole file.
struct CSVDialect: Equatable {
    var delimiter: UInt8
    /// Byte offset where reading starts: the first line that is not blank, after a `sep=` line.
    var headerStart: Int
    /// Its 1-based line number.
    var headerLine: Int

    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// The dialect of UTF-8 text starting at `start`; `delimiter` when given on the command line.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, delimiter explicit: UInt8?) -> CSVDialect {
        var headerStart = start, headerLine = 1
        // Blank lines before the header are skipped (the tokenizer skips them too).
        var lineStart = start, i = start
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") || bytes[i] == UInt8(ascii: "\r") || bytes[i] == UInt8(ascii: "\n") {
            if bytes[i] == UInt8(ascii: "\n") {
                headerLine += 1
                lineStart = i + 1
            }
            i += 1
        }
        headerStart = lineStart
        var named: UInt8?
        if let line = separatorLine(bytes, from: headerStart) {
            named = line.delimiter
            headerStart = line.next
            headerLine += 1
        }
        if let delimiter = explicit ?? named { return CSVDialect(delimiter: delimiter, headerStart: headerStart, headerLine: headerLine) }

        var lines: [[Int]] = []
        var position = headerStart
        while lines.count < 21 && position < bytes.count {
            let (counts, next) = delimiterCounts(bytes, from: position)
            lines.append(counts)
            position = next
        }
        guard let header = lines.first, let top = header.max(), top > 0 else {
            return CSVDialect(delimiter: UInt8(ascii: ","), headerStart: headerStart, headerLine: headerLine)
        }
        let tied = candidates.indices.filter { header[$0] == top }
        let best = tied.max { a, b in
            let agreeA = lines.dropFirst().filter { $0[a] == top }.count, agreeB = lines.dropFirst().filter { $0[b] == top }.count
            return agreeA != agreeB ? agreeA < agreeB : a > b
        } ?? tied[0]
        return CSVDialect(delimiter: candidates[best], headerStart: headerStart, headerLine: headerLine)
    }

    /// Excel's `sep=X` line (maybe quoted): the delimiter X and the offset after the line.
    private static func separatorLine(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (delimiter: UInt8, next: Int)? {
        var i = start
        if i < bytes.count && bytes[i] == UInt8(ascii: "\"") { i += 1 }
        let prefix = Array("sep=".utf8)
        guard i + prefix.count < bytes.count else { return nil }
        for (offset, byte) in prefix.enumerated() where bytes[i + offset] | 0x20 != byte { return nil }
        i += prefix.count
        let separator = bytes[i]
        guard separator != UInt8(ascii: "\n") && separator != UInt8(ascii: "\r") else { return nil }
        i += 1
        if i < bytes.count && bytes[i] == UInt8(ascii: "\"") { i += 1 }
        while i < bytes.count && (bytes[i] == separator || bytes[i] == UInt8(ascii: ",")) { i += 1 } // "sep=;;;" from Excel
        if i < bytes.count && bytes[i] == UInt8(ascii: "\r") { i += 1 }
        guard i >= bytes.count || bytes[i] == UInt8(ascii: "\n") else { return nil }
        return (separator, min(i + 1, bytes.count))
    }

    /// How often each candidate occurs outside quotes on the line starting at `start`, and where the next line starts.
    private static func delimiterCounts(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> ([Int], Int) {
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var i = start
        while i < bytes.count && (inQuotes || bytes[i] != UInt8(ascii: "\n")) {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes, let index = candidates.firstIndex(of: byte) {
                counts[index] += 1
            }
            i += 1
        }
        return (counts, i + 1)
    }
}
