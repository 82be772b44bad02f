/// Where one field's bytes are in a buffer, and how to read them.
///
/// CSV fields point into the file's bytes (quotes stripped); workbook cells point
/// into the bytes of their sheet. Reading a record therefore allocates nothing.
struct FieldRange: Equatable {
    /// The field's bytes are `start ..< end`.
    var start: Int
    var end: Int
    /// A quoted CSV field with `""` inside, to be collapsed to `"` before use.
    var hasEscapedQuotes = false
    /// A workbook cell stored as a number (an amount as a binary double, a date as a serial day).
    var isNumber = false

    init(start: Int, end: Int, hasEscapedQuotes: Bool = false, isNumber: Bool = false) {
        self.start = start
        self.end = end
        self.hasEscapedQuotes = hasEscapedQuotes
        self.isNumber = isNumber
    }

    var isEmpty: Bool { start == end }
}
