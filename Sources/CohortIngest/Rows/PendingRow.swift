import CohortCore
/// A row that reads two ways until its file settles a convention: `03/04/2026`
/// before the day/month order is known, `1.500` before the decimal separator is.
///
/// It holds everything needed to add it to the table, or reject it, once the
/// convention is known; ids are copied, not interned, so that a row that ends
/// up rejected leaves no customer behind.
struct PendingRow {
    enum DateValue {
        case known(Int)
        case ambiguous(dayFirst: Int, monthFirst: Int, text: String)
    }

    enum AmountValue {
        case known(Int64, CurrencyMark)
        case ambiguous(point: FieldParser.Amount, comma: FieldParser.Amount, text: String)
    }

    var position: RecordPosition
    var customer: [UInt8]
    /// The order id; nil without an order column, empty for a row without one.
    var order: [UInt8]?
    var date: DateValue
    var amount: AmountValue
    /// The values of the segment columns (empty for a column the file lacks).
    var segments: [[UInt8]] = []

    /// Whether the row still waits for a convention that is not settled.
    func waits(dateOrder: DateOrder?, decimal: DecimalSeparator?) -> Bool {
        if case .ambiguous = date, dateOrder == nil { return true }
        if case .ambiguous = amount, decimal == nil { return true }
        return false
    }
}
