#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The argument parser's help, wrapped to the terminal between words but never inside a
/// parenthesis, bracket or angle bracket: "(default: detected, e.g. customer_id, Kundennummer)",
/// "(values: table, csv, json; default: table)" and "[--out <file>]" stay on one line.
///
/// The parser breaks at any space, inside its own "(values: …; default: …)" too, and leaves the
/// usage line unwrapped; so `cohort` asks it for the help without wrapping (`unwrapped` columns)
/// and wraps that here, keeping its layout: continuation lines of an option's or command's text
/// start in the parser's text column (26), those of the usage line below its first argument,
/// others at the line's own indent. A line that fits is left as it is; only a bracket longer
/// than a whole line is broken inside, rather than running past the edge.
///
///     HelpLayout.wrap("OPTIONS:\n  --out <dir>             Folder that receives the report folder (default: output).", width: 60)
///     // OPTIONS:
///     //   --out <dir>             Folder that receives the report
///     //                           folder (default: output).
enum HelpLayout {
    /// Columns to ask the parser for: no line of the help is that long.
    static let unwrapped = 100_000
    /// Where the parser starts the text of an option or command.
    static let textColumn = 26

    /// `help` wrapped to `width` columns.
    static func wrap(_ help: String, width: Int) -> String {
        var inList = false // in a section of options, arguments or commands
        return help.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let characters = Array(line)
            if let first = characters.first, first != " " { inList = isSectionTitle(characters) }
            return wrap(characters, width: max(width, textColumn + 20), hang: hang(characters, inList: inList))
        }.joined(separator: "\n")
    }

    /// The terminal's width: `COLUMNS`, else what the terminal reports, else 80 (as the argument parser does).
    static var terminalWidth: Int {
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 { return columns }
        var size = winsize()
        #if canImport(Glibc)
        let status = withUnsafeMutablePointer(to: &size) { ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), $0) }
        #else
        let status = withUnsafeMutablePointer(to: &size) { ioctl(STDOUT_FILENO, TIOCGWINSZ, $0) }
        #endif
        return status == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }

    /// "OPTIONS:", "SUBCOMMANDS:".
    private static func isSectionTitle(_ line: [Character]) -> Bool {
        line.last == ":" && line.dropLast().allSatisfy { $0.isUppercase || $0 == " " }
    }

    /// The column continuation lines start in.
    private static func hang(_ line: [Character], inList: Bool) -> Int {
        let indent = line.prefix { $0 == " " }.count
        if line.starts(with: "USAGE: ") { return "USAGE: ".count }
        // A row of a list: the label, then its text from the text column on.
        if inList && indent == 2 && line.count > textColumn && line[textColumn - 1] == " " && line[textColumn] != " " { return textColumn }
        return indent
    }

    /// One line, broken at spaces outside brackets; each continuation starts with `hang` spaces.
    private static func wrap(_ line: [Character], width: Int, hang: Int) -> [String] {
        guard line.count > width else { return [String(line)] }
        let enclosed = enclosedPositions(line)
        // Breaks only where the text has begun: after the indent, or after the label of a list row.
        let firstBreak = max(line.prefix { $0 == " " }.count, hang == textColumn ? textColumn : 0)
        let spaces = line.indices.filter { $0 > firstBreak && line[$0] == " " && line[$0 - 1] != " " }
        let breaks = spaces.filter { !enclosed[$0] }
        var lines: [String] = []
        var start = 0, column = 0 // where the current piece starts in `line`, and in the output line
        while true {
            let room = width - column
            if line.count - start <= room {
                lines.append(String(repeating: " ", count: column == 0 ? 0 : hang) + String(line[start...]))
                break
            }
            var end = breaks.last { $0 > start && $0 - start <= room }
            if end == nil, (breaks.first { $0 > start } ?? line.count) - start > width - hang {
                // A bracket longer than a whole line: broken inside after all, rather than running past the edge.
                end = spaces.last { $0 > start && $0 - start <= room }
            }
            guard let end = end ?? breaks.first(where: { $0 > start }) else {
                lines.append(String(repeating: " ", count: column == 0 ? 0 : hang) + String(line[start...]))
                break
            }
            lines.append(String(repeating: " ", count: column == 0 ? 0 : hang) + String(line[start ..< end]))
            start = end + 1
            while start < line.count && line[start] == " " { start += 1 }
            column = hang
        }
        return lines
    }

    /// True for each position inside a matched (), [] or <> pair; an unmatched bracket encloses nothing.
    private static func enclosedPositions(_ line: [Character]) -> [Bool] {
        let closing: [Character: Character] = [")": "(", "]": "[", ">": "<"]
        var depthChange = [Int](repeating: 0, count: line.count + 1)
        var open: [(index: Int, character: Character)] = []
        for (index, character) in line.enumerated() {
            if "([<".contains(character) {
                open.append((index, character))
            } else if let opener = closing[character], let last = open.lastIndex(where: { $0.character == opener }) {
                depthChange[open[last].index + 1] += 1
                depthChange[index] -= 1
                open.removeSubrange(last...)
            }
        }
        var depth = 0
        return line.indices.map { index in
            depth += depthChange[index]
            return depth > 0
        }
    }
}
