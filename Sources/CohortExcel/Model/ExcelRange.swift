/// A rectangle of cells, by 0-based row and column indices, both ends included.
///
///     ExcelRange(rows: 1...12, columns: 2...14).reference   // "C2:O13"
public struct ExcelRange: Sendable, Hashable {
    public var firstRow: Int
    public var firstColumn: Int
    public var lastRow: Int
    public var lastColumn: Int

    public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        firstRow = rows.lowerBound
        lastRow = rows.upperBound
        firstColumn = columns.lowerBound
        lastColumn = columns.upperBound
    }

    public var rows: ClosedRange<Int> { firstRow...lastRow }
    public var columns: ClosedRange<Int> { firstColumn...lastColumn }

    /// The range in Excel's A1 notation (`B2:D9`; one cell is `B2`).
    public var reference: String {
        let first = Self.cellReference(row: firstRow, column: firstColumn)
        let last = Self.cellReference(row: lastRow, column: lastColumn)
        return first == last ? first : first + ":" + last
    }

    /// One cell in A1 notation: row 0, column 0 is `A1`; column 26 is `AA`.
    public static func cellReference(row: Int, column: Int) -> String {
        columnName(column) + String(row + 1)
    }

    /// Excel's letters for a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`.
    public static func columnName(_ column: Int) -> String {
        var letters: [Character] = []
        var number = max(column, 0) + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }
}
