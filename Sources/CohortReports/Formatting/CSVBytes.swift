import CohortCore

/// A CSV file built as bytes, for exports of many rows: the same fields `CSVField` writes
/// (data neutralized for spreadsheets, quoted when needed), without a String per field, in a
/// `CSVExportDialect` (its delimiter, decimal mark and line end; the caller writes its header).
///
/// Each line is written through a `Line` straight into the buffer, after room for its longest
/// possible form was made (`line(maximumBytes:_:)`): the one place with pointers, so that a
/// few hundred thousand lines take a few hundredths of a second.
///
///     var out = CSVBytes(capacity: 1 << 16)
///     out.line(maximumBytes: 64) { line in
///         line.field("C-1"); line.delimiter(); line.money(Money(minorUnits: 1250)); line.newline()
///     }
///     out.bytes   // "C-1,12.50\n" (excel-de: "C-1;12,50\r\n")
struct CSVBytes {
    private var storage: [UInt8]
    private var count = 0
    let dialect: CSVExportDialect

    init(capacity: Int, dialect: CSVExportDialect = .rfc4180) {
        storage = [UInt8](repeating: 0, count: max(capacity, 64))
        self.dialect = dialect
    }

    /// What was written.
    var bytes: [UInt8] { Array(storage[..<count]) }

    /// Writes one line of at most `maximumBytes` bytes (`Line.maximumBytes` says what each field may take;
    /// the CR of a CRLF line end is allowed for here).
    mutating func line(maximumBytes: Int, _ write: (inout Line) -> Void) {
        let maximumBytes = maximumBytes + 1
        if count + maximumBytes > storage.count {
            storage.append(contentsOf: repeatElement(0, count: max(storage.count, maximumBytes)))
        }
        let dialect = dialect
        let written = storage.withUnsafeMutableBufferPointer { buffer -> Int in
            var line = Line(start: buffer.baseAddress! + count, dialect: dialect)
            write(&line)
            precondition(line.written <= maximumBytes, "CSV line longer than its bound")
            return line.written
        }
        count += written
    }

    /// `value` with `places` decimals, half away from zero, as text; empty for nil (for single fields).
    static func fixed(_ value: Double?, places: Int) -> String {
        var out = CSVBytes(capacity: 64)
        out.line(maximumBytes: Line.numberBytes) { $0.fixed(value, places: places) }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// A cursor over room made for one line.
    struct Line {
        /// The most bytes a number field takes (an Int64 with sign, or a fixed decimal up to 10^15).
        static let numberBytes = 26

        /// The most bytes `field` takes for `text`: every character quoted, a `'` and two quotes.
        static func fieldBytes(_ text: String) -> Int { 2 * text.utf8.count + 3 }

        private let start: UnsafeMutablePointer<UInt8>
        private(set) var written = 0
        private let delimiterByte: UInt8
        private let decimalMark: UInt8
        private let endsWithCRLF: Bool
        private let dialect: CSVExportDialect

        fileprivate init(start: UnsafeMutablePointer<UInt8>, dialect: CSVExportDialect) {
            self.start = start
            self.dialect = dialect
            delimiterByte = dialect.delimiterByte
            decimalMark = dialect.decimalMarkByte
            endsWithCRLF = dialect.endsLinesWithCRLF
        }

        mutating func byte(_ byte: UInt8) {
            start[written] = byte
            written += 1
        }

        /// The dialect's delimiter: `,` or `;`.
        mutating func delimiter() { byte(delimiterByte) }

        /// The earlier name of ``delimiter()``, which writes the dialect's delimiter (a comma in RFC 4180).
        @available(*, deprecated, renamed: "delimiter()")
        mutating func comma() { delimiter() }

        /// The dialect's line end: LF, or CR LF.
        mutating func newline() {
            if endsWithCRLF { byte(13) }
            byte(UInt8(ascii: "\n"))
        }

        /// Text we wrote ourselves (a status, a label), as it is.
        mutating func text(_ text: String) {
            for byte in text.utf8 { self.byte(byte) }
        }

        /// Text from the data, as `CSVField.data` writes it.
        mutating func field(_ text: String) {
            var plain = true
            for byte in text.utf8 where byte == delimiterByte || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13 {
                plain = false
                break
            }
            switch text.utf8.first {
            case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: plain = false
            default: break
            }
            self.text(plain ? text : CSVField.data(text, delimiter: dialect.delimiter))
        }

        mutating func integer(_ value: Int64) {
            if value < 0 { byte(UInt8(ascii: "-")) }
            digits(value.magnitude, minimumCount: 1)
        }

        /// Money with exactly two decimals: `-1234.50` (`-1234,50` in excel-de).
        mutating func money(_ money: Money) {
            let magnitude = money.minorUnits.magnitude, perUnit = UInt64(Money.minorUnitsPerUnit)
            if money.minorUnits < 0 { byte(UInt8(ascii: "-")) }
            digits(magnitude / perUnit, minimumCount: 1)
            byte(decimalMark)
            digits(magnitude % perUnit, minimumCount: 2)
        }

        /// An ISO date, `2026-10-31`.
        mutating func date(_ date: CivilDate) {
            digits(UInt64(clamping: date.year), minimumCount: 4)
            byte(UInt8(ascii: "-"))
            digits(UInt64(clamping: date.month), minimumCount: 2)
            byte(UInt8(ascii: "-"))
            digits(UInt64(clamping: date.day), minimumCount: 2)
        }

        /// `value` with `places` (at most 9) decimals, half away from zero, with the dialect's decimal mark; nothing for nil.
        ///
        /// A model's output, not a sum of money: rounding the binary value scaled by 10^places is
        /// exact enough; a value too large for that is written with the digits it has.
        mutating func fixed(_ value: Double?, places: Int) {
            guard let value, value.isFinite else { return }
            var scale: UInt64 = 1
            for _ in 0 ..< min(places, 9) { scale *= 10 }
            let scaled = (value * Double(scale)).rounded(.toNearestOrAwayFromZero)
            guard scaled.magnitude < 1e15 else {
                integer(Int64(value.rounded(.toNearestOrAwayFromZero).clamped(to: -9e18 ... 9e18)))
                if places > 0 { byte(decimalMark) }
                for _ in 0 ..< min(places, 9) { byte(UInt8(ascii: "0")) }
                return
            }
            let units = Int64(scaled)
            if units < 0 { byte(UInt8(ascii: "-")) }
            digits(units.magnitude / scale, minimumCount: 1)
            guard places > 0 else { return }
            byte(decimalMark)
            digits(units.magnitude % scale, minimumCount: min(places, 9))
        }

        /// The decimal digits of `value`, zero-padded to `minimumCount`.
        private mutating func digits(_ value: UInt64, minimumCount: Int) {
            var length = 1, probe = value
            while probe >= 10 {
                probe /= 10
                length += 1
            }
            length = max(length, minimumCount)
            var position = written + length, value = value
            for _ in 0 ..< length {
                position -= 1
                start[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
                value /= 10
            }
            written += length
        }
    }
}

private extension Double {
    func clamped(to range: ClosedRange<Double>) -> Double { Swift.min(Swift.max(self, range.lowerBound), range.upperBound) }
}
