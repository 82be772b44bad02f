extension String {
    /// The text without the blanks a file's field loses when it is read (`FieldParser.trimmed`):
    /// spaces, tabs, no-break spaces (U+00A0, U+202F) at both ends, and thin spaces (U+2009) in front.
    var trimmingFieldBlanks: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
              Self.leadingBlanks.contains(first.value) || Self.trailingBlanks.contains(last.value) else { return self }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, Self.leadingBlanks.contains(scalars[start].value) { start = scalars.index(after: start) }
        while end > start, Self.trailingBlanks.contains(scalars[scalars.index(before: end)].value) { end = scalars.index(before: end) }
        return String(scalars[start ..< end])
    }

    private static let leadingBlanks: Set<UInt32> = [0x20, 0x09, 0xA0, 0x202F, 0x2009]
    private static let trailingBlanks: Set<UInt32> = [0x20, 0x09, 0xA0, 0x202F]
}
