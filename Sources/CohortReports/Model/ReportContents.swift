import Foundation

/// The table of contents of a rendered HTML report: every `<section id="…">` that has an
/// `<h2>`, in the order of the page.
///
/// The navigation is made from the page itself, so a section a template adds (or a custom
/// template's own) appears in it without being listed anywhere else.
///
///     ReportContents.entries(in: #"<section id="summary"><h2>Summary</h2>…</section>"#)
///     // [ContentsEntry(id: "summary", title: "Summary")]
///
/// Complexity: O(n) in the length of the page.
enum ReportContents {
    static func entries(in html: String) -> [ContentsEntry] {
        let page = Substring(html)
        var entries: [ContentsEntry] = []
        var rest = page[...]
        while let open = rest.range(of: "<section") {
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">") else { break }
            let attributes = rest[open.upperBound ..< tagEnd]
            rest = rest[rest.index(after: tagEnd)...]
            // The heading belongs to this section only if it comes before the next section starts.
            let next = rest.range(of: "<section")?.lowerBound ?? rest.endIndex
            guard let id = attribute("id", in: attributes), let heading = rest[..<next].range(of: "<h2"),
                  let headingStart = rest[heading.upperBound ..< next].firstIndex(of: ">"),
                  let headingEnd = rest[headingStart ..< next].range(of: "</h2>") else { continue }
            let title = plainText(rest[rest.index(after: headingStart) ..< headingEnd.lowerBound])
            if !title.isEmpty { entries.append(ContentsEntry(id: id, title: title)) }
        }
        return entries
    }

    /// The value of `name="…"` among a tag's attributes.
    private static func attribute(_ name: String, in attributes: Substring) -> String? {
        var rest = attributes
        while let found = rest.range(of: "\(name)=\"") {
            // A whole attribute name, not the end of another one ("data-id").
            let before = found.lowerBound == attributes.startIndex ? " " : attributes[attributes.index(before: found.lowerBound)]
            rest = rest[found.upperBound...]
            guard before.isWhitespace, let end = rest.firstIndex(of: "\"") else { continue }
            let value = String(rest[..<end])
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The text of an element's content: tags dropped, runs of white space made one space
    /// (entities stay as they are: the text is already HTML).
    private static func plainText(_ markup: Substring) -> String {
        var text = ""
        var inTag = false
        var lastWasSpace = true
        for character in markup {
            if character == "<" { inTag = true; continue }
            if character == ">" { inTag = false; continue }
            guard !inTag else { continue }
            if character.isWhitespace {
                if !lastWasSpace { text.append(" ") }
                lastWasSpace = true
            } else {
                text.append(character)
                lastWasSpace = false
            }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
