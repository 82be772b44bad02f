import CByteScan

/// Splits CSV bytes into records and fields (RFC 4180): quoted fields may hold the
/// delimiter, doubled quotes and line breaks; records end with LF or CRLF.
///
/// Fields are byte ranges into the input, so reading a record allocates nothing.
/// A field with doubled quotes inside is marked so the caller can unescape it.
/// A plain record (no quote), nearly every record of a typical export, is read from masks
/// of the delimiters and line breaks of 64 bytes at a time from its start (one for most
/// records; `cohort_record_masks64`, `plainRecord`): each field a count of trailing zeros, in
/// a loop that runs as many times for every record of the file. Other records are read field
/// by field, with a mask of the delimiters, line feeds and quotes of 64 bytes at a time
/// (`cohort_match_mask64`).
///
/// Complexity: O(bytes), one pass.
struct CSVTokenizer {
    typealias Field = FieldRange

    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    /// Nothing at or after this offset is looked at: the bytes read so far, when a file is read
    /// just ahead of its records (`CSVRecords` moves it on with `readable(upTo:)`; memory past it
    /// may hold anything). A record running into it ends there, a quoted field there is unclosed.
    private(set) var end: Int
    private(set) var position: Int
    /// The physical line (1-based) where the next record starts.
    private(set) var line: Int
    /// Bit k: whether byte `blockStart + k` is a delimiter, line feed or quote.
    private var blockStart: Int
    private var blockMask: UInt64 = 0
    /// Records read field by field before `plainRecord` is tried again, and how many after its
    /// next quote: after a record with a quote, 1, then twice as many after each quote in a row
    /// (up to 64), so that a file that quotes every field wastes a mask on one record in 65.
    private var plainPause = 0
    private var plainPauseAfterQuote = 0

    init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, start: Int = 0, line: Int = 1) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.position = start
        self.line = line
        end = bytes.count
        blockStart = start - 64 // no block yet
    }

    var isAtEnd: Bool { position >= end }

    /// Looks at the bytes before `offset` only (all of them at most): those read so far.
    mutating func readable(upTo offset: Int) {
        end = min(max(offset, 0), bytes.count)
    }

    /// Goes on from `start`, a record's first byte on physical line `line` (where a record read
    /// elsewhere ended).
    mutating func move(to start: Int, line: Int) {
        position = start
        self.line = line
        blockStart = start - 64
        blockMask = 0
    }

    /// Reads the next record into `fields`; returns its first line and byte range, or nil at the end.
    /// Throws `unterminatedQuote(line:)` when a quoted field never closes.
    mutating func nextRecord(into fields: FieldList) throws(CSVTokenizerError) -> (line: Int, range: Range<Int>)? {
        guard position < end else { return nil }
        if position &+ 64 <= end {
            if plainPause == 0 {
                if let record = plainRecord(into: fields) { return record }
            } else {
                plainPause -= 1
            }
        }
        fields.removeAll()
        let recordLine = line
        let recordStart = position
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        let delimiter = self.delimiter
        var i = position
        let count = end
        let limit = fields.storedLimit
        var stored = 0
        while true {
            if stored == limit {
                i = try skipFields(from: i, counting: fields)
                break
            }
            stored += 1
            if i < count && bytes[i] == quote {
                let quoted = try quotedField(at: i)
                fields.append(Field(start: i + 1, end: quoted.closingQuote, hasEscapedQuotes: quoted.escaped))
                i = quoted.end
            } else {
                let start = i
                i = nextDelimiterOrNewline(from: i)
                var end = i
                if end > start && bytes[end - 1] == carriageReturn && (i >= count || bytes[i] == newline) { end -= 1 }
                fields.append(Field(start: start, end: end))
            }
            if i < count && bytes[i] == delimiter { i += 1; continue }
            break
        }
        if i < count && bytes[i] == carriageReturn { i += 1 }
        var recordEnd = i
        if i < count && bytes[i] == newline { i += 1; line += 1 }
        while recordEnd > recordStart && (bytes[recordEnd - 1] == newline || bytes[recordEnd - 1] == carriageReturn) { recordEnd -= 1 }
        position = i
        return (recordLine, recordStart ..< recordEnd)
    }

    /// The record at `position` when it is plain, as most records of an export are: no quote, and
    /// its line feed in a block of 64 bytes (counted from its start) that lies wholly in what is
    /// read; nil for any other (read field by field).
    ///
    /// Its fields are read from masks of the delimiters and line breaks of 64 bytes at a time from
    /// its start (one for a record shorter than that): each field ends at the next delimiter (a
    /// count of trailing zeros), the last at the line feed, without a look at the fields' bytes;
    /// the fields past `storedLimit` are counted in the masks. The same fields, lines and extent
    /// as field by field (`nextRecord`).
    ///
    /// A record of one mask, most of them, is read here without the loop of `longPlainRecord`:
    /// taking every record through that loop cost 4 % on order lines (8 alternating runs).
    @inline(__always)
    private mutating func plainRecord(into fields: FieldList) -> (line: Int, range: Range<Int>)? {
        let start = position
        let masks = cohort_record_masks64(bytes.baseAddress.unsafelyUnwrapped + start, delimiter)
        guard masks.breaks != 0 else { return longPlainRecord(into: fields, firstMasks: masks) }
        let lineFeed = start + masks.breaks.trailingZeroBitCount
        guard bytes[lineFeed] == UInt8(ascii: "\n") else { return pauseAfterQuote() }
        var delimiters = masks.delimiters & (1 << UInt64(lineFeed - start) &- 1)
        fields.removeAll()
        let limit = fields.storedLimit
        var stored = 0, fieldStart = start
        Self.keepFields(ending: &delimiters, in: start, from: &fieldStart, kept: &stored, limit: limit, into: fields)
        return finishPlainRecord(from: start, lineFeed: lineFeed, lastFieldStart: fieldStart, stored: stored, skipped: delimiters.nonzeroBitCount, into: fields)
    }

    /// `plainRecord` for a record whose line feed is not within 64 bytes of its start, from the
    /// masks of those first 64 bytes.
    private mutating func longPlainRecord(into fields: FieldList, firstMasks: cohort_record_masks) -> (line: Int, range: Range<Int>)? {
        let start = position
        let base = bytes.baseAddress.unsafelyUnwrapped
        fields.removeAll()
        let limit = fields.storedLimit
        var stored = 0, skipped = 0, fieldStart = start, block = start, lineFeed = -1
        var masks = firstMasks
        while true {
            var delimiters = masks.delimiters
            if masks.breaks != 0 {
                lineFeed = block + masks.breaks.trailingZeroBitCount
                guard bytes[lineFeed] == UInt8(ascii: "\n") else { return pauseAfterQuote() }
                delimiters &= 1 << UInt64(lineFeed - block) &- 1
            }
            Self.keepFields(ending: &delimiters, in: block, from: &fieldStart, kept: &stored, limit: limit, into: fields)
            skipped += delimiters.nonzeroBitCount // past the limit
            if lineFeed >= 0 { break }
            block += 64
            guard block + 64 <= end else { return nil }
            masks = cohort_record_masks64(base + block, delimiter)
        }
        return finishPlainRecord(from: start, lineFeed: lineFeed, lastFieldStart: fieldStart, stored: stored, skipped: skipped, into: fields)
    }

    /// Keeps the fields that end at the `delimiters` (bit k: byte `block + k`), the first from
    /// `fieldStart`, while fewer than `limit` are `kept`; the delimiters left are past the limit.
    @inline(__always)
    private static func keepFields(ending delimiters: inout UInt64, in block: Int, from fieldStart: inout Int, kept: inout Int,
                                   limit: Int, into fields: FieldList) {
        while delimiters != 0 && kept < limit {
            let fieldEnd = block + delimiters.trailingZeroBitCount
            fields.append(Field(start: fieldStart, end: fieldEnd))
            kept += 1
            fieldStart = fieldEnd + 1
            delimiters &= delimiters &- 1
        }
    }

    /// The end of `plainRecord`: the last field kept (without the CR of a CRLF) or counted, then
    /// the record's line and extent; the tokenizer moves past its line feed.
    @inline(__always)
    private mutating func finishPlainRecord(from start: Int, lineFeed: Int, lastFieldStart: Int, stored: Int, skipped: Int,
                                            into fields: FieldList) -> (line: Int, range: Range<Int>) {
        if stored < fields.storedLimit {
            let crlf = lineFeed > lastFieldStart && bytes[lineFeed - 1] == UInt8(ascii: "\r")
            fields.append(Field(start: lastFieldStart, end: crlf ? lineFeed - 1 : lineFeed))
        } else {
            fields.skip(skipped + 1)
        }
        var recordEnd = lineFeed
        while recordEnd > start && bytes[recordEnd - 1] == UInt8(ascii: "\r") { recordEnd -= 1 }
        plainPauseAfterQuote = 0
        let recordLine = line
        line += 1
        position = lineFeed + 1
        return (recordLine, start ..< recordEnd)
    }

    /// `plainRecord` met a quote: the next records are read field by field (`plainPause`); nil.
    private mutating func pauseAfterQuote() -> (line: Int, range: Range<Int>)? {
        plainPauseAfterQuote = min(max(1, 2 * plainPauseAfterQuote), 64)
        plainPause = plainPauseAfterQuote
        return nil
    }

    /// Every field of the record at `extent` of `bytes` (read before, so complete there) into
    /// `fields`, none skipped whatever their `storedLimit`. An empty line is one empty field, as
    /// `nextRecord` reads it.
    static func allFields(of extent: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, into fields: FieldList) {
        var tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter, start: extent.lowerBound)
        tokenizer.readable(upTo: extent.upperBound)
        let limit = fields.storedLimit
        fields.storedLimit = .max
        defer { fields.storedLimit = limit }
        fields.removeAll()
        guard !extent.isEmpty else { return fields.append(Field(start: extent.lowerBound, end: extent.lowerBound)) }
        _ = try? tokenizer.nextRecord(into: fields) // it was read whole before: its quotes close
    }

    /// Steps over the fields of the record from `start` (a field's first byte) to its end,
    /// counting them in `fields` without keeping them; returns where the record's last field ends.
    ///
    /// The first few are found mark by mark in the block's mask (a delimiter: one more field; a
    /// line feed: the end), as a short export's trailing columns are: a few instructions each.
    /// Past `marksWalked` marks, the fields up to the next line feed or quote are the delimiters
    /// counted in the mask plus one, a few instructions for any number of fields (the dozens of
    /// columns of a shop's export). A quote may begin a quoted field: the fields are then
    /// stepped over one by one.
    private mutating func skipFields(from start: Int, counting fields: FieldList) throws(CSVTokenizerError) -> Int {
        var i = start
        var skipped = 1
        for _ in 0 ..< Self.marksWalked {
            let mark = nextMarked(from: i)
            guard mark < end else {
                fields.skip(skipped)
                return end
            }
            let byte = bytes[mark]
            if byte == delimiter {
                skipped += 1
                i = mark + 1
            } else if byte == UInt8(ascii: "\n") {
                fields.skip(skipped)
                return mark
            } else {
                blockStart = start - 64 // a quote: the blocks are read again from the first field
                return try skipFieldsOneByOne(from: start, counting: fields)
            }
        }
        return try skipCountedFields(from: i, skipped: skipped, recordFieldsFrom: start, counting: fields)
    }

    /// Marks `skipFields` walks one by one before it counts the rest in the block's mask: the
    /// sample's three trailing columns are three marks (stepping over them takes 4.4–5.1 % of the
    /// CPU samples there, against 6.2–6.9 % when every record counted its fields in a second mask
    /// of line feeds and quotes).
    private static let marksWalked = 8

    /// `skipFields` from `start`, a field's first byte, `skipped` fields stepped over before it
    /// (from `recordStart`, where the fields stepped over began): counted in the block's masks.
    private mutating func skipCountedFields(from start: Int, skipped alreadySkipped: Int, recordFieldsFrom recordStart: Int,
                                            counting fields: FieldList) throws(CSVTokenizerError) -> Int {
        var i = start
        var skipped = alreadySkipped
        while true {
            let offset = i &- blockStart
            if offset >= 0 && offset < 64 {
                let breaks = breaksOfBlock() >> UInt64(offset), marks = blockMask >> UInt64(offset)
                if breaks != 0 {
                    let length = breaks.trailingZeroBitCount
                    guard bytes[i + length] == UInt8(ascii: "\n") else { break } // a quote: one by one below
                    fields.skip(skipped + (marks & (1 << UInt64(length) &- 1)).nonzeroBitCount)
                    return i + length
                }
                skipped += marks.nonzeroBitCount
                i = blockStart + 64
            }
            guard i < end else {
                fields.skip(skipped)
                return end
            }
            loadBlock(at: i)
        }
        blockStart = recordStart - 64 // the blocks are read again from the first field
        return try skipFieldsOneByOne(from: recordStart, counting: fields)
    }

    /// `skipFields` for a record with a quote among the fields stepped over.
    private mutating func skipFieldsOneByOne(from start: Int, counting fields: FieldList) throws(CSVTokenizerError) -> Int {
        var i = start
        var skipped = 0
        while true {
            skipped += 1
            i = i < end && bytes[i] == UInt8(ascii: "\"") ? try quotedField(at: i).end : nextDelimiterOrNewline(from: i)
            if i < end && bytes[i] == delimiter { i += 1; continue }
            fields.skip(skipped)
            return i
        }
    }

    /// The quoted field whose opening quote is at `start`: where its closing quote is, whether it
    /// holds doubled quotes, and where the field ends (anything between the closing quote and the
    /// next delimiter or line end is ignored). Counts the line breaks inside it; throws when the
    /// quote never closes.
    private mutating func quotedField(at start: Int) throws(CSVTokenizerError) -> (closingQuote: Int, escaped: Bool, end: Int) {
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        let fieldLine = line
        var escaped = false
        var i = start + 1
        while true {
            guard i < end else { throw .unterminatedQuote(line: fieldLine) }
            let byte = bytes[i]
            if byte == quote {
                if i + 1 < end && bytes[i + 1] == quote { escaped = true; i += 2; continue }
                break
            }
            if byte == newline { line += 1 }
            i += 1
        }
        let closingQuote = i
        i += 1
        while i < end && bytes[i] != delimiter && bytes[i] != newline && bytes[i] != carriageReturn { i += 1 }
        return (closingQuote, escaped, i)
    }

    /// The index of the first delimiter or line feed at or after `start` (the end of the bytes if
    /// none): the end of an unquoted field, where a quote is an ordinary byte.
    @inline(__always)
    private mutating func nextDelimiterOrNewline(from start: Int) -> Int {
        var i = start
        while true {
            i = nextMarked(from: i)
            guard i < end && bytes[i] == UInt8(ascii: "\"") else { return i }
            i += 1
        }
    }

    /// The index of the first delimiter, line feed or quote at or after `start`, or the end of the bytes.
    @inline(__always)
    private mutating func nextMarked(from start: Int) -> Int {
        var i = start
        while true {
            let offset = i &- blockStart
            if offset < 64 {
                let rest = blockMask >> UInt64(offset)
                if rest != 0 { return i + rest.trailingZeroBitCount }
                i = blockStart + 64
            }
            guard i < end else { return end }
            loadBlock(at: i)
        }
    }

    /// Makes the block start at `start`: the mask of the 64 bytes from there (fewer at the end).
    private mutating func loadBlock(at start: Int) {
        blockStart = start
        blockMask = mask(at: start, delimiter, UInt8(ascii: "\n"), UInt8(ascii: "\""))
    }

    /// The block's line feeds and quotes (where fields are stepped over): its marks that are no delimiter.
    private func breaksOfBlock() -> UInt64 {
        mask(at: blockStart, UInt8(ascii: "\n"), UInt8(ascii: "\""), UInt8(ascii: "\""))
    }

    /// Bit k: whether byte `start + k` is `a`, `b` or `c`, for the 64 bytes from `start` (fewer at the end).
    @inline(__always)
    private func mask(at start: Int, _ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt64 {
        if start + 64 <= end, let base = bytes.baseAddress { return cohort_match_mask64(base + start, a, b, c) }
        var mask: UInt64 = 0
        for index in start ..< end where bytes[index] == a || bytes[index] == b || bytes[index] == c {
            mask |= 1 << UInt64(index - start)
        }
        return mask
    }
}

enum CSVTokenizerError: Error, Equatable {
    case unterminatedQuote(line: Int)
}
